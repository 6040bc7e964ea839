// Residents' data (issue 24): leaving deletes the address (only a keyed hash stays), the
// export e-mail carries everything stored as JSON, the backup holds every subscriber,
// the generated key is owner-only, and without SMTP_URL the e-mails are .eml files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { backupState, stateFile } from "../../src/subscriptions/db.js";
import { SECRET_FILE } from "../../src/subscriptions/secret.js";
import { tempDir } from "../helpers/app.js";
import { articleFile, confirmByMail, createSubsPortal, linkIn, ORIGIN, startInbox, subscribe, type Inbox, type SubsPortal } from "./helpers.js";

let inbox: Inbox | null = null;
let p: SubsPortal | null = null;
afterEach(async () => {
  await p?.close();
  await inbox?.close();
  p = inbox = null;
});

async function confirmedReader(email: string) {
  inbox = await startInbox();
  p = await createSubsPortal({ smtpUrl: inbox.url });
  await subscribe(p, { email, districts: ["lozenets", "sredets"], topics: [] });
  await p.subs.idle();
  await confirmByMail(p, inbox.mails.at(-1)!);
  return { p, inbox };
}

describe("subscriptions: data", () => {
  it("deletes the address when the reader leaves from the manage page, keeping only a keyed hash", async () => {
    const { p, inbox } = await confirmedReader("leaver@example.org");
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-a.md"), articleFile("Новина А", "2026-11-23"));
    await p.publish();
    const manage = new URL(linkIn(inbox.mails.at(-1)!, `${ORIGIN}/bg/abonament/upravlenie/`));
    const page = await request(p.app).get(manage.pathname).expect(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    const token = /name="token" value="([^"]+)"/.exec(page.text)![1]!;
    await request(p.app).post(manage.pathname).set("Origin", ORIGIN).type("form").send(`token=${token}&action=leave`).expect(200);
    const db = new Database(stateFile(p.stateDir), { readonly: true });
    const everything = JSON.stringify([
      db.prepare("SELECT * FROM subscribers").all(),
      db.prepare("SELECT * FROM messages").all(),
      db.prepare("SELECT * FROM deliveries").all(),
    ]);
    // The daily limit of confirmation e-mails counts by the keyed hash, for a day.
    const counted = db.prepare("SELECT DISTINCT addr_hash FROM address_mails").pluck().all();
    const suppressed = db.prepare("SELECT addr_hash FROM suppressed").pluck().all() as string[];
    db.close();
    expect(everything).toBe("[[],[],[]]");
    expect(suppressed).toEqual([p.subs.signer.addressHash("leaver@example.org")]);
    expect(counted).toEqual(suppressed);
    for (const file of [stateFile(p.stateDir), `${stateFile(p.stateDir)}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes("leaver@example.org")).toBe(false);
    }
    // The old links now lead nowhere.
    await request(p.app).get(manage.pathname).expect(404);
  });

  it("changes the choices from the manage page", async () => {
    const { p, inbox } = await confirmedReader("changer@example.org");
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-a.md"), articleFile("Новина А", "2026-11-23"));
    await p.publish();
    const manage = new URL(linkIn(inbox.mails.at(-1)!, `${ORIGIN}/bg/abonament/upravlenie/`));
    const page = await request(p.app).get(manage.pathname).expect(200);
    expect(page.text).toMatch(/value="lozenets" checked/);
    const token = /name="token" value="([^"]+)"/.exec(page.text)![1]!;
    const saved = await request(p.app)
      .post(manage.pathname)
      .set("Origin", ORIGIN)
      .type("form")
      .send(`token=${token}&districts=sredets&scope=alerts&frequency=weekly&action=save`)
      .expect(200);
    expect(saved.text).toContain("Промените са запазени.");
    const s = p.subs.subscribers.all()[0]!;
    expect([s.districts, s.scope, s.frequency]).toEqual([["sredets"], "alerts", "weekly"]);
  });

  it("mails everything stored about the reader as JSON when asked on the manage page", async () => {
    const { p, inbox } = await confirmedReader("exporter@example.org");
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-a.md"), articleFile("Новина А", "2026-11-23"));
    await p.publish();
    const manage = new URL(linkIn(inbox.mails.at(-1)!, `${ORIGIN}/bg/abonament/upravlenie/`));
    const page = await request(p.app).get(manage.pathname).expect(200);
    const token = /name="token" value="([^"]+)"/.exec(page.text)![1]!;
    await request(p.app).post(manage.pathname).set("Origin", ORIGIN).type("form").send(`token=${token}&action=export`).expect(200);
    await p.subs.idle();
    const mail = inbox.mails.at(-1)!;
    expect(mail.subject).toBe("Данните от вашия абонамент");
    const data = JSON.parse(mail.attachments[0]!.content.toString("utf8")) as Record<string, unknown>;
    expect(mail.attachments[0]!.contentType).toBe("application/json");
    expect(data).toMatchObject({
      email: "exporter@example.org",
      language: "bg",
      districts: ["lozenets", "sredets"],
      topics: [],
      what: "all",
      frequency: "immediately",
      status: "confirmed",
    });
    expect((data.messages as { kind: string; items: string[] }[]).map((m) => m.kind)).toEqual(["confirm", "news", "export"]);
    expect((data.messages as { items: string[] }[])[1]!.items).toEqual(["article:bg/lozenets/2026-11-23-a.md"]);
  });

  it("deletes unconfirmed addresses after 48 hours", async () => {
    inbox = await startInbox();
    p = await createSubsPortal({ smtpUrl: inbox.url });
    await subscribe(p, { email: "late@example.org", districts: "lozenets" });
    await p.subs.idle();
    const link = new URL(linkIn(inbox.mails[0]!, `${ORIGIN}/bg/abonament/potvardi/`));
    p.setNow(p.now() + 48 * 3_600_000 + 1000);
    p.subs.wake();
    await p.subs.idle();
    expect(p.subs.subscribers.all()).toHaveLength(0);
    await request(p.app).get(link.pathname).expect(404);
  });

  it("backs up a consistent copy that holds every subscriber, while the portal has it open", async () => {
    inbox = await startInbox();
    p = await createSubsPortal({ smtpUrl: inbox.url });
    for (let i = 0; i < 5; i++) await subscribe(p, { email: `b${i}@example.org`, districts: "sredets" });
    const target = path.join(tempDir("backup"), "copy.sqlite");
    await backupState(p.stateDir, target);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT email FROM subscribers ORDER BY email").pluck().all()).toEqual([
      "b0@example.org",
      "b1@example.org",
      "b2@example.org",
      "b3@example.org",
      "b4@example.org",
    ]);
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    // The command does the same, and the stats name no address.
    const env = { ...process.env, STATE_DIR: p.stateDir };
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/cli/backup.ts", "--to", `${target}.2`], { env, encoding: "utf8" });
    expect(out).toContain("backup written");
    expect(fs.statSync(`${target}.2`).mode & 0o777).toBe(0o600);
    const stats = execFileSync(process.execPath, ["--import", "tsx", "src/cli/subscribers.ts", "--stats"], { env, encoding: "utf8" });
    expect(stats).toMatch(/bg\s+sredets\s+unconfirmed\s+5/);
    expect(stats).not.toContain("@");
  });

  it("writes .eml files into STATE_DIR/outbox without SMTP_URL, and keeps a generated key owner-only", async () => {
    p = await createSubsPortal();
    await subscribe(p, { email: "laptop@example.org", districts: "lozenets" });
    await p.subs.idle();
    const outbox = path.join(p.stateDir, "outbox");
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, files[0]!)));
    expect(mail.subject).toBe("Потвърдете абонамента си");
    await confirmByMail(p, mail);
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-eml.md"), articleFile("Новина в пощенската папка", "2026-11-23"));
    await p.publish();
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    expect(fs.statSync(path.join(p.stateDir, SECRET_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe("subscriptions: logs", () => {
  it("log counts and paths without tokens, never an address", async () => {
    const lines: string[] = [];
    const { default: pino } = await import("pino");
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    inbox = await startInbox();
    p = await createSubsPortal({ smtpUrl: inbox.url, logger });
    await subscribe(p, { email: "private.person@example.org", districts: "lozenets" });
    await p.subs.idle();
    await confirmByMail(p, inbox.mails[0]!);
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-log.md"), articleFile("Новина за дневника", "2026-11-23"));
    await p.publish();
    const log = lines.join("");
    expect(log).toContain('"path":"/bg/abonament/potvardi/…/"');
    expect(log).toContain("subscriptions: e-mails sent");
    expect(log).not.toMatch(/private\.person|example\.org>|[0-9a-f]{32}\./);
  });
});
