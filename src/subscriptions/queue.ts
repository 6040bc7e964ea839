// The send log: deliveries (reader, item, kind — each exactly once) and messages (one
// e-mail each, with its attempts). A delivery is recorded before its message is sent,
// the message is marked "sending" before the relay is asked and "sent" after; a crash in
// between leaves one message "sending", which the next start sends again (at most that one twice).
import type { StateDb } from "./db.js";

/** Temporary failures are retried for this long, then the message is given up. */
export const RETRY_FOR_MS = 24 * 3_600_000;

/** Back-off after a temporary failure: 1, 2, 4 … minutes, at most an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export type MessageKind = "confirm" | "export" | "news" | "alert" | "digest";
export type DeliveryKind = "article" | "alert" | "digest";

export interface Message {
  readonly id: number;
  readonly subscriber_id: number;
  readonly kind: MessageKind;
  readonly created_at: number;
  readonly attempts: number;
  readonly first_attempt_at: number | null;
}

/** After a news e-mail, further articles for the same reader wait this long and go together. */
export const NEWS_BATCH_MS = 10 * 60_000;

export function createQueueTables(db: StateDb) {
  const addDelivery = db.prepare("INSERT OR IGNORE INTO deliveries (subscriber_id, item_key, kind, created_at) VALUES (?, ?, ?, ?)");
  const addMessage = db.prepare("INSERT INTO messages (subscriber_id, kind, status, created_at, next_attempt_at) VALUES (?, ?, 'queued', ?, ?)");
  const attach = db.prepare(
    "UPDATE deliveries SET message_id = @message WHERE subscriber_id = @subscriber AND message_id IS NULL AND kind = @kind AND created_at <= @now",
  );
  const attachOne = db.prepare("UPDATE deliveries SET message_id = @message WHERE subscriber_id = @subscriber AND item_key = @key AND kind = @kind");
  const unplannedAlerts = db.prepare(
    "SELECT subscriber_id, item_key FROM deliveries WHERE message_id IS NULL AND kind = 'alert' ORDER BY created_at LIMIT 500",
  );
  // Readers with articles waiting whose batching window (NEWS_BATCH_MS after the last news e-mail) is over.
  const newsDue = db
    .prepare(
      `SELECT DISTINCT d.subscriber_id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.message_id IS NULL AND d.kind = 'article' AND (s.last_news_at IS NULL OR s.last_news_at <= @now - ${NEWS_BATCH_MS}) LIMIT 500`,
    )
    .pluck();
  const claim = db.prepare(`UPDATE messages SET status = 'sending', attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, @now)
    WHERE id = (SELECT id FROM messages WHERE status = 'queued' AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT 1)
    RETURNING id, subscriber_id, kind, created_at, attempts, first_attempt_at`);
  const itemsOf = db.prepare("SELECT item_key FROM deliveries WHERE message_id = ? ORDER BY created_at, item_key").pluck();
  const sent = db.prepare("UPDATE messages SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?");
  const retry = db.prepare("UPDATE messages SET status = 'queued', next_attempt_at = ?, last_error = ? WHERE id = ?");
  const failed = db.prepare("UPDATE messages SET status = 'failed', last_error = ? WHERE id = ?");
  const dropQueued = db.prepare("UPDATE messages SET status = 'failed', last_error = 'address bounced' WHERE subscriber_id = ? AND status = 'queued'");
  const interrupted = db.prepare("UPDATE messages SET status = 'queued' WHERE status = 'sending'");
  const length = db.prepare("SELECT count(*) AS n, min(created_at) AS oldest FROM messages WHERE status IN ('queued', 'sending')");
  const nextDue = db.prepare("SELECT min(next_attempt_at) FROM messages WHERE status = 'queued'").pluck();
  const sentCount = db.prepare("SELECT kind, count(*) AS n FROM messages WHERE status = 'sent' GROUP BY kind");
  const ofSubscriber =
    db.prepare(`SELECT m.kind, m.status, m.created_at, m.sent_at, (SELECT json_group_array(d.item_key) FROM deliveries d WHERE d.message_id = m.id) AS items
    FROM messages m WHERE m.subscriber_id = ? ORDER BY m.id`);

  return {
    /** Records that `subscriber` is to get `key` as `kind`; false when it already was (exactly once). */
    addDelivery: (subscriber: number, key: string, kind: DeliveryKind, now: number) => addDelivery.run(subscriber, key, kind, now).changes === 1,
    /** A message on its own (confirmation, export): returns its id. */
    queue: (subscriber: number, kind: MessageKind, now: number) => Number(addMessage.run(subscriber, kind, now, now).lastInsertRowid),
    /** Turns waiting deliveries into messages: each alert alone, a reader's articles together. */
    plan(now: number, onNews: (subscriber: number) => void): number {
      let made = 0;
      for (const d of unplannedAlerts.all() as { subscriber_id: number; item_key: string }[]) {
        const id = Number(addMessage.run(d.subscriber_id, "alert", now, now).lastInsertRowid);
        attachOne.run({ message: id, subscriber: d.subscriber_id, key: d.item_key, kind: "alert" });
        made++;
      }
      for (const subscriber of newsDue.all({ now }) as number[]) {
        const id = Number(addMessage.run(subscriber, "news", now, now).lastInsertRowid);
        attach.run({ message: id, subscriber, kind: "article", now });
        onNews(subscriber);
        made++;
      }
      return made;
    },
    /** A digest of the given items, recorded per item, or nothing when every item was in one before. */
    digest(subscriber: number, keys: readonly string[], now: number): boolean {
      const fresh = keys.filter((k) => addDelivery.run(subscriber, k, "digest", now).changes === 1);
      if (!fresh.length) return false;
      const id = Number(addMessage.run(subscriber, "digest", now, now).lastInsertRowid);
      for (const key of fresh) attachOne.run({ message: id, subscriber, key, kind: "digest" });
      return true;
    },
    claim: (now: number) => (claim.get({ now }) as Message | undefined) ?? null,
    itemsOf: (message: number) => itemsOf.all(message) as string[],
    sent: (id: number, now: number) => sent.run(now, id),
    retry: (id: number, at: number, error: string) => retry.run(at, error, id),
    failed: (id: number, error: string) => failed.run(error, id),
    dropQueued: (subscriber: number) => dropQueued.run(subscriber),
    /** At start: messages a crash left "sending" go again. */
    requeueInterrupted: () => interrupted.run().changes,
    status(now: number): { length: number; oldestAgeSeconds: number | null } {
      const r = length.get() as { n: number; oldest: number | null };
      return { length: r.n, oldestAgeSeconds: r.oldest === null ? null : Math.max(0, Math.round((now - r.oldest) / 1000)) };
    },
    nextDue: () => (nextDue.get() as number | null) ?? null,
    sentCounts: () => sentCount.all() as { kind: string; n: number }[],
    ofSubscriber: (subscriber: number) =>
      ofSubscriber.all(subscriber) as { kind: string; status: string; created_at: number; sent_at: number | null; items: string }[],
  };
}

export type QueueTables = ReturnType<typeof createQueueTables>;
