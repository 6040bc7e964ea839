// Advice for pictures that work but are heavier than a phone needs (issue 22): `npm run
// check` warns; the portal still serves them, as variants sized for the screen.
import { msg, type Message } from "./messages/index.js";

/** `npm run check` warns above these; the portal still serves the picture (as variants). */
export const HEAVY_PICTURE_BYTES = 2 * 1024 * 1024;
export const LONG_SIDE_PX = 3000;

/**
 * Warnings about a picture that works but is heavier than a phone needs (issue 22), as
 * catalogue messages (ids picture.heavy, picture.large). `name` is the picture as the
 * editor wrote it; none when it is light enough.
 */
export function pictureAdvice(p: { name: string; bytes: number; width: number; height: number }): Message[] {
  const out: Message[] = [];
  if (p.bytes > HEAVY_PICTURE_BYTES) out.push(msg("picture.heavy", { name: p.name, mb: (p.bytes / 1024 / 1024).toFixed(1) }));
  if (Math.max(p.width, p.height) > LONG_SIDE_PX) out.push(msg("picture.large", { name: p.name, width: p.width, height: p.height }));
  return out;
}
