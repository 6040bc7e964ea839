// The words of the published titles and summaries of a language (and its district names),
// for "Did you mean …?" and the OpenSearch suggestions: split from search.ts, which ranks
// the results. The vocabulary is built once per content version (see `fresh`).
import type { Locale } from "../config.js";
import { buildVocabulary, closestWord, completions, type Vocabulary } from "../search/vocabulary.js";
import type { Db } from "./db.js";

/** As many words as a query searches for (src/search/query.ts MAX_TOKENS); the rest stay. */
const MAX_WORDS = 8;

/**
 * `fresh()` brings the search's published set up to date and returns a key that changes
 * whenever the index may have changed (search.ts `current`).
 */
export function createSearchWords(db: Db, fresh: () => string) {
  const headlines = db.prepare("SELECT title, summary FROM articles WHERE id IN (SELECT id FROM temp.search_live WHERE lang = ?)").raw();
  let builtFor = "";
  const built = new Map<Locale, Vocabulary>();

  /**
   * Both languages are kept: keeping one, traffic in both rebuilt it at every change of
   * language (a suggestion after one in the other language took 2.6 s at 100,000 articles
   * on the loaded machine, the next one 20 ms).
   */
  function vocabulary(lang: Locale, places: readonly string[]): Vocabulary {
    const key = fresh();
    if (key !== builtFor) {
      built.clear();
      builtFor = key;
    }
    let v = built.get(lang);
    if (v === undefined) {
      const rows = headlines.all(lang) as [string, string][];
      v = buildVocabulary([...places, ...rows.flatMap(([title, summary]) => [title, summary])], lang);
      built.set(lang, v);
    }
    return v;
  }

  return {
    /**
     * "Did you mean …?": `q` with each word that no published title or summary holds
     * replaced by the closest one that does (edit distance ≤ 2), or null if none changed.
     */
    didYouMean(q: string, lang: Locale, places: readonly string[] = []): string | null {
      const v = vocabulary(lang, places);
      let changed = false;
      let seen = 0;
      const out = q.slice(0, 200).replace(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu, (word) => {
        if (++seen > MAX_WORDS) return word;
        const closest = closestWord(v, word);
        if (closest === null) return word;
        changed = true;
        return closest;
      });
      return changed ? out : null;
    },
    /**
     * Words of titles, summaries and district names that complete the last word of `q`,
     * for OpenSearch suggestions; Bulgarian typed in Latin letters completes Cyrillic words.
     */
    complete(q: string, lang: Locale, n: number, places: readonly string[] = []): string[] {
      const typed = q.slice(0, 100);
      const m = /([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)$/u.exec(typed);
      if (m === null) return [];
      const head = typed.slice(0, typed.length - m[1]!.length);
      return completions(vocabulary(lang, places), m[1]!, n).map((w) => head + w);
    },
  };
}
