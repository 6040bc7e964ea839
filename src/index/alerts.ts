// The alerts table: every statement that reads or writes it. Rows are written by the sync
// (sync.ts), checked across files (alert-check.ts), and read for banners, pages, feeds and
// CAP messages. A removed file leaves a tombstone for a week, so its CAP Cancel stays
// available to those who picked up the alert.
import type { Hash } from "node:crypto";
import type { Locale } from "../config.js";
import type { Alert } from "../content/alert.js";
import { crossCheckAlerts, type AlertKey } from "../content/alert-check.js";
import type Database from "better-sqlite3";
import { alertIdentifier, bannerOrder, decodeDistricts, stateOf, toRow, type AlertRow, type AlertState, type Raw } from "./alert-row.js";
import { decodeJson, lineMap } from "./json.js";
import { META, setIssues } from "./meta.js";

export const ALERTS_SQL = `
CREATE TABLE alerts (
  file TEXT PRIMARY KEY,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  -- JSON list of district ids, or the text all
  districts TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  area TEXT,
  translation_key TEXT,
  lines TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- When this version was written: the file's last commit, else its modification time.
  sent INTEGER NOT NULL,
  -- The version this one replaces (a CAP Update or Cancel references it).
  prev_identifier TEXT,
  prev_sent INTEGER,
  prev_end INTEGER,
  active INTEGER NOT NULL DEFAULT 0,
  -- Set when the file is gone: the row stays a week as a CAP Cancel.
  removed_at INTEGER,
  html TEXT NOT NULL,
  text TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX alerts_by_slug ON alerts (lang, slug);
`;

type Db = Database.Database;

const WEEK_MS = 7 * 86_400_000;

const SHOWN = "active = 1 AND removed_at IS NULL";
const COLUMNS =
  "file, lang, slug, title, kind, severity, districts, start_at, end_at, area, translation_key, html, text, hash, sent, prev_identifier, prev_sent, prev_end, removed_at";

/** Statements that write alerts, for one sync (see sync.ts). */
export function createAlertWriter(db: Db) {
  const find = db.prepare("SELECT hash, sent, end_at, removed_at FROM alerts WHERE file = ?");
  const upsert =
    db.prepare(`INSERT INTO alerts (file, lang, slug, title, kind, severity, districts, start_at, end_at, area, translation_key, lines, hash, sent, prev_identifier, prev_sent, prev_end, active, removed_at, html, text)
    VALUES (@file, @lang, @slug, @title, @kind, @severity, @districts, @start, @end, @area, @translationKey, @lines, @hash, @sent, @prevIdentifier, @prevSent, @prevEnd, 1, NULL, @html, @text)
    ON CONFLICT (file) DO UPDATE SET lang = excluded.lang, slug = excluded.slug, title = excluded.title, kind = excluded.kind, severity = excluded.severity,
      districts = excluded.districts, start_at = excluded.start_at, end_at = excluded.end_at, area = excluded.area, translation_key = excluded.translation_key,
      lines = excluded.lines, hash = excluded.hash, sent = excluded.sent, prev_identifier = excluded.prev_identifier, prev_sent = excluded.prev_sent,
      prev_end = excluded.prev_end, removed_at = NULL, html = excluded.html, text = excluded.text`);
  const tombstone = db.prepare("UPDATE alerts SET removed_at = ? WHERE file = ? AND removed_at IS NULL");
  const setSent = db.prepare("UPDATE alerts SET sent = ? WHERE file = ? AND prev_identifier IS NULL");
  return {
    /** `sent`: when this version was written (git-dates.ts). An edit keeps the version it replaces. */
    put(a: Alert, sent: number): void {
      const before = find.get(a.file) as { hash: string; sent: number; end_at: number; removed_at: number | null } | undefined;
      if (before && before.hash === a.hash && before.removed_at === null) return;
      const prev = before && before.removed_at === null ? before : undefined;
      upsert.run({
        file: a.file,
        lang: a.lang,
        slug: a.slug,
        title: a.title,
        kind: a.kind,
        severity: a.severity,
        districts: a.districts === "all" ? "all" : JSON.stringify(a.districts),
        start: a.start,
        end: a.end,
        area: a.area ?? null,
        translationKey: a.translationKey ?? null,
        lines: JSON.stringify(a.lines),
        hash: a.hash,
        sent: prev ? Math.max(sent, prev.sent + 1000) : sent,
        prevIdentifier: prev ? alertIdentifier(a.file, prev.hash) : null,
        prevSent: prev?.sent ?? null,
        prevEnd: prev?.end_at ?? null,
        html: a.html,
        text: a.text,
      });
    },
    /** The file is gone (or no longer a valid alert): the row becomes a Cancel. */
    remove(file: string, now: number): void {
      tombstone.run(now, file);
    },
    /** A first version's time, once git has answered (see sync.ts). */
    setSent(file: string, ms: number): void {
      setSent.run(ms, file);
    },
  };
}

/**
 * After every sync: drops old tombstones, checks alerts across files (districts exist,
 * addresses unique), sets `active`, and keeps the problems for `allIssues`.
 */
export function checkAlerts(db: Db, now: number): void {
  db.prepare("DELETE FROM alerts WHERE removed_at IS NOT NULL AND removed_at < ?").run(now - WEEK_MS);
  const rows = db.prepare("SELECT file, lang, slug, districts, translation_key, lines FROM alerts WHERE removed_at IS NULL").all() as (Raw & {
    lines: string;
  })[];
  const keys: AlertKey[] = rows.map((r) => ({
    file: r.file,
    lang: r.lang,
    slug: r.slug,
    districts: decodeDistricts(r.districts),
    translationKey: r.translation_key ?? undefined,
    lines: decodeJson(lineMap, r.lines, "alerts.lines"),
  }));
  const districtIds = new Set(db.prepare("SELECT id FROM districts").pluck().all() as string[]);
  const cross = crossCheckAlerts(keys, districtIds);
  const setActive = db.prepare("UPDATE alerts SET active = ? WHERE file = ? AND active != ?");
  for (const k of keys) {
    const on = cross.active.has(k.file) ? 1 : 0;
    setActive.run(on, k.file, on);
  }
  setIssues(db, META.alertIssues, cross.issues);
}

/**
 * What alerts add to the content version (listing.ts): each shown alert and whether it is
 * upcoming, current or ended at `now`, and the tombstones. Returns the next moment an
 * alert starts or ends, when the version must move on (0: none).
 */
export function digestAlerts(db: Db, now: number, digest: Hash): number {
  for (const row of db.prepare(`SELECT file, hash, start_at, end_at, removed_at FROM alerts WHERE active = 1 ORDER BY file`).iterate() as IterableIterator<{
    file: string;
    hash: string;
    start_at: number;
    end_at: number;
    removed_at: number | null;
  }>) {
    const state = row.removed_at !== null ? "removed" : stateOf({ start: row.start_at, end: row.end_at }, now);
    digest.update(`alert:${row.file}:${row.hash}:${state}\n`);
  }
  const next = db
    .prepare(
      `SELECT min(t) FROM (SELECT min(start_at) AS t FROM alerts WHERE ${SHOWN} AND start_at > @now
      UNION ALL SELECT min(end_at) FROM alerts WHERE ${SHOWN} AND end_at > @now)`,
    )
    .pluck()
    .get({ now }) as number | null;
  return next ?? 0;
}

/** Read queries for the web layer. */
export function createAlertQueries(db: Db) {
  const live = db.prepare(`SELECT ${COLUMNS} FROM alerts WHERE ${SHOWN} AND lang = @lang AND end_at > @now ORDER BY start_at, file`);
  const ended = db.prepare(
    `SELECT ${COLUMNS} FROM alerts WHERE ${SHOWN} AND lang = @lang AND end_at <= @now ORDER BY end_at DESC, file LIMIT @limit OFFSET @offset`,
  );
  const endedCount = db.prepare(`SELECT count(*) FROM alerts WHERE ${SHOWN} AND lang = @lang AND end_at <= @now`).pluck();
  const bySlug = db.prepare(`SELECT ${COLUMNS} FROM alerts WHERE ${SHOWN} AND lang = ? AND slug = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM alerts WHERE (${SHOWN} OR removed_at IS NOT NULL) AND lang = ?`);
  const translation = db.prepare(`SELECT ${COLUMNS} FROM alerts WHERE ${SHOWN} AND translation_key = ? AND lang != ?`);
  // The API's lists (api/routes.ts): one state or current-and-upcoming, of a district
  // (with the alerts for all) when given, a page at a time.
  const ofDistrict = `(@district IS NULL OR districts = 'all' OR EXISTS (SELECT 1 FROM json_each(CASE WHEN districts = 'all' THEN '[]' ELSE districts END) WHERE value = @district))`;
  const inState = `CASE @state WHEN 'upcoming' THEN start_at > @now WHEN 'current' THEN start_at <= @now AND end_at > @now WHEN 'ended' THEN end_at <= @now ELSE end_at > @now END`;
  const listed = db.prepare(`SELECT ${COLUMNS} FROM alerts WHERE ${SHOWN} AND lang = @lang AND ${inState} AND ${ofDistrict}
    ORDER BY CASE WHEN @state = 'ended' THEN -end_at ELSE start_at END, file LIMIT @limit OFFSET @offset`);
  const listedCount = db.prepare(`SELECT count(*) FROM alerts WHERE ${SHOWN} AND lang = @lang AND ${inState} AND ${ofDistrict}`).pluck();
  const concerns = (a: AlertRow, district: string | undefined) => district === undefined || a.districts === "all" || a.districts.includes(district);
  return {
    /** Current and upcoming alerts of a language (of one district, when given), by start. */
    live(lang: Locale, now: number, district?: string): AlertRow[] {
      return (live.all({ lang, now }) as Raw[]).map(toRow).filter((a) => concerns(a, district));
    },
    /**
     * The banner: current alerts of a language; of one district (with `all`), or every
     * current alert of the language when `district` is undefined. Most severe first.
     */
    current(lang: Locale, now: number, district?: string): AlertRow[] {
      return this.live(lang, now, district)
        .filter((a) => a.start <= now)
        .sort(bannerOrder);
    },
    /** Ended alerts, latest first, a page at a time. */
    ended(lang: Locale, now: number, page: number, perPage: number): { items: AlertRow[]; total: number; pages: number } {
      const total = endedCount.get({ lang, now }) as number;
      const items = (ended.all({ lang, now, limit: perPage, offset: (page - 1) * perPage }) as Raw[]).map(toRow);
      return { items, total, pages: Math.max(1, Math.ceil(total / perPage)) };
    },
    /** In one state (default: current and upcoming, by start; ended: latest end first), a page at a time. */
    listed(
      lang: Locale,
      now: number,
      filter: { state?: AlertState; district?: string },
      page: number,
      perPage: number,
    ): { items: AlertRow[]; total: number; pages: number } {
      const params = { lang, now, state: filter.state ?? null, district: filter.district ?? null };
      const total = listedCount.get(params) as number;
      const items = (listed.all({ ...params, limit: perPage, offset: (page - 1) * perPage }) as Raw[]).map(toRow);
      return { items, total, pages: Math.max(1, Math.ceil(total / perPage)) };
    },
    bySlug(lang: Locale, slug: string): AlertRow | null {
      const r = bySlug.get(lang, slug) as Raw | undefined;
      return r ? toRow(r) : null;
    },
    /** Any version known, tombstones included, by its CAP identifier. */
    byIdentifier(lang: Locale, identifier: string): AlertRow | null {
      for (const r of byId.iterate(lang) as IterableIterator<Raw>) {
        const row = toRow(r);
        if (row.identifier === identifier) return row;
      }
      return null;
    },
    /** Tombstones and live alerts of a language, for the CAP list and the feed of cancels. */
    cancelled(lang: Locale): AlertRow[] {
      return (byId.all(lang) as Raw[]).map(toRow).filter((a) => a.removed);
    },
    translation(a: AlertRow): AlertRow | null {
      if (!a.translationKey) return null;
      const r = translation.get(a.translationKey, a.lang) as Raw | undefined;
      return r ? toRow(r) : null;
    },
  };
}

export type AlertQueries = ReturnType<typeof createAlertQueries>;
