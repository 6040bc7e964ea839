// Opens the index, detects a missing, truncated, foreign or outdated file, and swaps a
// freshly built index in atomically. Each build writes a new file name, then a small
// pointer file (CURRENT) is replaced by rename: renaming over a database in WAL mode
// with open readers is unsafe, renaming the pointer is not.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { IndexError } from "../errors.js";
import { META, getMeta, setMeta } from "./meta.js";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";

export type Db = Database.Database;

export interface OpenedIndex {
  readonly db: Db;
  readonly file: string;
  /** True when the file is new and must be filled and then committed with `commitIndex`. */
  readonly fresh: boolean;
  /** Why an existing index was not used, for the log. */
  readonly rebuiltBecause: string | null;
  /** The index file a fresh one replaces, if any: the last valid version of broken files is read from it (last-good.ts). */
  readonly previous: string | null;
}

const POINTER = "CURRENT";

function tune(db: Db): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("temp_store = MEMORY");
  db.pragma("cache_size = -16000");
}

/**
 * Why an existing index cannot be used, or null when it is sound. A full quick_check reads
 * every page (a third of a warm start at 10,000 articles), so it runs only after a crash
 * (a WAL file left behind, see https://sqlite.org/wal.html); after a clean shutdown the
 * file must be exactly as long as its header says, which catches truncated and foreign
 * files, and must carry our schema version.
 */
function problemWith(db: Db, file: string): string | null {
  try {
    const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
    if (wal && wal.size > 0) {
      const check = db.pragma("quick_check(1)", { simple: true });
      if (check !== "ok") return `integrity check failed: ${String(check)}`;
    } else {
      const pages = Number(db.pragma("page_count", { simple: true }));
      const pageSize = Number(db.pragma("page_size", { simple: true }));
      const size = fs.statSync(file).size;
      if (pages * pageSize !== size) return `the file is ${size} bytes long, its header says ${pages * pageSize}`;
    }
    const stored = getMeta(db, META.schemaVersion);
    if (stored !== String(SCHEMA_VERSION)) return `schema version ${stored ?? "none"}, expected ${SCHEMA_VERSION}`;
    return null;
  } catch (cause) {
    return `unreadable: ${(cause as Error).message}`;
  }
}

export function createFresh(dataDir: string, rebuiltBecause: string | null, previous: string | null = null): OpenedIndex {
  const file = path.join(dataDir, `index-${Date.now()}-${process.pid}.sqlite`);
  const db = new Database(file);
  tune(db);
  // Nobody reads a fresh file and a failed build deletes it, so it needs no journal
  // while it is filled: WAL would write every page twice. commitIndex turns WAL on and
  // flushes the file to disk before pointing CURRENT at it.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(SCHEMA_SQL);
  setMeta(db, META.schemaVersion, String(SCHEMA_VERSION));
  setMeta(db, META.version, "0");
  return { db, file, fresh: true, rebuiltBecause, previous };
}

export function openIndex(dataDir: string): OpenedIndex {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (cause) {
    throw new IndexError(`Cannot create the data folder ${dataDir}`, { cause });
  }
  let current: string | null = null;
  try {
    current = fs.readFileSync(path.join(dataDir, POINTER), "utf8").trim();
  } catch {
    return createFresh(dataDir, null);
  }
  const file = path.join(dataDir, path.basename(current));
  if (!fs.existsSync(file)) return createFresh(dataDir, `index file ${path.basename(file)} is missing`);
  let db: Db | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const problem = problemWith(db, file);
    if (problem) {
      db.close();
      return createFresh(dataDir, problem, file);
    }
    tune(db);
    return { db, file, fresh: false, rebuiltBecause: null, previous: null };
  } catch (cause) {
    db?.close();
    return createFresh(dataDir, `cannot open: ${(cause as Error).message}`, file);
  }
}

/**
 * Whether an error says the index file is damaged (SQLITE_CORRUPT and its extended codes,
 * SQLITE_NOTADB), looking through causes; errors passed back from a worker thread keep
 * only their message, so SQLite's wording for those codes counts too.
 */
export function isCorruption(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 8; depth++, e = e.cause as typeof e) {
    if (typeof e.code === "string" && (e.code.startsWith("SQLITE_CORRUPT") || e.code === "SQLITE_NOTADB")) return true;
    if (typeof e.message === "string" && /database disk image is malformed|file is not a database/.test(e.message)) return true;
  }
  return false;
}

/** Makes a freshly built index (open as `db`) the current one and removes older index files. */
export function commitIndex(dataDir: string, db: Db, file: string): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const tmp = path.join(dataDir, `${POINTER}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, path.basename(file));
  fs.renameSync(tmp, path.join(dataDir, POINTER));
  for (const name of fs.readdirSync(dataDir)) {
    if (/^index-.*\.sqlite(-wal|-shm)?$/.test(name) && !name.startsWith(path.basename(file))) {
      fs.rmSync(path.join(dataDir, name), { force: true });
    }
  }
}

/** Drops a fresh index whose build failed, keeping whatever was current. */
export function discardIndex(opened: OpenedIndex): void {
  opened.db.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(opened.file + suffix, { force: true });
}
