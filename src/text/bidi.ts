// Unicode's explicit direction controls (UAX #9 §2: embeddings, overrides, isolates, and
// the implicit marks LRM, RLM, ALM). They are invisible, and U+202E (RIGHT-TO-LEFT
// OVERRIDE) shows the letters after it backwards, so a title can read as something it
// does not say, in a page, a feed or a search result (issue 19, item 15; the same class
// of spoofing as CVE-2021-42574 "Trojan Source"). Bulgarian and Polish text never needs
// them: Cyrillic and Latin letters carry their own direction.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The direction controls in `text`, as "U+202E" names, once each in order; [] for none. */
export function bidiControlsIn(text: string): string[] {
  const found = text.match(BIDI_CONTROLS);
  if (!found) return [];
  return [...new Set(found)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
}

/** `text` without direction controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
