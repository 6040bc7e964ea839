// Start and end of an alert: a date with a time of day (a bare date is refused: an alert
// needs a time), with an offset, or without one and then read in the language's time
// zone (Europe/Sofia, Europe/Warsaw), daylight saving included.
import { dateProblem, toEpochMs, zoneOffsetMinutes } from "./dates.js";
import { msg, type Message } from "./messages/index.js";

// A date, a time of day, and an optional offset (Z or ±hh:mm).
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const BARE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a start or end is not acceptable, or null when it is. */
export function alertTimeProblem(value: string): Message | null {
  if (BARE.test(value)) {
    if (dateProblem(value)) return msg("alert.timeNotRealDate", { value });
    return msg("alert.timeNoTime", { value });
  }
  const m = DATE_TIME.exec(value);
  if (!m) return msg("alert.timeNotDateTime", { value });
  if (dateProblem(m[1]!)) return msg("alert.timeNotRealDate", { value });
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) {
    return msg("date.notRealTime", { value });
  }
  return null;
}

/** Epoch milliseconds of a validated start or end; without an offset, local time in `timeZone`. */
export function alertTimeToEpochMs(value: string, timeZone: string): number {
  const m = DATE_TIME.exec(value);
  if (!m || m[5]) return toEpochMs(value.replace(" ", "T"), timeZone);
  const asUtc = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}Z`);
  // Two passes settle the offset next to a daylight-saving change, as for bare dates.
  let guess = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60000;
  guess = asUtc - zoneOffsetMinutes(guess, timeZone) * 60000;
  return guess;
}
