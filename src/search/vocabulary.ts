// The words readers see in a language's published titles and summaries, for "Did you
// mean …?" (closest word within edit distance 2) and for the OpenSearch suggestions that
// browsers show while typing (words starting with what was typed). Built once per
// content version (src/index/search.ts). Titles and summaries rather than bodies: they
// hold the names and topics people search for, and keep the list small (at 100,000
// articles a body vocabulary would be several times larger for rare words).

import { hardSignReadingBg, latinSpellingsBg, transliterateBg } from "../text/translit.js";
import { normalizeWord, type Lang } from "./analyze.js";
import { wordList } from "./tokenize.js";

const MIN_LETTERS = 3;
const DIGITS = /^\p{N}+$/u;

export type Vocabulary = {
  /** Folded words, sorted (binary search by prefix). */
  readonly sorted: readonly string[];
  /** Folded word -> the spelling seen most often and how often the word occurs. */
  readonly words: ReadonlyMap<string, { readonly word: string; readonly count: number }>;
  /**
   * Bulgarian only: each Cyrillic word's spelling in the official Latin system (2009 Act,
   * src/text/translit.ts), sorted, with the word it spells, so that a prefix typed in Latin
   * letters ("sred", "car", "4ita") completes Cyrillic words (Средец, Цар, читалище).
   */
  readonly latin: readonly (readonly [latin: string, folded: string])[];
};

const CYRILLIC = /\p{Script=Cyrillic}/u;

export function buildVocabulary(texts: Iterable<string>, lang: Lang = "pl"): Vocabulary {
  const counts = new Map<string, Map<string, number>>();
  // Words repeat (Zipf): fold each spelling once.
  const foldedOf = new Map<string, string>();
  for (const text of texts) {
    for (const raw of wordList(text)) {
      if (raw.length < MIN_LETTERS || DIGITS.test(raw)) continue;
      let folded = foldedOf.get(raw);
      if (folded === undefined) foldedOf.set(raw, (folded = normalizeWord(raw)));
      // Sentence-initial capitals are not names: keep the lower-case spelling unless the
      // word is only ever written capitalised.
      let spellings = counts.get(folded);
      if (spellings === undefined) counts.set(folded, (spellings = new Map()));
      spellings.set(raw, (spellings.get(raw) ?? 0) + 1);
    }
  }
  const words = new Map<string, { word: string; count: number }>();
  for (const [folded, spellings] of counts) {
    let best = "";
    let bestCount = -1;
    let total = 0;
    for (const [spelling, n] of spellings) {
      total += n;
      const lower = spelling === spelling.toLowerCase();
      if (n + (lower ? 0.5 : 0) > bestCount) {
        best = spelling;
        bestCount = n + (lower ? 0.5 : 0);
      }
    }
    words.set(folded, { word: best, count: total });
  }
  const sorted = [...words.keys()].sort();
  const latin =
    lang === "bg"
      ? sorted
          .filter((w) => CYRILLIC.test(w))
          .map((w) => [transliterateBg(w), w] as const)
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      : [];
  return { sorted, words, latin };
}

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(d);
      if (d < least) least = d;
    }
    if (least > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The vocabulary word closest to `raw` (edit distance 1, else 2, the more frequent on a
 * tie), or null when `raw` is itself a word of the vocabulary or nothing is that close.
 */
export function closestWord(vocabulary: Vocabulary, raw: string, maxDistance = 2): string | null {
  const folded = normalizeWord(raw);
  if (folded.length < MIN_LETTERS || vocabulary.words.has(folded)) return null;
  let best: { word: string; count: number } | null = null;
  let bestDistance = maxDistance + 1;
  for (const candidate of vocabulary.sorted) {
    const d = editDistance(folded, candidate, Math.min(maxDistance, bestDistance));
    if (d > maxDistance) continue;
    const entry = vocabulary.words.get(candidate)!;
    if (d < bestDistance || (d === bestDistance && best !== null && entry.count > best.count)) {
      best = entry;
      bestDistance = d;
    }
  }
  return best?.word ?? null;
}

/** The index of the first item of `sorted` (by `key`) not below `prefix`. */
function lowerBound<T>(sorted: readonly T[], key: (item: T) => string, prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]!) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A short prefix starts thousands of words; the first few thousand are enough to rank. */
const SCAN = 5_000;

/**
 * The official Latin spellings a Latin-typed Bulgarian prefix may stand for, in any of
 * the systems latinSpellingsBg reads ("sredec" -> "sredets", "4ita" -> "chita", "sybo"
 * -> "sybo" and "sabo"). A final "c" may be the start of "ch" (ч) as well as ц.
 */
function latinPrefixesBg(prefix: string): string[] {
  const typed = prefix.toLowerCase();
  const spellings = latinSpellingsBg(typed);
  if (typed.endsWith("c")) spellings.push(...latinSpellingsBg(`${typed}h`));
  const hard = spellings.flatMap((s) => hardSignReadingBg(s) ?? []);
  return [...new Set([...spellings, ...hard])];
}

/**
 * Up to `n` words starting with the folded `prefix`, the most frequent first. Polish typed
 * without its letters meets them through folding ("zuk" -> Żukowo); Bulgarian typed in
 * Latin letters through each word's Latin spelling (see Vocabulary.latin).
 */
export function completions(vocabulary: Vocabulary, prefix: string, n: number): string[] {
  const folded = normalizeWord(prefix);
  if (folded.length < 2) return [];
  const { sorted, words, latin } = vocabulary;
  const found = new Set<string>();
  for (let i = lowerBound(sorted, (w) => w, folded); i < sorted.length && found.size < SCAN && sorted[i]!.startsWith(folded); i++) found.add(sorted[i]!);
  if (latin.length > 0 && !CYRILLIC.test(folded)) {
    for (const spelling of latinPrefixesBg(prefix)) {
      for (let i = lowerBound(latin, (e) => e[0], spelling); i < latin.length && found.size < SCAN && latin[i]![0].startsWith(spelling); i++)
        found.add(latin[i]![1]);
    }
  }
  return [...found]
    .map((w) => words.get(w)!)
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((e) => e.word);
}
