// Read queries for districts (tags and media have their own modules).
import type { Locale } from "../config.js";
import type { District } from "../content/district.js";
import type { Db } from "./db.js";

export function createDistrictQueries(db: Db) {
  const all = db.prepare("SELECT data FROM districts ORDER BY id").pluck();
  const count = db.prepare<[], number>("SELECT count(*) FROM districts").pluck();
  const counts = db.prepare("SELECT substr(scope, 6) AS id, max(pos) AS n FROM listing WHERE scope LIKE @prefix GROUP BY scope");
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
  };
}

export type DistrictQueries = ReturnType<typeof createDistrictQueries>;
