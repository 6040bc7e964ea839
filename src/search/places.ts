// Which districts a query names, so that their articles rank first (issue 21: "a query
// naming a place or district ranks articles about it first"). A district is named when
// every word of its name (in the page's language or the other: "Средец" on a Polish page,
// "sredec" on a Bulgarian one) meets one of the query's words, through the same analysis
// as search itself, so "w Sopocie" names Sopot and "sredec" names Средец.

import type { Lang } from "./analyze.js";
import { analyzeTerm } from "./analyze.js";
import type { MatchQuery } from "./query.js";
import { wordList } from "./tokenize.js";

export type NamedPlace = { readonly id: string; readonly names: readonly string[] };

// District names are few and fixed between content versions; their analysis is kept.
const analysed = new Map<string, string[][]>();

function nameTerms(name: string, lang: Lang): string[][] {
  const key = `${lang}\u0000${name}`;
  let terms = analysed.get(key);
  if (terms === undefined) {
    if (analysed.size > 10_000) analysed.clear();
    terms = wordList(name)
      .map((word) => analyzeTerm(word, lang))
      .filter((t) => t.length > 0);
    analysed.set(key, terms);
  }
  return terms;
}

/** The ids of the places whose name `q` holds, word for word (in any order). */
export function placesNamed(q: MatchQuery, places: readonly NamedPlace[], lang: Lang): string[] {
  const queryTerms = new Set(q.terms.flat());
  return places
    .filter((place) =>
      place.names.some((name) => {
        const words = nameTerms(name, lang);
        return words.length > 0 && words.every((alternatives) => alternatives.some((t) => queryTerms.has(t)));
      }),
    )
    .map((place) => place.id);
}
