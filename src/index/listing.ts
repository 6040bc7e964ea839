// Published articles in display order, per scope. Publication depends on the clock
// (scheduled and expiring articles), so the listing remembers when it next changes.
import { createHash } from "node:crypto";
import { digestAlerts } from "./alerts.js";
import type { Db } from "./db.js";
import { META, getMeta, setMeta } from "./meta.js";

const PUBLISHED = "a.active = 1 AND a.draft = 0 AND a.date <= @now AND (a.expires IS NULL OR a.expires > @now)";

export function rebuildListings(db: Db, now: number): void {
  // One pass over the articles into a small in-memory table (temp_store = MEMORY); the
  // three listings and the next change are computed from the copy, and only listing rows
  // that differ are written.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS listing_live (id INTEGER PRIMARY KEY, lang TEXT, district TEXT, date INTEGER, expires INTEGER, file TEXT, hash TEXT);
    CREATE TEMP TABLE IF NOT EXISTS listing_next (scope TEXT NOT NULL, pos INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (scope, pos)) WITHOUT ROWID;
    DELETE FROM temp.listing_live; DELETE FROM temp.listing_next;`);
  db.prepare("INSERT INTO temp.listing_live SELECT id, lang, district, date, expires, file, hash FROM articles WHERE active = 1 AND draft = 0").run();
  // An empty listing (a fresh build) is filled directly: comparing 350,000 rows with
  // nothing took a fifth of the rebuild at 100,000 articles.
  const empty = db.prepare("SELECT NOT EXISTS (SELECT 1 FROM listing)").pluck().get() === 1;
  const into = empty ? "listing" : "temp.listing_next";
  const pub = "FROM temp.listing_live a WHERE a.date <= @now AND (a.expires IS NULL OR a.expires > @now)";
  db.prepare(
    `INSERT INTO ${into} (scope, pos, article_id)
    SELECT a.lang, row_number() OVER (PARTITION BY a.lang ORDER BY a.date DESC, a.id DESC), a.id ${pub}`,
  ).run({ now });
  db.prepare(
    `INSERT INTO ${into} (scope, pos, article_id)
    SELECT a.lang || ':d:' || a.district, row_number() OVER (PARTITION BY a.lang, a.district ORDER BY a.date DESC, a.id DESC), a.id ${pub}`,
  ).run({ now });
  db.prepare(
    `INSERT INTO ${into} (scope, pos, article_id)
    SELECT t.lang || ':t:' || t.tag, row_number() OVER (PARTITION BY t.lang, t.tag ORDER BY a.date DESC, a.id DESC), a.id
    FROM article_tags t JOIN temp.listing_live a ON a.id = t.article_id WHERE a.date <= @now AND (a.expires IS NULL OR a.expires > @now)`,
  ).run({ now });
  if (!empty) {
    db.prepare(
      `DELETE FROM listing WHERE NOT EXISTS (SELECT 1 FROM temp.listing_next n
      WHERE n.scope = listing.scope AND n.pos = listing.pos AND n.article_id = listing.article_id)`,
    ).run();
    db.prepare(
      `INSERT INTO listing (scope, pos, article_id) SELECT n.scope, n.pos, n.article_id FROM temp.listing_next n
      WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.scope = n.scope AND l.pos = n.pos)`,
    ).run();
  }
  const next = db
    .prepare(
      `SELECT min(t) FROM (
      SELECT min(date) AS t FROM temp.listing_live WHERE date > @now
      UNION ALL SELECT min(expires) FROM temp.listing_live WHERE expires > @now)`,
    )
    .pluck()
    .get({ now }) as number | null;
  setMeta(db, META.nextChange, String(next ?? ""));
  setMeta(db, META.listedAt, String(now));
  refreshVersion(db, now);
}

/**
 * Recomputes the content version alone: enough after an edit that changes no listing
 * (same articles, dates, districts, tags and flags; see sync.ts), which is most edits.
 */
export function refreshVersion(db: Db, now: number): void {
  // The version is a digest of what is published, not a counter, so replicas built from
  // the same content commit agree on it (and on the ETags derived from it).
  const digest = createHash("sha256");
  // Read from the covering index articles_published (schema.ts), never from the rows.
  for (const row of db.prepare(`SELECT a.file || ':' || a.hash FROM articles a WHERE ${PUBLISHED} ORDER BY a.file`).pluck().iterate({ now })) {
    digest.update(`${String(row)}\n`);
  }
  for (const row of db.prepare("SELECT data FROM districts ORDER BY id").pluck().iterate()) digest.update(String(row));
  // Alerts start and end on the minute: their state is part of the version (so of every
  // cache key and ETag), and the next start or end is when it must be computed again.
  setMeta(db, META.alertsNext, String(digestAlerts(db, now, digest) || ""));
  const version = digest.digest("hex").slice(0, 20);
  if (getMeta(db, META.version) !== version) {
    setMeta(db, META.version, version);
    setMeta(db, META.versionSince, String(now));
  }
}

export { PUBLISHED };
