// Regression (issue 19, item 9): a typo in a published article (`autor:` for `author:`),
// an emptied file or a binary one took the article off the site at once. The index now
// keeps serving the last valid version, across restarts of the same DATA_DIR and through
// a rebuild of the index, and says so; a file never valid is not published; a deleted
// file is removed.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { heldBackNotes } from "../../src/index/held.js";
import { ContentIndex } from "../../src/index/index.js";
import { createApp } from "../../src/app.js";
import pino from "pino";
import { createTestPortal, NOW, type TestPortal } from "../helpers/app.js";
import { overwritePages } from "../helpers/corrupt.js";

const FILE = "pl/sopot/2025-07-11-letnie-kino-w-parku-polnocnym.md";
const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function portal(env?: Record<string, string>): Promise<TestPortal> {
  const p = await createTestPortal({ env });
  open.push(p);
  return p;
}

function pathOf(p: TestPortal, file: string): string {
  const row = p.index.db.prepare("SELECT slug FROM articles WHERE file = ?").get(file) as { slug: string } | undefined;
  if (!row) throw new Error(`no article row for ${file}`);
  return `/pl/aktualnosci/${row.slug}/`;
}

/** The article page answers 200 and the article is in the news list and the feed. */
async function expectServed(p: TestPortal, url: string, title: string): Promise<void> {
  const page = await request(p.app).get(url);
  expect(page.status).toBe(200);
  expect(page.text).toContain(title);
  expect((await request(p.app).get("/pl/aktualnosci/")).text).toContain(url);
  expect((await request(p.app).get("/pl/feed.xml")).text).toContain(url);
}

const TITLE = "Letnie kino w Parku Północnym";

function breakFile(p: TestPortal, how: "typo" | "empty" | "binary"): void {
  const abs = path.join(p.contentDir, FILE);
  const text = fs.readFileSync(abs, "utf8");
  if (how === "typo") fs.writeFileSync(abs, text.replace("author:", "autor:"));
  if (how === "empty") fs.writeFileSync(abs, "");
  if (how === "binary") fs.writeFileSync(abs, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
  // A different size is enough for the sync to see the change, but make the time move too.
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(abs, later, later);
}

describe("a published article that becomes invalid keeps its last valid version", () => {
  for (const how of ["typo", "empty", "binary"] as const) {
    it(`${how}: still served, in the list and the feed, and reported as held back`, async () => {
      const p = await portal();
      const url = pathOf(p, FILE);
      await expectServed(p, url, TITLE);
      breakFile(p, how);
      await p.index.sync();
      await expectServed(p, url, TITLE);
      const texts = p.index
        .issues()
        .filter((i) => i.file === FILE)
        .map(formatIssue);
      if (how === "typo") expect(texts).toContain(`${FILE}:6: autor: unknown field — did you mean "author"?`);
      expect(texts.some((t) => /held back: serving the version of \d{4}-\d\d-\d\d \d\d:\d\d UTC/.test(t))).toBe(true);
      expect(p.index.status().heldBack).toBe(1);
      const ready = await request(p.app).get("/readyz");
      expect(ready.body.heldBack).toBe(1);
    });
  }

  it("npm run check and the dev problems page say it is held back", async () => {
    const p = await portal({ NODE_ENV: "development" });
    breakFile(p, "typo");
    await p.index.sync();
    const checked = checkContent(p.config).issues;
    const notes = heldBackNotes(p.config.dataDir, checked).map(formatIssue);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^${FILE}:1: file: warning: held back: serving the version of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
    const page = await request(p.app).get("/_dev/problems/?lang=pl");
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${FILE}:1: file: ostrzeżenie: wstrzymany: wyświetlana jest wersja z`);
    expect(page.text).toContain(`${FILE}:6: autor: nieznane pole`);
  });

  it("keeps serving it after a restart with the same DATA_DIR, and after a rebuild of the index", async () => {
    const p = await portal();
    const url = pathOf(p, FILE);
    breakFile(p, "typo");
    await p.index.sync();
    p.index.close();
    open.pop();

    const again = await ContentIndex.open(p.config, { clock: () => NOW });
    open.push(again);
    const app = (await createApp({ config: p.config, index: again, logger: pino({ level: "silent" }) })).app;
    expect((await request(app).get(url)).status).toBe(200);
    expect(again.status().heldBack).toBe(1);
    again.close();
    open.pop();

    // An index of another schema version is rebuilt from the content; the last valid
    // version of a broken file is taken over from the old file while it can be read.
    const current = fs.readFileSync(path.join(p.dataDir, "CURRENT"), "utf8").trim();
    const old = new Database(path.join(p.dataDir, current));
    old.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    old.close();
    const logged: string[] = [];
    const rebuilt = await ContentIndex.open(p.config, { clock: () => NOW, log: (m) => logged.push(m) });
    open.push(rebuilt);
    expect(logged.join("\n")).toMatch(/rebuilding the index: schema version 1/);
    expect(fs.readFileSync(path.join(p.dataDir, "CURRENT"), "utf8").trim()).not.toBe(current);
    const app2 = (await createApp({ config: p.config, index: rebuilt, logger: pino({ level: "silent" }) })).app;
    const page = await request(app2).get(url);
    expect(page.status).toBe(200);
    expect(page.text).toContain(TITLE);
    expect(rebuilt.status().heldBack).toBe(1);
  });

  it("keeps serving it through the rebuild of an index damaged while serving", async () => {
    const p = await portal();
    const url = pathOf(p, FILE);
    breakFile(p, "typo");
    await p.index.sync();
    p.index.close();
    open.pop();
    const file = path.join(p.dataDir, fs.readFileSync(path.join(p.dataDir, "CURRENT"), "utf8").trim());
    const db = new Database(file, { readonly: true });
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'listing'").pluck().all() as number[];
    db.close();
    overwritePages(file, pages, 9);
    const index = await ContentIndex.open(p.config, { clock: () => NOW });
    open.push(index);
    const app = (await createApp({ config: p.config, index, logger: pino({ level: "silent" }) })).app;
    expect((await request(app).get("/pl/aktualnosci/")).status).toBe(503);
    for (let i = 0; i < 200 && (await request(app).get("/pl/aktualnosci/")).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.readFileSync(path.join(p.dataDir, "CURRENT"), "utf8").trim()).not.toBe(path.basename(file));
    const list = await request(app).get("/pl/aktualnosci/");
    expect(list.status).toBe(200);
    expect(list.text).toContain(url);
    expect((await request(app).get(url)).status).toBe(200);
    expect(index.status().heldBack).toBe(1);
  });

  it("logs the held-back file when a sync finds it broken", async () => {
    const p = await portal();
    p.index.close();
    open.pop();
    const logged: string[] = [];
    const index = await ContentIndex.open(p.config, { clock: () => NOW, log: (m) => logged.push(m) });
    open.push(index);
    breakFile(p, "empty");
    await index.sync();
    expect(logged.filter((m) => m.startsWith(`${FILE}:1: file: warning: held back: serving the version of `))).toHaveLength(1);
  });

  it("publishes the fixed version once the file is valid again", async () => {
    const p = await portal();
    const url = pathOf(p, FILE);
    const abs = path.join(p.contentDir, FILE);
    const good = fs.readFileSync(abs, "utf8");
    breakFile(p, "empty");
    await p.index.sync();
    fs.writeFileSync(abs, good.replace(TITLE, "Letnie kino w Parku Północnym (poprawione)"));
    await p.index.sync();
    expect((await request(p.app).get(url)).status).toBe(404); // the title gives the address
    expect(p.index.status().heldBack).toBe(0);
    expect(p.index.issues().filter((i) => i.file === FILE)).toEqual([]);
  });

  it("does not publish a file that was never valid", async () => {
    const p = await portal();
    const rel = "pl/sopot/2026-11-20-nowy.md";
    fs.writeFileSync(path.join(p.contentDir, rel), '---\ntitle: "Nowy komunikat"\ndate: 2026-11-20\nautor: "Redakcja"\n---\nTekst.\n');
    await p.index.sync();
    expect(p.index.db.prepare("SELECT count(*) FROM articles WHERE file = ?").pluck().get(rel)).toBe(0);
    expect((await request(p.app).get("/pl/aktualnosci/")).text).not.toContain("Nowy komunikat");
    expect(p.index.status().heldBack).toBe(0);
  });

  it("removes a held-back article when its file is deleted", async () => {
    const p = await portal();
    const url = pathOf(p, FILE);
    breakFile(p, "binary");
    await p.index.sync();
    expect((await request(p.app).get(url)).status).toBe(200);
    fs.rmSync(path.join(p.contentDir, FILE));
    await p.index.sync();
    expect((await request(p.app).get(url)).status).toBe(404);
    expect((await request(p.app).get("/pl/aktualnosci/")).text).not.toContain(url);
    expect(p.index.status().heldBack).toBe(0);
  });
});
