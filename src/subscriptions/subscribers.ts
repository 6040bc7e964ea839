// The address tables: subscribers, suppressed (keyed hashes of those who left) and
// address_mails (confirmation e-mails per address and day). Every statement on them.
import { randomBytes } from "node:crypto";
import type { Locale } from "../config.js";
import { choicesSchema, type Choices } from "./choices.js";
import type { StateDb } from "./db.js";

export type SubscriberStatus = "unconfirmed" | "confirmed" | "bounced";

export interface Subscriber extends Choices {
  readonly id: number;
  readonly publicId: string;
  readonly email: string;
  readonly lang: Locale;
  readonly status: SubscriberStatus;
  readonly pending: Choices | null;
  readonly createdAt: number;
  readonly confirmExpires: number | null;
  readonly confirmedAt: number | null;
  readonly lastNewsAt: number | null;
  readonly digestSince: number | null;
}

interface Row {
  id: number;
  public_id: string;
  email: string;
  lang: Locale;
  districts: string;
  topics: string;
  scope: Choices["scope"];
  frequency: Choices["frequency"];
  status: SubscriberStatus;
  pending: string | null;
  created_at: number;
  confirm_expires: number | null;
  confirmed_at: number | null;
  last_news_at: number | null;
  digest_since: number | null;
}

function toSubscriber(r: Row): Subscriber {
  const pending = r.pending ? choicesSchema.safeParse(JSON.parse(r.pending)) : null;
  return {
    id: r.id,
    publicId: r.public_id,
    email: r.email,
    lang: r.lang,
    districts: JSON.parse(r.districts) as string[],
    topics: JSON.parse(r.topics) as string[],
    scope: r.scope,
    frequency: r.frequency,
    status: r.status,
    pending: pending?.success ? pending.data : null,
    createdAt: r.created_at,
    confirmExpires: r.confirm_expires,
    confirmedAt: r.confirmed_at,
    lastNewsAt: r.last_news_at,
    digestSince: r.digest_since,
  };
}

const DAY_MS = 86_400_000;

const choiceParams = (c: Choices) => ({ districts: JSON.stringify(c.districts), topics: JSON.stringify(c.topics), scope: c.scope, frequency: c.frequency });

export function createSubscriberTable(db: StateDb) {
  const byHash = db.prepare("SELECT * FROM subscribers WHERE addr_hash = ?");
  const byPublicId = db.prepare("SELECT * FROM subscribers WHERE public_id = ?");
  const byId = db.prepare("SELECT * FROM subscribers WHERE id = ?");
  const insert =
    db.prepare(`INSERT INTO subscribers (public_id, email, addr_hash, lang, districts, topics, scope, frequency, status, created_at, confirm_expires)
    VALUES (@publicId, @email, @hash, @lang, @districts, @topics, @scope, @frequency, 'unconfirmed', @now, @expires)`);
  // A reader who is not confirmed (or bounced) starts over: new choices, a new 48 hours.
  const restart =
    db.prepare(`UPDATE subscribers SET email = @email, lang = @lang, districts = @districts, topics = @topics, scope = @scope, frequency = @frequency,
    status = 'unconfirmed', pending = NULL, confirm_expires = @expires, created_at = @now WHERE id = @id`);
  const setPending = db.prepare("UPDATE subscribers SET pending = @pending, confirm_expires = @expires WHERE id = @id");
  const confirm =
    db.prepare(`UPDATE subscribers SET status = 'confirmed', confirmed_at = coalesce(confirmed_at, @now), digest_since = coalesce(digest_since, @now),
    confirm_expires = NULL, pending = NULL WHERE id = @id`);
  const setChoices = db.prepare("UPDATE subscribers SET districts = @districts, topics = @topics, scope = @scope, frequency = @frequency WHERE id = @id");
  const remove = db.prepare("DELETE FROM subscribers WHERE id = ?");
  const suppress = db.prepare(
    "INSERT INTO suppressed (addr_hash, reason, at) VALUES (?, ?, ?) ON CONFLICT (addr_hash) DO UPDATE SET reason = excluded.reason, at = excluded.at",
  );
  const unsuppress = db.prepare("DELETE FROM suppressed WHERE addr_hash = ?");
  const isSuppressed = db.prepare("SELECT EXISTS (SELECT 1 FROM suppressed WHERE addr_hash = ?)").pluck();
  const bounce = db.prepare("UPDATE subscribers SET status = 'bounced' WHERE id = ?");
  const mailsSince = db.prepare("SELECT count(*) FROM address_mails WHERE addr_hash = ? AND at > ?").pluck();
  const recordMail = db.prepare("INSERT INTO address_mails (addr_hash, at) VALUES (?, ?)");
  const pruneMails = db.prepare("DELETE FROM address_mails WHERE at <= ?");
  const expired = db.prepare("DELETE FROM subscribers WHERE status = 'unconfirmed' AND confirm_expires < ?");
  const dropPending = db.prepare("UPDATE subscribers SET pending = NULL, confirm_expires = NULL WHERE status = 'confirmed' AND confirm_expires < ?");
  const setLastNews = db.prepare("UPDATE subscribers SET last_news_at = ? WHERE id = ?");
  const setDigestSince = db.prepare("UPDATE subscribers SET digest_since = ? WHERE id = ?");
  // Who gets an article at once, who gets an alert, who is due a digest.
  const ofDistrict = "EXISTS (SELECT 1 FROM json_each(s.districts) d WHERE d.value = @district)";
  const ofTopics = "(s.topics = '[]' OR EXISTS (SELECT 1 FROM json_each(s.topics) t JOIN json_each(@tags) g ON g.value = t.value))";
  const articleReaders = db
    .prepare(
      `SELECT id FROM subscribers s WHERE status = 'confirmed' AND lang = @lang AND scope = 'all' AND frequency = 'immediately'
    AND ${ofDistrict} AND ${ofTopics}`,
    )
    .pluck();
  const alertReaders = db
    .prepare(
      `SELECT id FROM subscribers s WHERE status = 'confirmed' AND lang = @lang
    AND (@all = 1 OR EXISTS (SELECT 1 FROM json_each(s.districts) d JOIN json_each(@districts) a ON a.value = d.value))`,
    )
    .pluck();
  const digestReaders = db.prepare(
    "SELECT * FROM subscribers WHERE status = 'confirmed' AND scope = 'all' AND frequency = @frequency AND lang = @lang AND digest_since < @slot",
  );
  const stats = db.prepare(`SELECT s.lang, d.value AS district, s.status, count(*) AS n FROM subscribers s, json_each(s.districts) d
    GROUP BY s.lang, d.value, s.status ORDER BY s.lang, d.value, s.status`);
  const all = db.prepare("SELECT * FROM subscribers ORDER BY id");

  const one = (r: unknown) => (r ? toSubscriber(r as Row) : null);
  return {
    byHash: (hash: string) => one(byHash.get(hash)),
    byPublicId: (id: string) => one(byPublicId.get(id)),
    byId: (id: number) => one(byId.get(id)),
    create(email: string, hash: string, lang: Locale, choices: Choices, now: number, expires: number): Subscriber {
      const publicId = randomBytes(16).toString("hex");
      const { lastInsertRowid } = insert.run({ publicId, email, hash, lang, ...choiceParams(choices), now, expires });
      return one(byId.get(lastInsertRowid))!;
    },
    restart: (id: number, email: string, lang: Locale, choices: Choices, now: number, expires: number) =>
      restart.run({ id, email, lang, ...choiceParams(choices), now, expires }),
    setPending: (id: number, choices: Choices, expires: number) => setPending.run({ id, pending: JSON.stringify(choices), expires }),
    /** Confirms, applying choices asked for again (pending) when there are some. */
    confirm(s: Subscriber, now: number): void {
      if (s.pending) setChoices.run({ id: s.id, ...choiceParams(s.pending) });
      confirm.run({ id: s.id, now });
    },
    setChoices: (id: number, choices: Choices) => setChoices.run({ id, ...choiceParams(choices) }),
    /** Deletes the reader and everything queued for them; keeps only the keyed hash. */
    leave(s: Subscriber, hash: string, now: number): void {
      remove.run(s.id);
      suppress.run(hash, "left", now);
    },
    unsuppress: (hash: string) => unsuppress.run(hash),
    isSuppressed: (hash: string) => isSuppressed.get(hash) === 1,
    bounce: (id: number) => bounce.run(id),
    confirmMailsToday: (hash: string, now: number) => mailsSince.get(hash, now - DAY_MS) as number,
    recordConfirmMail: (hash: string, now: number) => recordMail.run(hash, now),
    /** Unconfirmed readers after 48 hours, and expired re-confirmations; returns how many readers went. */
    tidy(now: number): number {
      pruneMails.run(now - DAY_MS);
      dropPending.run(now);
      return expired.run(now).changes;
    },
    setLastNews: (id: number, at: number) => setLastNews.run(at, id),
    setDigestSince: (id: number, at: number) => setDigestSince.run(at, id),
    articleReaders: (lang: Locale, district: string, tags: readonly string[]) => articleReaders.all({ lang, district, tags: JSON.stringify(tags) }) as number[],
    alertReaders: (lang: Locale, districts: readonly string[] | "all") =>
      alertReaders.all({ lang, all: districts === "all" ? 1 : 0, districts: JSON.stringify(districts === "all" ? [] : districts) }) as number[],
    /** Readers of a digest whose last one is older than `slot`. */
    digestReaders: (lang: Locale, frequency: "daily" | "weekly", slot: number) => (digestReaders.all({ lang, frequency, slot }) as Row[]).map(toSubscriber),
    stats: () => stats.all() as { lang: string; district: string; status: string; n: number }[],
    all: () => (all.all() as Row[]).map(toSubscriber),
  };
}

export type SubscriberTable = ReturnType<typeof createSubscriberTable>;
