// Exactly once across a crash (issue 24): 40 readers of Лозенец, a new article, the built
// server killed with SIGKILL in the middle of the batch, started again on the same
// STATE_DIR: every reader gets the article, and at most the one message that was at the
// relay when the process died goes twice. Prints the per-reader figure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStateDb } from "../../../src/subscriptions/db.js";
import { Signer } from "../../../src/subscriptions/secret.js";
import { createSubscriberTable } from "../../../src/subscriptions/subscribers.js";
import { eventually, ROOT, startBuilt, type BuiltServer } from "./harness.js";
import { startRelay, type Relay } from "./subscriptions-helpers.js";

const READERS = 40;
const SECRET_KEY = "exactly-once-test-key-0123456789abcdef";

let servers: BuiltServer[] = [];
let relay: Relay | null = null;
afterEach(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  servers = [];
  await relay?.close();
});

describe("subscriptions: a crash in the middle of a batch", () => {
  it("sends each reader the article once, at most one message twice", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-once-"));
    const contentDir = path.join(work, "content");
    fs.cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
    const dataDir = path.join(work, "data");
    const stateDir = path.join(work, "state");
    // Confirmed readers, written straight into the state database before the first start.
    const db = openStateDb(stateDir);
    const table = createSubscriberTable(db);
    const signer = new Signer(Buffer.from(SECRET_KEY));
    const now = Date.now();
    for (let i = 0; i < READERS; i++) {
      const email = `reader${i}@example.org`;
      const s = table.create(
        email,
        signer.addressHash(email),
        "bg",
        { districts: ["lozenets"], topics: [], scope: "all", frequency: "immediately" },
        now,
        now + 1000,
      );
      table.confirm(s, now);
    }
    db.close();

    // A slow relay (150 ms a message) makes the batch last about 6 s.
    relay = await startRelay(150);
    const env = { STATE_DIR: stateDir, SMTP_URL: relay.url, SECRET_KEY, WATCH: "true", MAIL_RATE: "100", LOG_LEVEL: "info" };
    const first = await startBuilt({ contentDir, dataDir, env });
    servers.push(first);
    await eventually(async () => (first.output().includes("subscriptions: sending through") ? true : undefined), 10_000, "the sender to start");
    await new Promise((r) => setTimeout(r, 1500)); // the first look records what is already published

    fs.writeFileSync(
      path.join(contentDir, "bg/lozenets/2026-12-07-proba.md"),
      `---\ntitle: Проверка „точно веднъж“\ndate: ${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}\n---\nТекст.\n`,
    );
    const got = relay.received;
    await eventually(async () => (got.length >= 10 ? true : undefined), 30_000, "the batch to be under way");
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeCrash = got.length;

    const second = await startBuilt({ contentDir, dataDir, env });
    servers.push(second);
    await eventually(async () => (new Set(got.map((r) => r.to)).size >= READERS ? true : undefined), 40_000, "every reader to get the article");
    // Anything sent twice would arrive within the same batch: wait for the queue to be empty.
    await eventually(
      async () => {
        const ready = (await (await fetch(`${second.url}/readyz`)).json()) as { mailQueue: { length: number } };
        return ready.mailQueue.length === 0 ? true : undefined;
      },
      20_000,
      "the queue to empty",
    );

    const perReader = new Map<string, number>();
    for (const r of got) perReader.set(r.to, (perReader.get(r.to) ?? 0) + 1);
    const twice = [...perReader.values()].filter((n) => n > 1).length;
    const figure = {
      readers: READERS,
      messages: got.length,
      receivedBeforeKill: beforeCrash,
      readersWithOne: [...perReader.values()].filter((n) => n === 1).length,
      readersWithTwo: twice,
      readersWithNone: READERS - perReader.size,
    };
    console.log(`exactly-once after SIGKILL: ${JSON.stringify(figure)}`);
    expect(perReader.size).toBe(READERS);
    expect(twice).toBeLessThanOrEqual(1);
    expect(Math.max(...perReader.values())).toBeLessThanOrEqual(2);
    expect(got.every((r) => r.mail.subject === "Проверка „точно веднъж“")).toBe(true);
  }, 90_000);
});
