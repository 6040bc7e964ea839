// User text -> SQLite FTS5 MATCH expression.
//
// Safety rests on one rule of the FTS5 query grammar
// (https://sqlite.org/fts5.html#full_text_query_syntax): inside a
// double-quoted string every character is literal, and `"` is written `""`.
// Every piece of user text is emitted only as such a string, so AND, OR, NOT,
// NEAR(, *, ^, +, -x and column:x typed by a user are searched as words (or
// were already dropped by the tokenizer) and never act as operators. The only
// operators in the output are the ones written here: ( ) OR AND, a `*`
// directly after a closing quote, and the column filter "title :". A quoted
// string of several space-separated terms is a phrase (the index's 'ascii'
// tokenizer splits at spaces, and no term holds one).

import type { Lang } from "./analyze.js";
import { analyzeQueryTerm, normalizeWord } from "./analyze.js";
import { tokenize } from "./tokenize.js";

export type MatchQuery = {
  /** The FTS5 MATCH expression. */
  match: string;
  /** Per query word, the analysed alternatives (for highlighting). */
  terms: string[][];
  /** Folded last word used as a prefix (for highlighting), if any. */
  prefix: string | null;
  /**
   * `match` restricted to the title column. The ranking reads title hits from bm25 over the
   * title alone (src/index/search.ts); this spelled-out form is the definition tests use.
   */
  title: string;
  /**
   * The words, each by its first alternative, as one phrase (FTS5 "a b c"): articles with
   * the words in that order rank above those with them apart. `match` itself for a
   * one-word query, which every result matches.
   */
  phrase: string;
};

const MAX_INPUT = 200;
const MAX_TOKENS = 8;
const MIN_PREFIX_LETTERS = 3;
const LETTER = /\p{L}/gu;

/** An FTS5 string literal. NUL would end the query text inside SQLite. */
export function quote(term: string): string {
  return `"${term.replace(/\0/g, "").replace(/"/g, '""')}"`;
}

// Prepositions and conjunctions that residents type ("w Gdyni", "ремонт на улицата") but
// that say nothing about which article they mean: a query of other words too does not
// require them (every word is required otherwise, so "w Gdyni" missed an article saying
// "Gdynia" without a "w"). Folded forms.
const FUNCTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  pl: new Set(["w", "we", "z", "ze", "na", "do", "i", "o", "u", "a", "od", "po", "za", "przy", "dla", "oraz", "lub", "ku", "nad", "pod"]),
  bg: new Set(["в", "във", "на", "и", "с", "със", "за", "от", "до", "по", "при", "към", "а", "или", "v", "na", "i", "s", "za", "ot", "do", "po"]),
};

function letterCount(word: string): number {
  return word.match(LETTER)?.length ?? 0;
}

/** Builds a MATCH expression, or null when `q` holds no searchable word. */
export function buildMatch(q: string, lang: Lang): MatchQuery | null {
  const terms: string[][] = [];
  // A repeated word adds nothing to an AND query, so it shares its group.
  const groupOf = new Map<string, number>();
  let lastRaw = "";
  let lastGroup = -1;
  const tokens = tokenize(q.slice(0, MAX_INPUT));
  const content = tokens.filter((t) => !FUNCTION_WORDS[lang].has(normalizeWord(t.raw)));
  for (const token of content.length > 0 ? content : tokens) {
    const alternatives = analyzeQueryTerm(token.raw, lang);
    if (alternatives.length === 0) continue;
    const key = alternatives.join("\u0001");
    let group = groupOf.get(key);
    if (group === undefined) {
      if (terms.length === MAX_TOKENS) break;
      group = terms.push(alternatives) - 1;
      groupOf.set(key, group);
    }
    lastRaw = token.raw;
    lastGroup = group;
  }
  if (terms.length === 0) return null;

  // The last word may still be being typed: also match words starting with it.
  const folded = normalizeWord(lastRaw);
  const prefix = letterCount(lastRaw) >= MIN_PREFIX_LETTERS && folded !== "" ? folded : null;

  const groups = terms.map((alternatives, i) => {
    const parts = alternatives.map(quote);
    if (prefix !== null && i === lastGroup) parts.push(`${quote(prefix)}*`);
    return `(${parts.join(" OR ")})`;
  });
  const match = groups.join(" AND ");
  const phrase = terms.length > 1 ? quote(terms.map((alternatives) => alternatives[0]!).join(" ")) : match;
  return { match, terms, prefix, title: `title : (${match})`, phrase };
}
