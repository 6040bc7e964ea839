// Times of events (front matter `event:`): a calendar day (an all-day event), a local
// date-time without offset (wall-clock time in the language's time zone, so
// 2027-03-28T10:00:00 in Sofia is 07:00 UTC after that night's change to summer time),
// or a date-time with an explicit offset.
import { dateProblem, toEpochMs, zoneOffsetMinutes } from "./dates.js";
import type { Message } from "./messages/index.js";

const BARE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Why an event time is not acceptable, or null when it is. */
export function eventTimeProblem(value: string): Message | null {
  const local = LOCAL.exec(value);
  if (!local) return dateProblem(value);
  // Checked as the same wall-clock time with a zero offset: the day and the time of day are the same.
  return dateProblem(`${value}${local[6] === undefined ? ":00" : ""}Z`);
}

export const isAllDay = (value: string): boolean => BARE.test(value);

/** Epoch ms of a validated event time: a day starts at local midnight, a local time is read in `timeZone`. */
export function eventTimeToEpochMs(value: string, timeZone: string): number {
  const local = LOCAL.exec(value);
  if (!local) return toEpochMs(value, timeZone);
  const wall = Date.UTC(Number(local[1]), Number(local[2]) - 1, Number(local[3]), Number(local[4]), Number(local[5]), Number(local[6] ?? 0));
  // Two passes, as for a bare date: the offset at the guessed instant settles it next to a DST change.
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60000;
  return guess;
}
