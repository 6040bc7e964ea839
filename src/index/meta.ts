// The meta table: one value per key. Every key is named here, so what the index keeps
// beside its tables can be read in one place.
import { issueList, decodeJson } from "./json.js";
import type { ContentIssue } from "../content/issues.js";
import type Database from "better-sqlite3";

export const META = {
  /** SCHEMA_VERSION of the file (db.ts): another one means a rebuild. */
  schemaVersion: "schema_version",
  /** Digest of what is published (listing.ts): part of every cache key and ETag. */
  version: "version",
  /** When `version` was first seen (Last-Modified). */
  versionSince: "version_since",
  /** The next scheduled or expiring article (listing.ts), "" for none. */
  nextChange: "next_change",
  /** When the listings were last rebuilt. */
  listedAt: "listed_at",
  /** The next alert start or end (alerts.ts), "" for none. */
  alertsNext: "alerts_next",
  /** Problems of the last scan (folders that cannot be read…), JSON. */
  scanIssues: "scan_issues",
  /** Problems across files (cross.ts), JSON. */
  crossIssues: "cross_issues",
  /** Problems across alerts (alerts.ts), JSON. */
  alertIssues: "alert_issues",
} as const;

export type MetaKey = (typeof META)[keyof typeof META];

type Db = Database.Database;

/** Statements prepared once per connection. */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    get: db.prepare<[MetaKey], string>("SELECT value FROM meta WHERE key = ?").pluck(),
    set: db.prepare<[MetaKey, string]>("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
  };
}

function statements(db: Db): ReturnType<typeof prepare> {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

export function getMeta(db: Db, key: MetaKey): string | undefined {
  return statements(db).get.get(key);
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  statements(db).set.run(key, value);
}

/** A list of problems kept under `key`; none when it was never written. */
export function getIssues(db: Db, key: typeof META.scanIssues | typeof META.crossIssues | typeof META.alertIssues): ContentIssue[] {
  const text = getMeta(db, key);
  return text === undefined ? [] : decodeJson(issueList, text, `meta.${key}`);
}

export function setIssues(db: Db, key: typeof META.scanIssues | typeof META.crossIssues | typeof META.alertIssues, issues: readonly ContentIssue[]): void {
  setMeta(db, key, JSON.stringify(issues));
}
