// Dictionary lemmatizer: finds the dictionary entries (lemmas) an inflected word is a form
// of, by running the Hunspell suffix rules of the dictionary-pl / dictionary-bg packages
// backwards, as Hunspell's own stemming does: for each rule whose added ending the word
// has, put the stripped letters back and look the result up with that rule's flag.
//
// Why hand-written: the registry has Hunspell spell checkers (nspell, hunspell-asm) but
// none that returns stems or lemmas without a native build; this is the reverse lookup
// only, over the rules read by hunspell.ts. Measured on the evaluation sets
// (test/search/eval, `npm run search:eval`), see that README for the figures.
//
// Everything works on folded words (fold.ts: lower case, Latin diacritics removed), the
// dictionary included, so a reader who types "lace" or "zukowie" without Polish letters
// meets the same lemma as "łące", "Żukowie". Folding merges a few entries (łaska, laska);
// both lemmas are then returned, which costs a little precision and no recall.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EntryTable } from "./entry-table.js";
import { fold } from "./fold.js";
import { parseAff, type SuffixRule } from "./hunspell.js";
import { irregularLemmas } from "./irregular.js";

export type DictLang = "pl" | "bg";

type Lemmatizer = {
  /** The entries with flags, by folded word. */
  words: EntryTable;
  /** Folded added ending -> the rules that add it. */
  byEnding: Map<string, SuffixRule[]>;
  longestEnding: number;
};

const loaded: Partial<Record<DictLang, Lemmatizer>> = {};

function dictionaryFile(lang: DictLang, name: string): string {
  // The packages export only their loader (index.js, which reads both files at import);
  // their folder is found from it, and the files are read here, once, when first needed.
  const main = import.meta.resolve(`dictionary-${lang}`);
  return readFileSync(fileURLToPath(new URL(name, main)), "utf8");
}

/**
 * A rule's condition for folded words. Folding must only widen it: "[^ąeśź]ć" folded
 * naively to "[^aesz]c" would refuse every folded "-ać" verb (ą became a), so letters
 * whose folded form differs are dropped from a negated class instead of folded. A letter
 * or positive class is folded (ą -> a), which also widens.
 */
function foldCondition(rule: SuffixRule): RegExp {
  const source = rule.cond.source;
  const folded = source.replace(/\[\^([^\]]*)\]/gu, (_m, letters: string) => {
    const kept = [...letters].filter((ch) => fold(ch) === ch).join("");
    return kept === "" ? "." : `[^${kept}]`;
  });
  const out = fold(folded);
  return out === source ? rule.cond : new RegExp(out, "u");
}

function build(lang: DictLang): Lemmatizer {
  const affixes = parseAff(dictionaryFile(lang, "index.aff"));
  const words = new EntryTable(dictionaryFile(lang, "index.dic"));
  const byEnding = new Map<string, SuffixRule[]>();
  let longestEnding = 0;
  for (const rules of affixes.byFlag.values()) {
    for (const rule of rules) {
      const folded: SuffixRule = { flag: rule.flag, strip: fold(rule.strip), add: fold(rule.add), cond: foldCondition(rule) };
      const list = byEnding.get(folded.add);
      if (list === undefined) byEnding.set(folded.add, [folded]);
      else list.push(folded);
      longestEnding = Math.max(longestEnding, folded.add.length);
    }
  }
  return { words, byEnding, longestEnding };
}

function lemmatizer(lang: DictLang): Lemmatizer {
  return (loaded[lang] ??= build(lang));
}

/** Loads a dictionary now rather than on the first word (a worker starting its job). */
export function preloadDictionary(lang: DictLang): void {
  lemmatizer(lang);
}

/**
 * The folded lemmas `word` (already folded) is a form of by the dictionary's rules (the
 * word itself when it is an entry with rules), and of the irregular forms no rule makes
 * (ludzie -> człowiek, деца -> дете: irregular.ts) unless `irregular` is false; empty
 * when nothing reaches it.
 */
export function lemmas(word: string, lang: DictLang, irregular = true): string[] {
  const { words, byEnding, longestEnding } = lemmatizer(lang);
  const out: string[] = words.has(word) ? [word] : [];
  if (irregular) for (const lemma of irregularLemmas(word, lang)) if (!out.includes(lemma)) out.push(lemma);
  const max = Math.min(longestEnding, word.length - 1);
  for (let k = 0; k <= max; k++) {
    const rules = byEnding.get(k === 0 ? "" : word.slice(word.length - k));
    if (rules === undefined) continue;
    const base = word.slice(0, word.length - k);
    for (const rule of rules) {
      const lemma = base + rule.strip;
      if (!words.has(lemma, rule.flag) || !rule.cond.test(lemma)) continue;
      if (!out.includes(lemma)) out.push(lemma);
    }
  }
  return out;
}
