// The checks across files (unique slugs, aliases, translations, known districts) need
// every article's keys. Reading and decoding them from the index took most of a one-file
// sync at 10,000 articles, so the last set is kept in memory per connection and only the
// rows a sync touched are read again. The copy is dropped whenever it could be stale:
// another connection committed (PRAGMA data_version moved) or a sync failed.
import type { Config } from "../config.js";
import type { ContentIssue } from "../content/issues.js";
import { isoDay } from "../i18n/format.js";
import { crossCheck, type ArticleKey } from "../content/cross-check.js";
import { districtIdOf } from "../content/district.js";
import { urls } from "../site/urls.js";
import { decodeLines, decodeList } from "./article-row.js";
import type { Db } from "./db.js";
import { META, setIssues } from "./meta.js";

/** Every article's keys as a sync checked them; remembered only once its transaction commits. */
export type ArticleKeys = Map<string, KeyRow>;

interface KeyRow {
  readonly key: ArticleKey;
  readonly active: number;
  /** The slug the row is served at (key.slug is the one its file asks for). */
  readonly served: string;
}

interface Remembered {
  readonly dataVersion: number;
  readonly rows: ArticleKeys;
}

const remembered = new WeakMap<Db, Remembered>();

const COLUMNS = "file, lang, district, own_slug, slug, date, aliases, translation_key, lines, active";

/**
 * The keys of an article as just written (a new row is active until checked, see
 * write.ts). Only these fields are copied: the article itself, body and all, is not kept.
 */
export function keyRowOf(a: ArticleKey): KeyRow {
  return {
    key: { file: a.file, lang: a.lang, district: a.district, slug: a.slug, date: a.date, aliases: a.aliases, translationKey: a.translationKey, lines: a.lines },
    active: 1,
    served: a.slug,
  };
}

function toRow(r: Record<string, string | number | null>): KeyRow {
  return {
    key: {
      file: r.file as string,
      lang: r.lang as ArticleKey["lang"],
      district: r.district as string,
      slug: r.own_slug as string,
      date: r.date as number,
      aliases: decodeList(r.aliases as string, "aliases"),
      translationKey: (r.translation_key as string | null) ?? undefined,
      lines: decodeLines(r.lines as string),
    },
    active: Number(r.active),
    served: r.slug as string,
  };
}

function dataVersion(db: Db): number {
  return db.pragma("data_version", { simple: true }) as number;
}

/** The keys of every article, reusing the remembered copy for files this sync did not touch. */
function loadKeys(db: Db, touched: readonly string[]): ArticleKeys {
  const known = remembered.get(db);
  if (!known || known.dataVersion !== dataVersion(db)) {
    const rows = db.prepare(`SELECT ${COLUMNS} FROM articles`).all() as Record<string, string>[];
    // On a failed earlier sync the copy was dropped; after another process's commit it is stale.
    return new Map(rows.map((r) => [r.file!, toRow(r)]));
  }
  const rows = new Map(known.rows);
  const one = db.prepare(`SELECT ${COLUMNS} FROM articles WHERE file = ?`);
  for (const file of touched) {
    const r = one.get(file) as Record<string, string> | undefined;
    if (r) rows.set(file, toRow(r));
    else rows.delete(file);
  }
  return rows;
}

/**
 * Re-runs the checks across files, sets each article's `active` flag and the aliases.
 * `touched`: the files this sync wrote or removed. Returns how many articles are active
 * and how many flags flipped (a flip changes the listings). `written`: every article's
 * keys, when the caller wrote them all (a fresh build), so they need not be read back.
 */
export function crossCheckAll(
  db: Db,
  scanIssues: readonly ContentIssue[],
  touched: readonly string[],
  timeZones: Config["timeZones"],
  written?: ArticleKeys,
): { active: number; flipped: number; keys: ArticleKeys } {
  const rows = written ?? loadKeys(db, touched);
  const districtIds = new Set(db.prepare("SELECT id FROM districts").pluck().all() as string[]);
  // District files present without a row (invalid, with no last valid version to keep).
  const broken = new Set(
    (db.prepare("SELECT path FROM files WHERE kind = 'district' AND path NOT IN (SELECT file FROM districts)").pluck().all() as string[]).map(districtIdOf),
  );
  const cross = crossCheck(
    [...rows.values()].map((r) => r.key),
    districtIds,
    urls.article,
    (a) => isoDay(a.date, timeZones[a.lang]),
    broken,
  );
  // Only rows whose flag or address changes are written: rewriting all of them (with
  // their HTML) took most of a one-file sync at 10,000 articles.
  const setActive = db.prepare("UPDATE articles SET active = ?, slug = ? WHERE file = ?");
  let flipped = 0;
  for (const [file, r] of rows) {
    const now = cross.active.has(file) ? 1 : 0;
    const slug = cross.slugs.get(file) ?? r.key.slug;
    if (r.active !== now || r.served !== slug) {
      setActive.run(now, slug, file);
      rows.set(file, { key: r.key, active: now, served: slug });
      flipped++;
    }
  }
  db.prepare("DELETE FROM aliases").run();
  const alias = db.prepare("INSERT INTO aliases (path, article_id) SELECT ?, id FROM articles WHERE file = ?");
  for (const [path, file] of cross.aliases) alias.run(path, file);
  setIssues(db, META.crossIssues, [...scanIssues, ...cross.issues]);
  return { active: cross.active.size, flipped, keys: rows };
}

/** After a commit: the keys just checked are the index's keys. */
export function rememberKeys(db: Db, keys: ArticleKeys): void {
  remembered.set(db, { dataVersion: dataVersion(db), rows: keys });
}

/**
 * Reads every article's keys now, so the first edit after a start does not pay for it
 * (about 0.1 s at 10,000 articles). Called once the server is up (see ContentIndex).
 */
export function primeKeys(db: Db): void {
  if (remembered.get(db)?.dataVersion === dataVersion(db)) return;
  rememberKeys(db, loadKeys(db, []));
}

/** After a failed sync (rolled back): nothing remembered can be trusted. */
export function forgetKeys(db: Db): void {
  remembered.delete(db);
}
