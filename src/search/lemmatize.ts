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
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { EntryTable } from "./entry-table.js";
import { fold } from "./fold.js";
import { parseAff, type SuffixRule } from "./hunspell.js";
import { irregularLemmas, type DictLang } from "./irregular.js";

export type { DictLang } from "./irregular.js";

type Lemmatizer = {
  /** The entries with flags, by folded word. */
  words: EntryTable;
  /** Folded added ending -> the rules that add it. */
  byEnding: Map<string, SuffixRule[]>;
  longestEnding: number;
};

const loaded: Partial<Record<DictLang, Lemmatizer>> = {};

function dictionaryPath(lang: DictLang, name: string): string {
  // The packages export only their loader (index.js, which reads both files at import);
  // their folder is found from it, and the files are read here, once, when first needed.
  return fileURLToPath(new URL(name, import.meta.resolve(`dictionary-${lang}`)));
}

function dictionaryFile(lang: DictLang, name: string): string {
  return readFileSync(dictionaryPath(lang, name), "utf8");
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

/** Entries hashed, or rule lines read, per step of a warming load: a few milliseconds each. */
const STEP_ENTRIES = 10_000;
const STEP_RULES = 1_000;

type Texts = { aff: string; dic: string };

function* building(lang: DictLang, chunk: number, texts?: Texts): Generator<void, Lemmatizer> {
  const { aff, dic } = texts ?? { aff: dictionaryFile(lang, "index.aff"), dic: dictionaryFile(lang, "index.dic") };
  // Each line of an .aff file stands alone, so it is read in slices (the Polish one has
  // 7,000 rules, each a regex: 140 ms at once on the loaded machine).
  const byFlag = new Map<string, SuffixRule[]>();
  const lines = aff.split("\n");
  for (let from = 0; from < lines.length; from += Math.min(chunk, lines.length)) {
    for (const [flag, rules] of parseAff(lines.slice(from, from + chunk).join("\n")).byFlag) byFlag.set(flag, [...(byFlag.get(flag) ?? []), ...rules]);
    if (chunk < lines.length) yield;
  }
  const words = yield* EntryTable.steps(dic, new EntryTable(), chunk === Infinity ? chunk : STEP_ENTRIES);
  const byEnding = new Map<string, SuffixRule[]>();
  let longestEnding = 0;
  let since = 0;
  for (const rules of byFlag.values()) {
    for (const rule of rules) {
      const folded: SuffixRule = { flag: rule.flag, strip: fold(rule.strip), add: fold(rule.add), cond: foldCondition(rule) };
      const list = byEnding.get(folded.add);
      if (list === undefined) byEnding.set(folded.add, [folded]);
      else list.push(folded);
      longestEnding = Math.max(longestEnding, folded.add.length);
      if (++since === chunk) {
        since = 0;
        yield;
      }
    }
  }
  return { words, byEnding, longestEnding };
}

/** Loads under way in steps (warmDictionaries), finished at once if a word needs them. */
const loading: Partial<Record<DictLang, Generator<void, Lemmatizer>>> = {};

function finish(steps: Generator<void, Lemmatizer>): Lemmatizer {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function lemmatizer(lang: DictLang): Lemmatizer {
  return (loaded[lang] ??= finish(loading[lang] ?? building(lang, Infinity)));
}

/** Loads a dictionary now rather than on the first word (a worker starting its job). */
export function preloadDictionary(lang: DictLang): void {
  lemmatizer(lang);
}

/**
 * Loads both dictionaries in steps of a few milliseconds between other work, so that the
 * first search after a start does not pay for them (300–550 ms, both, on the shared
 * machine) and requests served meanwhile wait at most one step. A search that needs a
 * dictionary before then finishes its load at once.
 */
export async function warmDictionaries(): Promise<void> {
  for (const lang of ["pl", "bg"] as const) {
    if (loaded[lang] !== undefined || loading[lang] !== undefined) continue;
    // Read without blocking; the Polish word list alone is 4.5 MB.
    const [aff, dic] = await Promise.all(["index.aff", "index.dic"].map((name) => readFile(dictionaryPath(lang, name), "utf8")));
    if (loaded[lang] !== undefined) continue;
    const steps = (loading[lang] = building(lang, STEP_RULES, { aff: aff!, dic: dic! }));
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      // Finished meanwhile by a search that could not wait.
      if (loaded[lang] !== undefined) break;
      const step = steps.next();
      if (step.done) {
        loaded[lang] = step.value;
        break;
      }
    }
    delete loading[lang];
    await new Promise<void>((resolve) => setImmediate(resolve));
    irregularLemmas("", lang);
  }
}

/** Whether a dictionary is loaded (no word of its language waits for it any more). */
export function dictionaryLoaded(lang: DictLang): boolean {
  return loaded[lang] !== undefined;
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
