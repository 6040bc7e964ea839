// URL slugs for article titles and tags: lower-case ASCII words joined by "-".

import { fold } from "../search/fold.js";
import { transliterateBg } from "../text/translit.js";

const MAX_LENGTH = 80;

// Cyrillic letters of neighbouring languages that the Bulgarian table lacks
// (Ukrainian and Russian names appear in Polish and Bulgarian news). Our own
// choice, close to each language's passport romanisation; the Bulgarian Act
// (see translit.ts) covers only the Bulgarian alphabet.
const EXTRA_CYRILLIC: Readonly<Record<string, string>> = {
  і: "i", ї: "yi", є: "ye", ґ: "g", ё: "yo", ы: "y", э: "e", ў: "u",
  ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz", ѓ: "gj", ќ: "kj", ѕ: "dz",
};
const EXTRA_RE = /[іїєґёыэўђјљњћџѓќѕ]/g;

const NOT_SLUG = /[^a-z0-9]+/g;
const USABLE = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

function trimDashes(s: string): string {
  return s.replace(/^-+|-+$/g, "");
}

/** Cuts at the last word boundary within the limit (or hard, for one huge word). */
function cap(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug;
  if (slug[MAX_LENGTH] === "-") return slug.slice(0, MAX_LENGTH);
  const head = slug.slice(0, MAX_LENGTH);
  const cut = head.lastIndexOf("-");
  return trimDashes(cut > 0 ? head.slice(0, cut) : head);
}

/**
 * Slug for `text`. Both languages share one pipeline: Cyrillic is
 * transliterated with the Bulgarian table even inside Polish titles, and
 * Latin diacritics are folded in both. Returns "" only when `text` has no
 * letter or digit at all; the caller then asks for an explicit slug.
 */
export function slugify(text: string, _lang: "bg" | "pl"): string {
  const latin = fold(transliterateBg(text.normalize("NFC")));
  const ascii = latin.replace(EXTRA_RE, (ch) => EXTRA_CYRILLIC[ch] ?? ch);
  const slug = cap(trimDashes(ascii.replace(NOT_SLUG, "-")));
  if (slug !== "" || !USABLE.test(text)) return slug;
  // Letters of a script with no romanisation here (Greek, CJK, ...): spell
  // their code points in hex, which is stable and still a valid address,
  // rather than returning "" for a title that plainly has words.
  const words = ascii.match(WORD) ?? [];
  const hex = words.map((w) => [...w].map((c) => (c.codePointAt(0) ?? 0).toString(16)).join("x"));
  return cap(hex.join("-"));
}
