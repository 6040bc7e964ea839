// Light stemmer for Polish, working on folded words (see fold.ts): "ą ę ó ś
// ć ń ź ż ł" have already become "a e o s c n z z l", so every rule below is
// written in ASCII.
//
// Design: a light, inflection-only stemmer in the spirit of Savoy's light
// stemmers (the model of stem-bg.ts): one longest-match removal of a case
// ending, then a few normalisations of stem alternations. It is not a
// morphological analyser. The endings are those of the standard Polish noun
// and adjective declension tables; verbs are left alone apart from what those
// endings happen to catch.
//
// Folding helps: the soft consonants written with an acute (ń ś ć ź) become
// plain letters, and before a vowel they are written "ni si ci zi" anyway, so
// "szkoleń" -> "szkolen" and "szkolenia" -> "szkolen" + "ia". That is why the
// endings list carries "i"-initial variants (ia ie iu iem iami iach ...).

const MIN_STEM = 3;

// Case endings, longest first so that "iami" wins over "ami" and "a".
const ENDINGS: readonly string[] = [
  "iami",
  "iach",
  "iego",
  "iemu",
  "ami",
  "ach",
  "iem",
  "iom",
  "iow",
  "ego",
  "emu",
  "ymi",
  "imi",
  "ych",
  "ich",
  "iej",
  "em",
  "om",
  "ej",
  "ym",
  "im",
  "ia",
  "ie",
  "iu",
  "ii",
  "a",
  "e",
  "i",
  "o",
  "u",
  "y",
];

// Frequent nouns whose bare form ends in letters that look like an ending
// ("-em", "-om", "-ej"): without this, system -> "syst" while systemu ->
// "system", and systemu itself would lose "-emu" (an adjective ending).
// Any form "<protected word><ending>" stems to the protected word.
const PROTECTED: ReadonlySet<string> = new Set([
  "problem",
  "system",
  "ekosystem",
  "tandem",
  "totem",
  "dyplom",
  "syndrom",
  "kolej",
  "olej",
  "klej",
  "turniej",
  "andrzej",
]);

function stripEnding(w: string): string {
  for (const ending of ENDINGS) {
    if (w.endsWith(ending) && PROTECTED.has(w.slice(0, -ending.length))) {
      return w.slice(0, -ending.length);
    }
  }
  for (const ending of ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= MIN_STEM) {
      return w.slice(0, -ending.length);
    }
  }
  return w;
}

/** Stems one folded (lower-case, diacritic-free) Polish word. */
export function stemPl(word: string): string {
  if (word.length <= MIN_STEM || PROTECTED.has(word)) return word;

  let w = stripEnding(word);
  if (PROTECTED.has(w)) return w;

  // "-ów" is both the genitive plural ending (autobusów) and the end of many
  // place names (Kraków, Tarnów) that decline on it (Krakowa, Krakowie), so
  // it is removed whether it came bare or before another ending. Requiring
  // four letters left keeps short stems whole (umowa / umów -> "umow",
  // budowa / budów -> "budow").
  if (w.endsWith("ow") && w.length - 2 >= 4) w = w.slice(0, -2);

  if (w === word) {
    // Fleeting "e", only in a form without ending (the vowel-zero alternation):
    // mieszkaniec / mieszkańca, ojciec / ojca, budynek / budynku. "ciec" is a
    // soft c + "iec", so it leaves one "c".
    if (w.length >= 6 && w.endsWith("ciec")) w = w.slice(0, -4) + "c";
    else if (w.length >= 6 && w.endsWith("iec")) w = w.slice(0, -3) + "c";
    else if (w.length >= 5 && w.endsWith("ek") && !w.endsWith("iek")) w = w.slice(0, -2) + "k";
  }

  // k / c alternation before the masculine-personal plural "-y" (urzędnik /
  // urzędnicy, polityk / politycy): both sides are written with "c".
  // Nouns in "-ica" (dzielnica / dzielnicy) already end in "c", so they are
  // untouched; the price is that "-nik" and "-nica" pairs (dzielnik /
  // dzielnica) conflate, which is rare.
  if (w.endsWith("ik") || w.endsWith("yk")) w = w.slice(0, -1) + "c";

  return w;
}
