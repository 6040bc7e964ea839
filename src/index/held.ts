// `npm run check` on a machine that serves the portal: which of the files it finds broken
// the site keeps serving in their last valid version (see sync.ts). Read from the index
// in DATA_DIR, read-only; without a readable index there is nothing to add (a fresh
// replica publishes only what the files allow).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { heldBackIssue, type ContentIssue } from "../content/issues.js";

export function heldBackNotes(dataDir: string, issues: readonly ContentIssue[]): ContentIssue[] {
  const broken = [...new Set(issues.filter((i) => i.severity === "error").map((i) => i.file))];
  if (broken.length === 0) return [];
  let db: Database.Database;
  try {
    const current = fs.readFileSync(path.join(dataDir, "CURRENT"), "utf8").trim();
    db = new Database(path.join(dataDir, path.basename(current)), { readonly: true, fileMustExist: true });
  } catch {
    return [];
  }
  try {
    // The version served: the one already held, else the file's state when it was last indexed valid.
    const since = db
      .prepare(
        `SELECT coalesce(f.held, f.mtime) FROM files f
      WHERE f.path = @file AND EXISTS (SELECT 1 FROM articles WHERE file = @file UNION ALL SELECT 1 FROM districts WHERE file = @file)`,
      )
      .pluck();
    return broken.flatMap((file) => {
      const when = since.get({ file }) as number | undefined;
      return when === undefined ? [] : [heldBackIssue(file, when)];
    });
  } catch {
    return []; // an index of another schema, or damaged: the server rebuilds it
  } finally {
    db.close();
  }
}
