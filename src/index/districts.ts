// Read queries for districts, tags and media.
import type { Locale } from "../config.js";
import type { District } from "../content/district.js";
import type { Db } from "./db.js";

export function createDistrictQueries(db: Db) {
  const all = db.prepare("SELECT data FROM districts ORDER BY id").pluck();
  const count = db.prepare<[], number>("SELECT count(*) FROM districts").pluck();
  const counts = db.prepare("SELECT substr(scope, 6) AS id, max(pos) AS n FROM listing WHERE scope LIKE @prefix GROUP BY scope");
  const tagName = db.prepare("SELECT name FROM article_tags WHERE lang = ? AND tag = ? LIMIT 1").pluck();
  const tagsOf = db.prepare(`SELECT substr(l.scope, 6) AS tag, max(l.pos) AS n, (SELECT name FROM article_tags t WHERE t.lang = @lang AND t.tag = substr(l.scope, 6) LIMIT 1) AS name
    FROM listing l WHERE l.scope LIKE @prefix GROUP BY l.scope`);
  const media = db.prepare("SELECT rel, format, bytes FROM media WHERE url = ?");
  const cache: { version: unknown; list: District[] } = { version: null, list: [] };

  return {
    /** All districts; parsed once per index version. */
    all(version: unknown): District[] {
      if (cache.version !== version) {
        cache.list = (all.all() as string[]).map((s) => JSON.parse(s) as District);
        cache.version = version;
      }
      return cache.list;
    },
    count: () => count.get()!,
    /** Published article count per district id, in one language. */
    counts(lang: Locale): Map<string, number> {
      const rows = counts.all({ prefix: `${lang}:d:%` }) as { id: string; n: number }[];
      return new Map(rows.map((r) => [r.id, r.n]));
    },
    tagName: (lang: Locale, tag: string) => (tagName.get(lang, tag) as string | undefined) ?? null,
    tags(lang: Locale): { tag: string; name: string; count: number }[] {
      return (tagsOf.all({ lang, prefix: `${lang}:t:%` }) as { tag: string; name: string; n: number }[]).map((r) => ({ tag: r.tag, name: r.name, count: r.n }));
    },
    media: (url: string) => (media.get(url) as { rel: string; format: string; bytes: number } | undefined) ?? null,
  };
}

export type DistrictQueries = ReturnType<typeof createDistrictQueries>;
