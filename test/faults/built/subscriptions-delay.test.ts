// Issue 24 "done when", on the built server: a reader subscribes to Лозенец through the
// form, confirms from the e-mail, receives the next Лозенец article and a water alert
// within 60 s of their publication (a file saved into the watched content folder), and
// leaves with one click; without SMTP_URL the same flow writes .eml files and the start
// log says so. Prints the measured publish-to-inbox delays.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, ROOT, startBuilt, type BuiltServer } from "./harness.js";
import { headerOf, startRelay, type Relay } from "./subscriptions-helpers.js";

let server: BuiltServer | null = null;
let relay: Relay | null = null;
afterEach(async () => {
  await server?.stop("SIGKILL");
  await relay?.close();
  server = relay = null;
});

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");

function setUp() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-mail-"));
  const contentDir = path.join(work, "content");
  fs.cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
  return { contentDir, dataDir: path.join(work, "data"), stateDir: path.join(work, "state") };
}

/** The flow through HTTP; `next` waits for the next e-mail and gives it with its arrival time. */
async function flow(s: BuiltServer, contentDir: string, next: () => Promise<{ mail: ParsedMail; at: number }>) {
  const home = await (await fetch(`${s.url}/bg/`)).text();
  const token = /name="token" value="([^"]+)"/.exec(home)![1]!;
  const body = new URLSearchParams({ token, email: "lozenets@example.org", districts: "lozenets", scope: "all", frequency: "immediately" });
  const res = await fetch(`${s.url}/bg/abonament/`, { method: "POST", body });
  expect(res.status).toBe(200);
  const confirm = await next();
  const link = new URL(/https?:\/\/\S+\/potvardi\/\S+\//.exec(confirm.mail.text ?? "")![0]);
  expect((await fetch(`${s.url}${link.pathname}`, { method: "POST" })).status).toBe(200);

  const t0 = Date.now();
  fs.writeFileSync(
    path.join(contentDir, "bg/lozenets/2026-12-07-novina.md"),
    `---\ntitle: Нова детска площадка в Лозенец\ndate: ${yesterday()}\n---\nТекст.\n`,
  );
  const article = await next();
  const articleDelay = article.at - t0;
  expect(article.mail.subject).toBe("Нова детска площадка в Лозенец");

  const t1 = Date.now();
  fs.mkdirSync(path.join(contentDir, "alerts/bg"), { recursive: true });
  fs.writeFileSync(
    path.join(contentDir, "alerts/bg/voda-lozenets.md"),
    `---\ntitle: Спиране на водата в Лозенец\nkind: water\nseverity: warning\ndistricts: [lozenets]\nstart: ${inHours(2)}\nend: ${inHours(6)}\narea: ул. „Яворов“\n---\nРемонт на водопровода.\n`,
  );
  const alert = await next();
  const alertDelay = alert.at - t1;
  expect(alert.mail.subject).toMatch(/^Вода — Спиране на водата в Лозенец/);

  const unsubscribe = headerOf(alert.mail, "List-Unsubscribe") ?? "";
  expect(headerOf(alert.mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  const target = new URL(unsubscribe.slice(1, -1));
  expect(
    (
      await fetch(`${s.url}${target.pathname}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      })
    ).status,
  ).toBe(200);
  return { articleDelay, alertDelay };
}

describe("subscriptions on the built server", () => {
  it("delivers the next Лозенец article and a water alert within 60 s through SMTP, then nothing after one click", async () => {
    const { contentDir, dataDir, stateDir } = setUp();
    relay = await startRelay();
    server = await startBuilt({ contentDir, dataDir, env: { STATE_DIR: stateDir, SMTP_URL: relay.url, WATCH: "true", LOG_LEVEL: "info" } });
    const got = relay.received;
    let seen = 0;
    const next = async () => {
      const r = await eventually(async () => got[seen], 60_000, "the next e-mail");
      seen++;
      return r;
    };
    const { articleDelay, alertDelay } = await flow(server, contentDir, next);
    console.log(`publish-to-inbox over SMTP: article ${articleDelay} ms, alert ${alertDelay} ms`);
    expect(articleDelay).toBeLessThanOrEqual(60_000);
    expect(alertDelay).toBeLessThanOrEqual(60_000);
    fs.writeFileSync(path.join(contentDir, "bg/lozenets/2026-12-07-oshte.md"), `---\ntitle: Още една\ndate: ${yesterday()}\n---\nТекст.\n`);
    await new Promise((r) => setTimeout(r, 4000));
    expect(got).toHaveLength(3);
  }, 60_000);

  it("writes the same flow as .eml files without SMTP_URL, and says so at start", async () => {
    const { contentDir, dataDir, stateDir } = setUp();
    server = await startBuilt({ contentDir, dataDir, env: { STATE_DIR: stateDir, WATCH: "true", LOG_LEVEL: "info" } });
    expect(server.output()).toContain("no SMTP_URL: e-mails are written as .eml files into");
    const outbox = path.join(stateDir, "outbox");
    let seen = 0;
    const next = async () => {
      const file = await eventually(
        async () =>
          fs.existsSync(outbox)
            ? fs
                .readdirSync(outbox)
                .filter((f) => f.endsWith(".eml"))
                .sort()[seen]
            : undefined,
        60_000,
        "the next .eml file",
      );
      seen++;
      return { mail: await simpleParser(fs.readFileSync(path.join(outbox, file))), at: Date.now() };
    };
    const { articleDelay, alertDelay } = await flow(server, contentDir, next);
    console.log(`publish-to-outbox: article ${articleDelay} ms, alert ${alertDelay} ms`);
    expect(Math.max(articleDelay, alertDelay)).toBeLessThanOrEqual(60_000);
  }, 60_000);
});
