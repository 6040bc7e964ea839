// E-mail subscriptions as the rest of the portal sees them: what the pages ask for
// (subscribe, confirm, change, leave, export) and, in the instance that sends
// (SUBSCRIPTIONS=primary), the loop that finds new content, plans messages and hands
// them to the relay at MAIL_RATE. Logs carry counts only, never an address.
import path from "node:path";
import nunjucks from "nunjucks";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { ContentIndex } from "../index/index.js";
import type { I18n } from "../i18n/index.js";
import { toMail } from "../mail/compose.js";
import { outboxTransport, smtpTransport, type MailTransport } from "../mail/transport.js";
import { ROOT } from "../root.js";
import type { Choices } from "./choices.js";
import { openStateDb, type StateDb } from "./db.js";
import { detectChanges } from "./detect.js";
import { lastDigestSlot } from "./digest.js";
import { createItemTables } from "./items.js";
import { letterFor } from "./letters.js";
import { createQueueTables, retryDelay, RETRY_FOR_MS, type Message } from "./queue.js";
import { loadSecret, Signer } from "./secret.js";
import { createSubscriberTable, type Subscriber } from "./subscribers.js";
import { CONFIRM_MS } from "./tokens.js";

/** At most this many confirmation e-mails per address and day (whoever asks). */
export const CONFIRM_MAILS_PER_DAY = 3;
/** The loop looks at the index this often even when no sync reported (alerts coming due, digests). */
export const TICK_MS = 5_000;

export interface SubscriptionsOptions {
  readonly logger: Logger;
  readonly i18n: I18n;
  readonly clock?: () => number;
  /** Default: SMTP_URL's relay, else the .eml outbox. */
  readonly transport?: MailTransport;
}

export class Subscriptions {
  readonly db: StateDb;
  readonly signer: Signer;
  readonly subscribers: ReturnType<typeof createSubscriberTable>;
  readonly items: ReturnType<typeof createItemTables>;
  readonly queue: ReturnType<typeof createQueueTables>;
  readonly clock: () => number;
  private transport: MailTransport | null = null;
  private readonly mailViews: nunjucks.Environment;
  private index: ContentIndex | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastVersion: string | null = null;
  private closed = false;

  constructor(
    readonly config: Config,
    private readonly options: SubscriptionsOptions,
  ) {
    const settings = config.subscriptions;
    this.clock = options.clock ?? Date.now;
    this.db = openStateDb(settings.stateDir);
    this.signer = new Signer(loadSecret(settings.stateDir, settings.secretKey));
    this.subscribers = createSubscriberTable(this.db);
    this.items = createItemTables(this.db);
    this.queue = createQueueTables(this.db);
    this.mailViews = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(ROOT, "views")), { autoescape: true });
    this.transport = options.transport ?? null;
  }

  // ——— What the pages ask for ———

  /**
   * Subscribe, or ask again: the outcome the visitor sees is the same whatever the
   * address's state (new, unconfirmed, confirmed, left, over its daily limit), so the
   * form tells no one who is subscribed.
   */
  subscribe(email: string, lang: Subscriber["lang"], choices: Choices): void {
    const now = this.clock();
    const hash = this.signer.addressHash(email);
    const expires = now + CONFIRM_MS;
    this.db
      .transaction(() => {
        const existing = this.subscribers.byHash(hash);
        let id: number;
        if (!existing) id = this.subscribers.create(email.trim(), hash, lang, choices, now, expires).id;
        else if (existing.status === "confirmed") {
          // Nothing changes until the reader confirms the new choices.
          this.subscribers.setPending(existing.id, choices, expires);
          id = existing.id;
        } else {
          this.subscribers.restart(existing.id, email.trim(), lang, choices, now, expires);
          id = existing.id;
        }
        if (this.subscribers.confirmMailsToday(hash, now) >= CONFIRM_MAILS_PER_DAY) return;
        this.subscribers.recordConfirmMail(hash, now);
        this.queue.queue(id, "confirm", now);
      })
      .immediate();
    this.wake();
  }

  /** The reader a confirmation token names; "unknown" after 48 hours (the reader is gone). */
  confirm(publicId: string): "confirmed" | "unknown" {
    const s = this.subscribers.byPublicId(publicId);
    if (!s || (s.status === "confirmed" && !s.pending)) return s ? "confirmed" : "unknown";
    this.db.transaction(() => {
      this.subscribers.confirm(s, this.clock());
      this.subscribers.unsuppress(this.signer.addressHash(s.email));
    })();
    return "confirmed";
  }

  reader(publicId: string): Subscriber | null {
    const s = this.subscribers.byPublicId(publicId);
    return s && s.status !== "unconfirmed" ? s : null;
  }

  change(s: Subscriber, choices: Choices): void {
    this.subscribers.setChoices(s.id, choices);
  }

  /** Deletes the address and all queued for it; only the keyed hash stays (suppressed). */
  leave(s: Subscriber): void {
    const hash = this.signer.addressHash(s.email);
    this.db.transaction(() => this.subscribers.leave(s, hash, this.clock()))();
    // Older copies of its pages stay in the write-ahead log until a checkpoint resets it.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  requestExport(s: Subscriber): void {
    this.queue.queue(s.id, "export", this.clock());
    this.wake();
  }

  /** Null on a replica (SUBSCRIPTIONS=replica): its queue is the primary's. */
  queueStatus(): { length: number; oldestAgeSeconds: number | null } | null {
    if (this.config.subscriptions.role !== "primary") return null;
    return this.queue.status(this.clock());
  }

  // ——— Sending (SUBSCRIPTIONS=primary) ———

  /** Starts the loop: messages a crash left "sending" go again, then every TICK_MS and after each sync. */
  start(index: ContentIndex): void {
    this.index = index;
    this.transport ??= this.config.subscriptions.smtpUrl
      ? smtpTransport(this.config.subscriptions.smtpUrl)
      : outboxTransport(this.config.subscriptions.stateDir);
    const requeued = this.queue.requeueInterrupted();
    this.options.logger.info({ requeued }, `subscriptions: sending through ${this.transport.describe}`);
    this.timer = setInterval(() => this.wake(), TICK_MS);
    this.timer.unref();
    this.wake(true);
  }

  /** The hook the index calls when a sync has committed (src/server.ts wires it): look now. */
  contentChanged(): void {
    this.lastVersion = null;
    this.wake();
  }

  /** Runs one round now, or once more after the round under way. */
  wake(detect = false): void {
    if (detect) this.lastVersion = null;
    if (!this.index || this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((err: unknown) => this.options.logger.error({ err }, "subscriptions: a sending round failed; the next one tries again"))
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when no round is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async round(): Promise<void> {
    const now = this.clock();
    const index = this.index!;
    const version = index.version();
    // The comparison reads every published article: only when the content changed, or an
    // alert held back ("24 hours before its start") comes due. The very first one records
    // what is published as already known (detect.ts); it must not wait for a first reader,
    // or what is published meanwhile would be taken for old.
    const alertDue = this.items.nextAlertDue();
    if (version !== this.lastVersion || (alertDue !== null && alertDue <= now)) {
      const found = this.db.transaction(() => detectChanges(index, this, now)).immediate();
      this.lastVersion = version;
      if (found.articles + found.alerts > 0) this.options.logger.info(found, "subscriptions: new content to mail");
    }
    const gone = this.subscribers.tidy(now);
    if (gone) this.options.logger.info({ unconfirmed: gone }, "subscriptions: unconfirmed addresses deleted after 48 hours");
    this.db
      .transaction(() => {
        this.queue.plan(now, (id) => this.subscribers.setLastNews(id, now));
        this.planDigests(now);
      })
      .immediate();
    await this.sendDue();
  }

  private planDigests(now: number): void {
    for (const lang of ["bg", "pl"] as const) {
      for (const frequency of ["daily", "weekly"] as const) {
        const slot = lastDigestSlot(now, this.config.timeZones[lang], frequency);
        for (const s of this.subscribers.digestReaders(lang, frequency, slot)) {
          const keys = this.items.newArticles(lang, s.districts, s.topics, s.digestSince ?? slot, slot);
          // Nothing new: no e-mail; the period is done all the same.
          if (keys.length) this.queue.digest(s.id, keys, now);
          this.subscribers.setDigestSince(s.id, slot);
        }
      }
    }
  }

  private async sendDue(): Promise<void> {
    const gap = 1000 / this.config.subscriptions.mailRate;
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (this.closed) break;
      const now = this.clock();
      const message = this.db.transaction(() => this.queue.claim(now)).immediate();
      if (!message) break;
      const started = performance.now();
      const outcome = await this.deliver(message);
      if (outcome === "sent") sent++;
      else if (outcome === "failed") failed++;
      const wait = gap - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    if (sent + failed) this.options.logger.info({ sent, failed, queued: this.queue.status(this.clock()).length }, "subscriptions: e-mails sent");
  }

  private async deliver(m: Message): Promise<"sent" | "retry" | "failed"> {
    const s = this.subscribers.byId(m.subscriber_id);
    const letter =
      s &&
      letterFor(
        {
          config: this.config,
          i18n: this.options.i18n,
          signer: this.signer,
          queue: this.queue,
          items: this.items,
          now: this.clock(),
        },
        m,
        s,
      );
    if (!s || !letter) {
      this.queue.failed(m.id, "nothing to send (reader unconfirmed, bounced or link expired)");
      return "failed";
    }
    const outcome = await this.transport!.send(toMail(letter, this.mailViews, this.options.i18n, this.config));
    const now = this.clock();
    if (outcome.ok) {
      this.queue.sent(m.id, now);
      return "sent";
    }
    if (outcome.permanent) {
      // The relay says the address does not take mail: stop mailing it.
      this.db.transaction(() => {
        this.queue.failed(m.id, outcome.error);
        this.subscribers.bounce(s.id);
        this.queue.dropQueued(s.id);
      })();
      this.options.logger.warn({ kind: m.kind }, "subscriptions: an address bounced permanently; no more e-mails to it");
      return "failed";
    }
    const next = now + retryDelay(m.attempts);
    if (next - (m.first_attempt_at ?? now) > RETRY_FOR_MS) {
      this.queue.failed(m.id, outcome.error);
      return "failed";
    }
    this.queue.retry(m.id, next, outcome.error);
    this.options.logger.warn(
      { kind: m.kind, attempts: m.attempts, retryInSeconds: Math.round((next - now) / 1000) },
      "subscriptions: temporary failure; will retry",
    );
    return "retry";
  }

  /** Stops the loop, lets the message under way finish (its mark is written), then closes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
    this.transport?.close();
    this.db.close();
  }
}
