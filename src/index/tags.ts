// Read queries for tags (article_tags, and the tag listings' counts).
import type { Locale } from "../config.js";
import type { Db } from "./db.js";

export function createTagQueries(db: Db) {
  const tagName = db.prepare<[Locale, string], string>("SELECT name FROM article_tags WHERE lang = ? AND tag = ? LIMIT 1").pluck();
  const tagsOf = db.prepare<
    { lang: Locale; prefix: string },
    { tag: string; name: string; n: number }
  >(`SELECT substr(l.scope, 6) AS tag, max(l.pos) AS n, (SELECT name FROM article_tags t WHERE t.lang = @lang AND t.tag = substr(l.scope, 6) LIMIT 1) AS name
    FROM listing l WHERE l.scope LIKE @prefix GROUP BY l.scope`);
  return {
    /** The name a tag's slug stands for in a language, or null when no article has it. */
    name: (lang: Locale, tag: string) => tagName.get(lang, tag) ?? null,
    /** Every tag with published articles in a language, with their count. */
    all(lang: Locale): { tag: string; name: string; count: number }[] {
      return tagsOf.all({ lang, prefix: `${lang}:t:%` }).map((r) => ({ tag: r.tag, name: r.name, count: r.n }));
    },
  };
}

export type TagQueries = ReturnType<typeof createTagQueries>;
