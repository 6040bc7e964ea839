// The words readers see in a language's published titles and summaries, for "Did you
// mean …?" (closest word within edit distance 2) and for the OpenSearch suggestions that
// browsers show while typing (words starting with what was typed). Built once per
// content version (src/index/search.ts). Titles and summaries rather than bodies: they
// hold the names and topics people search for, and keep the list small (at 100,000
// articles a body vocabulary would be several times larger for rare words).

import { normalizeWord } from "./analyze.js";
import { wordList } from "./tokenize.js";

const MIN_LETTERS = 3;
const DIGITS = /^\p{N}+$/u;

export type Vocabulary = {
  /** Folded words, sorted (binary search by prefix). */
  readonly sorted: readonly string[];
  /** Folded word -> the spelling seen most often and how often the word occurs. */
  readonly words: ReadonlyMap<string, { readonly word: string; readonly count: number }>;
};

export function buildVocabulary(texts: Iterable<string>): Vocabulary {
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
  return { sorted: [...words.keys()].sort(), words };
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

/** Up to `n` words starting with the folded `prefix`, the most frequent first. */
export function completions(vocabulary: Vocabulary, prefix: string, n: number): string[] {
  const folded = normalizeWord(prefix);
  if (folded.length < 2) return [];
  const { sorted, words } = vocabulary;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < folded) lo = mid + 1;
    else hi = mid;
  }
  const found: { word: string; count: number }[] = [];
  // A short prefix starts thousands of words; the first few thousand are enough to rank.
  for (let i = lo; i < sorted.length && i < lo + 5_000 && sorted[i]!.startsWith(folded); i++) found.push(words.get(sorted[i]!)!);
  return found.sort((a, b) => b.count - a.count).slice(0, n).map((e) => e.word);
}
