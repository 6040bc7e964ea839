// Case and diacritic folding for search terms and slugs.
//
// Latin diacritics are noise for search (people type "Lodz" for "Łódź"), but
// Cyrillic "diacritics" are not: й and ё are letters of their own, and the
// Unicode canonical decomposition (UAX #15) would split й into и + U+0306
// BREVE. So marks are removed only where they follow a Latin base letter.

// Latin letters whose diacritic is part of the glyph, so NFD leaves them
// whole; folded by hand to the letters people type instead.
const SPECIAL: Readonly<Record<string, string>> = {
  ł: "l",
  đ: "d",
  ø: "o",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  þ: "th",
};
const SPECIAL_RE = /[łđøßæœıħŧþ]/g;

// A Latin base letter followed by one or more combining marks (gc=M).
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

// Text that is plain ASCII needs only lower-casing; this is by far the most
// common case for Polish at index time, so it skips the normalisation passes.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** NFC, locale-independent lower case, Latin diacritics removed, Cyrillic kept. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  // toLowerCase() follows the Unicode default case mapping (no Turkish
  // locale rules), so results do not depend on the server's locale.
  // "İ" lower-cases to "i" + U+0307, whose dot is then removed like any
  // other mark on a Latin letter.
  const lowered = text.normalize("NFC").toLowerCase();
  const stripped = lowered.normalize("NFD").replace(LATIN_WITH_MARKS, "$1");
  // Recompose: puts й, ё, ї etc. back into their single code points.
  return stripped.replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch).normalize("NFC");
}
