// The files table: every content file the index has read, with the size and time a sync
// compares, its own problems, and, while it is broken, the version still served (held).
import type { ContentIssue } from "../content/issues.js";
import type Database from "better-sqlite3";
import { decodeJson, issueList } from "./json.js";

export interface FileRow {
  readonly path: string;
  readonly mtime: number;
  readonly size: number;
}

type Db = Database.Database;

/** Statements prepared once per connection. */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    one: db.prepare<[string], FileRow>("SELECT path, mtime, size FROM files WHERE path = ?"),
    all: db.prepare<[], FileRow>("SELECT path, mtime, size FROM files"),
    heldCount: db.prepare<[], number>("SELECT count(*) FROM files WHERE held IS NOT NULL").pluck(),
    issues: db.prepare<[], string>("SELECT issues FROM files WHERE issues != '[]'").pluck(),
    revision: db.prepare<[], string>("SELECT count(*) || '-' || total(mtime) || '-' || total(size) FROM files").pluck(),
  };
}

function statements(db: Db): ReturnType<typeof prepare> {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

/** The stored state of these files (those never read are missing). */
export function knownFiles(db: Db, paths?: readonly string[]): FileRow[] {
  const s = statements(db);
  return paths ? paths.flatMap((p) => s.one.all(p)) : s.all.all();
}

/** How many files are invalid while their last valid version is served. */
export function heldBackCount(db: Db): number {
  return statements(db).heldCount.get()!;
}

/** Every file's own problems (kept between restarts). */
export function fileIssues(db: Db): ContentIssue[] {
  return statements(db)
    .issues.all()
    .flatMap((text) => decodeJson(issueList, text, "files.issues"));
}

/**
 * Changes whenever any content file is added, changed or removed — drafts included,
 * which the published-content version ignores but a preview must follow (the dev reload).
 */
export function filesRevision(db: Db): string {
  return statements(db).revision.get()!;
}
