// What can be mailed and what is already known: items (as first seen), seen_articles,
// alert_state and meta. Every statement on those tables.
import type { Locale } from "../config.js";
import type { StateDb } from "./db.js";

/** What an e-mail shows of an article. */
export interface ArticleItem {
  readonly type: "article";
  readonly title: string;
  readonly summary: string;
  readonly date: number;
  readonly path: string;
  readonly district: string;
  readonly districtName: string;
}

/** What an e-mail shows of an alert version. */
export interface AlertItem {
  readonly type: "alert";
  /** new, updated or cancelled */
  readonly change: "new" | "updated" | "cancelled";
  readonly title: string;
  readonly kind: string;
  readonly severity: string;
  readonly area: string | null;
  readonly start: number;
  readonly end: number;
  readonly path: string;
  readonly text: string;
}

export type Item = ArticleItem | AlertItem;

export interface AlertStateRow {
  readonly file: string;
  readonly identifier: string;
  readonly sent_identifier: string | null;
  readonly due_at: number;
  readonly cancelled: number;
}

export function createItemTables(db: StateDb) {
  const getMeta = db.prepare("SELECT value FROM meta WHERE key = ?").pluck();
  const setMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const insertItem = db.prepare("INSERT OR IGNORE INTO items (key, kind, lang, payload, seen_at) VALUES (@key, @kind, @lang, @payload, @now)");
  const item = db.prepare("SELECT payload FROM items WHERE key = ?").pluck();
  const seen = db.prepare("SELECT EXISTS (SELECT 1 FROM seen_articles WHERE file = ?)").pluck();
  const markSeen = db.prepare(
    "INSERT OR IGNORE INTO seen_articles (file, district, lang, tags, item_key, seen_at) VALUES (@file, @district, @lang, @tags, @itemKey, @now)",
  );
  // Digests: articles mailed (not those known from before subscriptions started) in a period;
  // an article at the very edge may match two periods, and deliveries keep it to one digest.
  const newArticles = db
    .prepare(
      `SELECT item_key FROM seen_articles a WHERE a.lang = @lang AND a.item_key IS NOT NULL AND a.seen_at >= @since AND a.seen_at <= @until
    AND EXISTS (SELECT 1 FROM json_each(@districts) d WHERE d.value = a.district)
    AND (@topics = '[]' OR EXISTS (SELECT 1 FROM json_each(@topics) t JOIN json_each(a.tags) g ON g.value = t.value))
    ORDER BY a.seen_at`,
    )
    .pluck();
  const alertState = db.prepare("SELECT * FROM alert_state WHERE file = ?");
  const alertStates = db.prepare("SELECT * FROM alert_state");
  const saveAlert =
    db.prepare(`INSERT INTO alert_state (file, identifier, sent_identifier, due_at, cancelled) VALUES (@file, @identifier, @sent, @due, @cancelled)
    ON CONFLICT (file) DO UPDATE SET identifier = excluded.identifier, sent_identifier = excluded.sent_identifier, due_at = excluded.due_at, cancelled = excluded.cancelled`);
  const dropAlert = db.prepare("DELETE FROM alert_state WHERE file = ?");
  const nextAlertDue = db.prepare("SELECT min(due_at) FROM alert_state WHERE sent_identifier IS NULL").pluck();
  return {
    meta: (key: string) => (getMeta.get(key) as string | undefined) ?? null,
    setMeta: (key: string, value: string) => setMeta.run(key, value),
    addItem: (key: string, lang: Locale, value: Item, now: number) => insertItem.run({ key, kind: value.type, lang, payload: JSON.stringify(value), now }),
    item: (key: string) => {
      const p = item.get(key) as string | undefined;
      return p ? (JSON.parse(p) as Item) : null;
    },
    isSeen: (file: string) => seen.get(file) === 1,
    markSeen: (a: { file: string; district: string; lang: Locale; tags: readonly string[] }, itemKey: string | null, now: number) =>
      markSeen.run({ file: a.file, district: a.district, lang: a.lang, tags: JSON.stringify(a.tags), itemKey, now }),
    newArticles: (lang: Locale, districts: readonly string[], topics: readonly string[], since: number, until: number) =>
      newArticles.all({ lang, districts: JSON.stringify(districts), topics: JSON.stringify(topics), since, until }) as string[],
    alertState: (file: string) => (alertState.get(file) as AlertStateRow | undefined) ?? null,
    alertStates: () => alertStates.all() as AlertStateRow[],
    saveAlert: (file: string, identifier: string, sent: string | null, due: number, cancelled = false) =>
      saveAlert.run({ file, identifier, sent, due, cancelled: cancelled ? 1 : 0 }),
    dropAlert: (file: string) => dropAlert.run(file),
    /** When the first alert held back until 24 hours before its start comes due, or null. */
    nextAlertDue: () => (nextAlertDue.get() as number | null) ?? null,
  };
}

export type ItemTables = ReturnType<typeof createItemTables>;
