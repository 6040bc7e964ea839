// Index safety: a damaged, foreign or missing index file is noticed at start and rebuilt
// from the content, and a sync that fails keeps the last good index serving while
// /readyz reports the error.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Article } from "../../src/content/article.js";
import { ContentIndex } from "../../src/index/index.js";
import type { ParseMany } from "../../src/content/load/types.js";
import { createTestPortal, NOW, type TestPortal } from "../helpers/app.js";

const ARTICLE = "/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/";
const ARTICLE_FILE = "bg/sredets/2025-04-14-remont-ul-tsar-ivan-shishman.md";

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

async function portalWithIndex(): Promise<TestPortal> {
  const portal = await createTestPortal();
  open.push(portal);
  return portal;
}

function currentFile(dataDir: string): string {
  return path.join(dataDir, fs.readFileSync(path.join(dataDir, "CURRENT"), "utf8").trim());
}

/** Closes the portal's index, damages it, opens it again and checks that articles are served. */
async function reopenAfter(portal: TestPortal, damage: (file: string) => void): Promise<string[]> {
  const file = currentFile(portal.dataDir);
  portal.close();
  open.pop();
  damage(file);
  const log: string[] = [];
  const index = await ContentIndex.open(portal.config, { clock: () => NOW, log: (m) => log.push(m) });
  open.push(index);
  const { app } = await createApp({ config: portal.config, index, logger: pino({ level: "silent" }) });
  const res = await request(app).get(ARTICLE);
  expect(res.status).toBe(200);
  expect(res.text).toContain("Цар Иван Шишман");
  expect(index.status().articles).toBeGreaterThan(10);
  const files = fs.readdirSync(portal.dataDir).filter((n) => /^index-.*\.sqlite$/.test(n));
  expect(files).toEqual([path.basename(currentFile(portal.dataDir))]);
  return log;
}

describe("opening the index", () => {
  it("reuses a sound index without rebuilding", async () => {
    const portal = await portalWithIndex();
    const before = currentFile(portal.dataDir);
    const log = await reopenAfter(portal, () => undefined);
    expect(log.filter((m) => m.startsWith("rebuilding"))).toEqual([]);
    expect(currentFile(portal.dataDir)).toBe(before);
  });

  it.each([
    ["a truncated file", (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 3))],
    ["a file cut after its header page", (f: string) => fs.truncateSync(f, 100)],
    ["random bytes", (f: string) => fs.writeFileSync(f, crypto.randomBytes(64 * 1024))],
    ["a zero-length file", (f: string) => fs.writeFileSync(f, "")],
    ["a text file", (f: string) => fs.writeFileSync(f, "this is not a database\n")],
    [
      "another schema version",
      (f: string) => {
        const db = new Database(f);
        db.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
        db.close();
      },
    ],
    [
      "a database of another program",
      (f: string) => {
        fs.rmSync(f);
        const db = new Database(f);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        db.close();
      },
    ],
    ["a CURRENT pointer to a missing file", (f: string) => fs.rmSync(f)],
    ["a CURRENT pointer that tries to leave the data folder", (f: string) => fs.writeFileSync(path.join(path.dirname(f), "CURRENT"), "../../../etc/passwd")],
    ["an empty CURRENT pointer", (f: string) => fs.writeFileSync(path.join(path.dirname(f), "CURRENT"), "")],
  ])("rebuilds from %s and serves the articles", async (_what, damage) => {
    const portal = await portalWithIndex();
    const log = await reopenAfter(portal, damage);
    expect(log.some((m) => m.startsWith("rebuilding the index"))).toBe(true);
  });
});

describe("a failed sync", () => {
  it("keeps the last good index when the content folder disappears, and reports it in /readyz", async () => {
    const portal = await portalWithIndex();
    const moved = `${portal.contentDir}-moved`;
    fs.renameSync(portal.contentDir, moved);
    await expect(portal.index.sync()).rejects.toThrow(/content folder/);
    const article = await request(portal.app).get(ARTICLE);
    expect(article.status).toBe(200);
    const ready = await request(portal.app).get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.articles).toBeGreaterThan(10);
    expect(ready.body.lastError).toMatch(/cannot be read/);

    fs.renameSync(moved, portal.contentDir);
    await portal.index.sync();
    expect((await request(portal.app).get("/readyz")).body.lastError).toBeNull();
  });

  it("rolls back a sync that fails half-way through writing and keeps serving the old text", async () => {
    const portal = await portalWithIndex();
    const abs = path.join(portal.contentDir, ARTICLE_FILE);
    fs.writeFileSync(abs, fs.readFileSync(abs, "utf8").replace("Започва ремонтът", "Отложен е ремонтът"));
    fs.utimesSync(abs, new Date(), new Date(Date.now() + 5_000));
    // The parsed article is missing its fields, so writing it throws after the old row is deleted.
    const broken: ParseMany = (files, emit) => emit(files.map((file) => ({ file, article: { file: file.rel } as unknown as Article, issues: [] })));
    await expect(portal.index.sync(broken)).rejects.toThrow();

    const res = await request(portal.app).get(ARTICLE);
    expect(res.status).toBe(200);
    expect(res.text).toContain("Започва ремонтът");
    const ready = (await request(portal.app).get("/readyz")).body as { lastError: string | null; articles: number };
    expect(ready.lastError).toEqual(expect.any(String));
    expect(ready.articles).toBe(portal.index.status().articles);

    await portal.index.sync();
    expect(portal.index.status().lastError).toBeNull();
    const updated = await request(portal.app).get("/bg/novini/otlozhen-e-remontat-na-ul-tsar-ivan-shishman/");
    expect(updated.status).toBe(200);
  });
});

describe("a failed first build", () => {
  it("leaves no half-written index behind, and the next start builds a whole one", async () => {
    const portal = await portalWithIndex();
    const dataDir = path.join(portal.dataDir, "fresh");
    const config = { ...portal.config, dataDir };
    // A fresh index is written while files are still being parsed: the third batch fails.
    let batches = 0;
    const failing: ParseMany = (files, emit) => {
      for (let i = 0; i < files.length; i += 4) {
        if (++batches === 3) throw new Error("disk full");
        emit(files.slice(i, i + 4).map((file) => ({ file, issues: [] })));
      }
    };
    await expect(ContentIndex.open(config, { parseMany: failing })).rejects.toThrow(/Building the index failed/);
    expect(fs.readdirSync(dataDir)).toEqual([]);

    const index = await ContentIndex.open(config);
    open.push(index);
    expect(index.status().articles).toBe(portal.index.status().articles);
  });
});
