// The state database: residents' subscriptions and the send log, in STATE_DIR, apart
// from the content index (DATA_DIR), which may be deleted and rebuilt at any time. This
// file is never rebuilt: it changes only through the numbered migrations below, each
// applied once, in a transaction, recorded in PRAGMA user_version.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type StateDb = Database.Database;

export const STATE_FILE = "subscriptions.sqlite";

/** Append only: a migration that has shipped is never edited. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    -- Random; signed links carry it, never the address.
    public_id TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    -- Keyed hash (HMAC with SECRET_KEY) of the normalised address: finds a reader by address.
    addr_hash TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    districts TEXT NOT NULL,
    topics TEXT NOT NULL,
    -- alerts: alerts only; all: news and alerts.
    scope TEXT NOT NULL,
    frequency TEXT NOT NULL,
    -- unconfirmed, confirmed or bounced.
    status TEXT NOT NULL,
    -- Choices asked for again by a confirmed reader: applied when confirmed.
    pending TEXT,
    created_at INTEGER NOT NULL,
    confirm_expires INTEGER,
    confirmed_at INTEGER,
    -- The last news e-mail: articles within 10 minutes of it wait and go in one e-mail.
    last_news_at INTEGER,
    -- Digests take the articles seen after this moment.
    digest_since INTEGER
  );
  CREATE INDEX subscribers_by_status ON subscribers (status, lang);
  -- Who left or asked never to be mailed: the keyed hash only.
  CREATE TABLE suppressed (addr_hash TEXT PRIMARY KEY, reason TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
  -- Confirmation e-mails per address (at most 3 a day).
  CREATE TABLE address_mails (addr_hash TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX address_mails_by_hash ON address_mails (addr_hash, at);
  -- Everything that can be mailed, as it was when first seen (what the e-mail shows).
  CREATE TABLE items (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    payload TEXT NOT NULL,
    seen_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- Articles already known (published before, or mailed): an edit is never news again.
  CREATE TABLE seen_articles (file TEXT PRIMARY KEY, district TEXT NOT NULL, lang TEXT NOT NULL, tags TEXT NOT NULL, item_key TEXT, seen_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX seen_articles_by_time ON seen_articles (lang, seen_at);
  -- One row per alert file: the version mailed, and when the first mail is due.
  CREATE TABLE alert_state (file TEXT PRIMARY KEY, identifier TEXT NOT NULL, sent_identifier TEXT, due_at INTEGER NOT NULL, cancelled INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    -- confirm, export, news, alert, digest
    kind TEXT NOT NULL,
    -- queued, sending, sent, failed
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    first_attempt_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX messages_due ON messages (status, next_attempt_at);
  CREATE INDEX messages_by_subscriber ON messages (subscriber_id);
  -- (reader, item, kind) exactly once: recorded here before the message is sent.
  CREATE TABLE deliveries (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    PRIMARY KEY (subscriber_id, item_key, kind)
  ) WITHOUT ROWID;
  CREATE INDEX deliveries_unplanned ON deliveries (message_id, kind);`,
];

export function stateFile(stateDir: string): string {
  return path.join(stateDir, STATE_FILE);
}

/** Opens (creating if needed) and migrates the state database. */
export function openStateDb(stateDir: string): StateDb {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const db = new Database(stateFile(stateDir));
  db.pragma("journal_mode = WAL");
  // FULL: a subscription or a "sent" mark must survive a power cut, not only a crash.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // A deleted address is overwritten with zeros, not left in a free page of the file.
  db.pragma("secure_delete = ON");
  // A second process (npm run subscribers, a replica's form check) waits, not fails.
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

function migrate(db: StateDb): void {
  const version = Number(db.pragma("user_version", { simple: true }));
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** A consistent copy while the portal runs (SQLite's online backup API). */
export async function backupState(stateDir: string, target: string): Promise<number> {
  const db = new Database(stateFile(stateDir), { fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    return totalPages;
  } finally {
    db.close();
  }
}
