// Scores the analyzer (src/search/analyze.ts) on the word-form sets beside this file: how
// often a query for one form of a word finds text holding another form of it (recall), and
// how often a query for a word finds text holding an unrelated word (conflation). Used by
// `npm run search:eval` (cli.ts) and by the threshold test (test/search/eval.test.ts).
//
// A pair counts as matched when the terms a query word gives (analyzeQueryTerm) meet the
// terms the other word is indexed under (analyzeTerm), in both directions: a reader typing
// the lemma finds the inflected form, and a reader typing the form finds the lemma. The
// prefix match that a query's last word also gets is left out: it is about typing, not
// morphology.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeQueryTerm, analyzeTerm, type Lang } from "../../../src/search/analyze.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The targets of issue 21: form-to-lemma recall, and unrelated words conflated. */
export const MIN_RECALL = 0.95;
export const MAX_CONFLATION = 0.01;

export type EvalPair = { kind: "same" | "unrelated"; category: string; form: string; lemma: string };

export type Score = {
  lang: Lang;
  pairs: number;
  recall: number;
  unrelated: number;
  conflation: number;
  /** Recall per category (noun, adj, verb, place, proper, and alternations such as "k/c"). */
  byCategory: Record<string, { pairs: number; recall: number }>;
  misses: EvalPair[];
  conflated: EvalPair[];
};

export function readSet(lang: Lang): EvalPair[] {
  const lines = readFileSync(join(here, `${lang}.tsv`), "utf8")
    .split("\n")
    .slice(1);
  return lines
    .filter((l) => l !== "")
    .map((line) => {
      const [kind, category = "", form = "", lemma = ""] = line.split("\t");
      return { kind: kind === "unrelated" ? "unrelated" : "same", category, form, lemma };
    });
}

/** Does a query for `query` find text containing `text`? */
export function finds(query: string, text: string, lang: Lang): boolean {
  const indexed = new Set(analyzeTerm(text, lang));
  return analyzeQueryTerm(query, lang).some((t) => indexed.has(t));
}

export function score(lang: Lang, pairs: EvalPair[] = readSet(lang)): Score {
  const misses: EvalPair[] = [];
  const conflated: EvalPair[] = [];
  const cats: Record<string, { pairs: number; hits: number }> = {};
  let same = 0;
  let unrelated = 0;
  for (const pair of pairs) {
    const both = finds(pair.form, pair.lemma, lang) && finds(pair.lemma, pair.form, lang);
    if (pair.kind === "unrelated") {
      unrelated++;
      if (finds(pair.form, pair.lemma, lang) || finds(pair.lemma, pair.form, lang)) conflated.push(pair);
      continue;
    }
    same++;
    if (!both) misses.push(pair);
    // "noun:k/c" counts under "noun" and under "k/c".
    for (const cat of pair.category.split(":")) {
      const c = (cats[cat] ??= { pairs: 0, hits: 0 });
      c.pairs++;
      if (both) c.hits++;
    }
  }
  const byCategory = Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, { pairs: v.pairs, recall: v.hits / v.pairs }]));
  return {
    lang,
    pairs: same,
    recall: same === 0 ? 0 : (same - misses.length) / same,
    unrelated,
    conflation: unrelated === 0 ? 0 : conflated.length / unrelated,
    byCategory,
    misses,
    conflated,
  };
}
