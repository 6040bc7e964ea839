// The one place where text becomes index terms. Indexing, querying and
// highlighting all go through here, so a word and a query for it always meet.

import { hardSignReadingBg, latinSpellingsBg, reverseTransliterateBg, transliterateBg } from "../text/translit.js";
import { fold } from "./fold.js";
import { lemmas } from "./lemmatize.js";
import { stemBg } from "./stem-bg.js";
import { stemPl } from "./stem-pl.js";
import { wordList } from "./tokenize.js";

export type Lang = "bg" | "pl";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const DIGITS_ONLY = /^\p{N}+$/u;
// Combining marks that survive fold(): those after non-Latin letters, e.g. a
// stress accent on a Cyrillic vowel. SQLite's unicode61 tokenizer treats marks
// as separators (its default categories are "L* N* Co"), so a term keeping one
// would be split in two; after NFC, й and ё are single code points and are not
// affected.
const MARKS = /\p{M}/gu;

/** fold() plus removal of left-over marks: the form all matching compares. */
export function normalizeWord(raw: string): string {
  return fold(raw).replace(MARKS, "");
}

function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)].filter((t) => t !== "");
}

/**
 * The stems of a folded word's dictionary lemmas, or its own stem when the dictionary does
 * not know it. The dictionary (lemmatize.ts) joins forms no suffix rule can (łąka / łące,
 * Sopot / Sopocie, verbs); stemming the lemma lets a word the dictionary lacks (a new
 * name, a typo-free form it omits) still meet the known forms of the same word through
 * the light stemmer, as before. Measured by `npm run search:eval`.
 */
function stemsPl(folded: string): string[] {
  const found = lemmas(folded, "pl");
  return found.length === 0 ? [stemPl(folded)] : unique(found.map(stemPl));
}

function stemsBg(folded: string): string[] {
  const found = lemmas(folded, "bg");
  return found.length === 0 ? [stemBg(folded)] : unique(found.map(stemBg));
}

/** Index terms for one token of text written in `lang`. */
export function analyzeTerm(raw: string, lang: Lang): string[] {
  const folded = normalizeWord(raw);
  if (folded === "" || DIGITS_ONLY.test(folded)) return unique([folded]);
  if (isCyrillic(folded)) {
    const stems = stemsBg(folded);
    // The Latin copy lets readers on a Latin keyboard find Cyrillic text;
    // queries reach it through analyzeQueryTerm's Latin branch.
    return unique([...stems, ...stems.map(transliterateBg)]);
  }
  // Latin (or another script) inside Bulgarian text is mostly names; there is
  // no Latin stemmer for Bulgarian, so such words are kept as folded.
  return lang === "pl" ? stemsPl(folded) : unique([folded]);
}

// Word frequencies are Zipfian, so at index time most tokens have been seen
// before; memoising the joined terms per word avoids re-running the
// normalisation passes and the stemmer for each of them. Bounded by clearing,
// which is crude but keeps memory flat on a 100,000-article rebuild.
const MEMO_LIMIT = 50_000;
const memo: Record<Lang, Map<string, string>> = { bg: new Map(), pl: new Map() };

/** All index terms of `text`, space-separated, for an FTS5 column. */
export function analyzeText(text: string, lang: Lang): string {
  const cache = memo[lang];
  const out: string[] = [];
  for (const word of wordList(text)) {
    let terms = cache.get(word);
    if (terms === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      terms = analyzeTerm(word, lang).join(" ");
      cache.set(word, terms);
    }
    if (terms !== "") out.push(terms);
  }
  return out.join(" ");
}

/** Terms one query word may match; any one of them is enough. */
export function analyzeQueryTerm(raw: string, lang: Lang): string[] {
  const folded = normalizeWord(raw);
  if (folded === "" || DIGITS_ONLY.test(folded)) return unique([folded]);
  // A Cyrillic query word matches the Cyrillic stem in either language.
  if (isCyrillic(folded)) return stemsBg(folded);
  if (lang === "pl") return stemsPl(folded);
  // Latin query on Bulgarian content: the word itself (Latin names in the
  // text) and its Cyrillic readings, in whichever common system it was typed
  // (latinSpellingsBg), stemmed and transliterated forward again. Going
  // through Cyrillic lets the dictionary and the stemmer see the word, and
  // going back to Latin hides the ambiguities of the reverse mapping (ъ/а,
  // ь/й), as the index stores transliterated stems (see analyzeTerm).
  const readings = latinSpellingsBg(raw).flatMap((spelling) => {
    const cyrillic = reverseTransliterateBg(spelling);
    const hard = hardSignReadingBg(spelling);
    // "u"/"y" typed for ъ: read so only when the plain reading is no dictionary word.
    const spellings = hard !== null && lemmas(cyrillic, "bg").length === 0 ? [cyrillic, reverseTransliterateBg(hard)] : [cyrillic];
    return spellings.flatMap((c) => stemsBg(c).map(transliterateBg));
  });
  return unique([folded, ...readings]);
}
