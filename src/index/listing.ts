// Published articles in display order, per scope. Publication depends on the clock
// (scheduled and expiring articles), so the listing remembers when it next changes.
import { createHash } from "node:crypto";
import type { Db } from "./db.js";

const PUBLISHED = "a.active = 1 AND a.draft = 0 AND a.date <= @now AND (a.expires IS NULL OR a.expires > @now)";

export function rebuildListings(db: Db, now: number): void {
  db.prepare("DELETE FROM listing").run();
  db.prepare(`INSERT INTO listing (scope, pos, article_id)
    SELECT a.lang, row_number() OVER (PARTITION BY a.lang ORDER BY a.date DESC, a.id DESC), a.id
    FROM articles a WHERE ${PUBLISHED}`).run({ now });
  db.prepare(`INSERT INTO listing (scope, pos, article_id)
    SELECT a.lang || ':d:' || a.district, row_number() OVER (PARTITION BY a.lang, a.district ORDER BY a.date DESC, a.id DESC), a.id
    FROM articles a WHERE ${PUBLISHED}`).run({ now });
  db.prepare(`INSERT INTO listing (scope, pos, article_id)
    SELECT t.lang || ':t:' || t.tag, row_number() OVER (PARTITION BY t.lang, t.tag ORDER BY a.date DESC, a.id DESC), a.id
    FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE ${PUBLISHED}`).run({ now });
  const next = db
    .prepare(`SELECT min(t) FROM (
      SELECT min(date) AS t FROM articles WHERE active = 1 AND draft = 0 AND date > @now
      UNION ALL SELECT min(expires) FROM articles WHERE active = 1 AND draft = 0 AND expires > @now)`)
    .pluck()
    .get({ now }) as number | null;
  const set = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  set.run("next_change", String(next ?? ""));
  set.run("listed_at", String(now));
  // The version is a digest of what is published, not a counter, so replicas built from
  // the same content commit agree on it (and on the ETags derived from it).
  const digest = createHash("sha256");
  for (const row of db.prepare(`SELECT a.file || ':' || a.hash FROM articles a WHERE ${PUBLISHED} ORDER BY a.file`).pluck().iterate({ now })) {
    digest.update(`${String(row)}\n`);
  }
  for (const row of db.prepare("SELECT data FROM districts ORDER BY id").pluck().iterate()) digest.update(String(row));
  const version = digest.digest("hex").slice(0, 20);
  const previous = db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get();
  if (previous !== version) {
    set.run("version", version);
    set.run("version_since", String(now));
  }
}

export { PUBLISHED };
