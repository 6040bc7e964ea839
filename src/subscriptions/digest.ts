// Digest times: every day at 07:00, and on Mondays at 07:00, in the reader's locale's time
// zone (Europe/Sofia for bg, Europe/Warsaw for pl), daylight saving time included.
import { zoneOffsetMinutes } from "../content/dates.js";

export const DIGEST_HOUR = 7;
const DAY_MS = 86_400_000;

/** Epoch ms of local wall-clock time y-m-d h:00 in `timeZone` (two passes settle the offset next to a DST change). */
function localTime(y: number, m: number, d: number, h: number, timeZone: string): number {
  const wall = Date.UTC(y, m, d, h);
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60000;
  return guess;
}

/** The latest digest moment at or before `now`: 07:00 local, on a Monday for weekly digests. */
export function lastDigestSlot(now: number, timeZone: string, frequency: "daily" | "weekly"): number {
  const local = new Date(now + zoneOffsetMinutes(now, timeZone) * 60000);
  // Noon UTC of the local calendar day: stepping whole days never crosses a date line.
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 12);
  for (let i = 0; i < 8; i++, day -= DAY_MS) {
    const d = new Date(day);
    if (frequency === "weekly" && d.getUTCDay() !== 1) continue;
    const slot = localTime(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), DIGEST_HOUR, timeZone);
    if (slot <= now) return slot;
  }
  throw new Error(`No digest moment found before ${new Date(now).toISOString()} in ${timeZone}`);
}
