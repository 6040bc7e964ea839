// A portal with subscriptions for tests: fixture content, temporary DATA_DIR and STATE_DIR,
// an injected clock shared by the index and the subscriptions, and a real SMTP server
// (smtp-server) that keeps every message it accepts, parsed (mailparser).
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import pino, { type Logger } from "pino";
import { SMTPServer } from "smtp-server";
import request from "supertest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createI18n } from "../../src/i18n/index.js";
import { ContentIndex } from "../../src/index/index.js";
import { Subscriptions } from "../../src/subscriptions/service.js";
import type { CompiledViews } from "../../src/web/compiled-views.js";
import { copyFixture, NOW, tempDir } from "../helpers/app.js";

export const ORIGIN = "https://news.example.org";

export interface Inbox {
  readonly url: string;
  readonly mails: ParsedMail[];
  /** Replies for RCPT TO of an address: a number makes the server answer with that code. */
  readonly refuse: Map<string, number>;
  close(): Promise<void>;
}

export async function startInbox(): Promise<Inbox> {
  const mails: ParsedMail[] = [];
  const refuse = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (code) return callback(Object.assign(new Error(`refused ${code}`), { responseCode: code }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface SubsPortal extends App {
  readonly config: Config;
  readonly index: ContentIndex;
  readonly subs: Subscriptions;
  readonly contentDir: string;
  readonly stateDir: string;
  now(): number;
  setNow(ms: number): void;
  /** A sync of the content folder, then one sending round. */
  publish(): Promise<void>;
  close(): Promise<void>;
}

export async function createSubsPortal(
  options: {
    smtpUrl?: string;
    env?: Record<string, string>;
    now?: number;
    stateDir?: string;
    contentDir?: string;
    compiledViews?: CompiledViews | null;
    logger?: Logger;
  } = {},
): Promise<SubsPortal> {
  const contentDir = options.contentDir ?? copyFixture("content");
  fs.cpSync(path.resolve("content/privacy"), path.join(contentDir, "privacy"), { recursive: true });
  const dataDir = tempDir("data");
  const stateDir = options.stateDir ?? tempDir("state");
  let now = options.now ?? NOW;
  const clock = () => now;
  const config = loadConfig({
    NODE_ENV: "test",
    CONTENT_DIR: contentDir,
    DATA_DIR: dataDir,
    STATE_DIR: stateDir,
    BASE_URL: ORIGIN,
    LOG_LEVEL: "silent",
    MAIL_RATE: "1000",
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  const logger = options.logger ?? pino({ level: "silent" });
  const subs = new Subscriptions(config, { logger, i18n: await createI18n("bg"), clock });
  const index = await ContentIndex.open(config, { clock, onSynced: () => subs.contentChanged() });
  const app = await createApp({ config, index, logger, subscriptions: subs, compiledViews: options.compiledViews });
  subs.start(index);
  await subs.idle();
  return {
    ...app,
    config,
    index,
    subs,
    contentDir,
    stateDir,
    now: clock,
    setNow: (ms) => {
      now = ms;
    },
    async publish() {
      await index.sync();
      subs.wake();
      await subs.idle();
    },
    async close() {
      await subs.close();
      index.close();
    },
  };
}

/** The hidden form token of a page's subscribe form. */
export function formTokenOf(html: string): string {
  const m = /name="token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no form token on the page");
  return m[1]!;
}

/** Posts the subscribe form as a browser on our own page would. */
export async function subscribe(p: SubsPortal, fields: Record<string, string | string[]>, lang = "bg") {
  const page = await request(p.app)
    .get(lang === "bg" ? "/bg/" : "/pl/")
    .expect(200);
  const token = formTokenOf(page.text);
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ token, scope: "all", frequency: "immediately", ...fields })) for (const x of [v].flat()) body.append(k, x);
  return request(p.app)
    .post(lang === "bg" ? "/bg/abonament/" : "/pl/subskrypcja/")
    .set("Origin", ORIGIN)
    .set("Sec-Fetch-Site", "same-origin")
    .type("form")
    .send(body.toString());
}

/** The first link of a mail's text part that starts with `prefix`. */
export function linkIn(mail: Pick<ParsedMail, "text">, prefix: string): string {
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[^\\s>]+`).exec(mail.text ?? "");
  if (!m) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return m[0];
}

/** Confirms with the link of a confirmation mail (GET shows a button; the button posts). */
export async function confirmByMail(p: SubsPortal, mail: ParsedMail): Promise<void> {
  const url = new URL(linkIn(mail, `${ORIGIN}/`));
  await request(p.app).get(url.pathname).expect(200);
  await request(p.app).post(url.pathname).set("Origin", ORIGIN).set("Sec-Fetch-Site", "same-origin").type("form").send("").expect(200);
}

export function articleFile(title: string, date: string, tags: string[] = []): string {
  return `---\ntitle: ${title}\ndate: ${date}\nsummary: Кратко резюме на новината за ${title}.\n${tags.length ? `tags: [${tags.join(", ")}]\n` : ""}---\nТекст на новината.\n`;
}

export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A header's raw value (mailparser folds List-* headers into one object). */
export function header(mail: Pick<ParsedMail, "headerLines">, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n\s+/g, " ")
    .trim();
}
