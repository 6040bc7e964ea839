// A large fresh index serves its articles first and fills the search tables right after
// (ContentIndex.fillSearch). A reader must not notice: a search waits for the filling,
// edits made meanwhile are found by their new words, and a restart finishes the job.
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { parseInThread } from "../../src/content/load/parse-file.js";
import { buildMatch } from "../../src/search/query.js";
import { copyFixture, NOW, tempDir } from "../helpers/app.js";

const EXTRA = 60;

function contentWithFountains(count = EXTRA): string {
  const dir = copyFixture("content");
  fs.mkdirSync(path.join(dir, "bg", "oborishte"), { recursive: true });
  for (let i = 0; i < count; i++) {
    const body = `---\ntitle: "Чешма номер ${i}"\ndate: "2025-0${1 + (i % 9)}-1${i % 10}"\n---\n\nНов водоскок ${i} в градинката.\n`;
    fs.writeFileSync(path.join(dir, "bg", "oborishte", `f-${String(i).padStart(3, "0")}.md`), body);
  }
  return dir;
}

async function open(contentDir: string, dataDir: string, fillChunk?: number) {
  const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: dataDir, LOG_LEVEL: "silent", SEARCH_RATE_LIMIT: "0" });
  const logs: string[] = [];
  // A threshold below the fixture's size: the fast path of a large build, on a small one.
  const index = await ContentIndex.open(config, {
    parseMany: parseInThread(config),
    clock: () => NOW,
    searchLaterFrom: 10,
    fillChunk,
    log: (m) => logs.push(m),
    info: (m) => logs.push(m),
  });
  return { config, index, logs };
}

function total(index: ContentIndex, q: string): number {
  index.version();
  return index.search.search(buildMatch(q, "bg")!, "bg", {}, 1, 10).total;
}

const backlog = (index: ContentIndex) => index.db.prepare("SELECT count(*) FROM search_backlog").pluck().get() as number;

describe("search filled after a large fresh build", () => {
  it("serves articles at once and answers a search with every match once filled", async () => {
    const { config, index, logs } = await open(contentWithFountains(), tempDir("data"));
    try {
      expect(backlog(index)).toBeGreaterThan(EXTRA); // nothing was analysed for search yet
      const app = await createApp({ config, index, logger: pino({ level: "silent" }) });
      const article = await request(app.app).get("/bg/novini/cheshma-nomer-7/");
      expect(article.status).toBe(200);
      // Readiness is about serving pages; operators see how much search has left to index.
      const ready = await request(app.app).get("/readyz");
      expect(ready.status).toBe(200);
      expect(ready.body.searchPending).toBeTypeOf("number");
      const search = await request(app.app).get(`/bg/tarsene/?q=${encodeURIComponent("водоскок")}`);
      expect(search.status).toBe(200);
      expect(search.text).toContain(`Намерени са ${EXTRA} новини`);
      expect(backlog(index)).toBe(0);
      expect((await request(app.app).get("/readyz")).body.searchPending).toBe(0);
      await expect.poll(() => logs.join("\n")).toMatch(/search index filled on a worker thread/);
    } finally {
      index.close();
    }
  });

  it("finds an article edited while filling by its new words, and only once", async () => {
    const contentDir = contentWithFountains();
    const { index } = await open(contentDir, tempDir("data"));
    try {
      expect(backlog(index)).toBeGreaterThan(EXTRA); // the edit lands before the filling
      const file = path.join(contentDir, "bg/oborishte/f-005.md");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Нов водоскок", "Нова светулка"));
      await index.sync(undefined, { paths: ["bg/oborishte/f-005.md"] });
      expect(await index.searchReady(10_000)).toBe(true);
      expect(total(index, "светулка")).toBe(1);
      expect(total(index, "водоскок")).toBe(EXTRA - 1);
    } finally {
      index.close();
    }
  });

  it("lets an edit in while it fills, instead of keeping the write lock to itself", async () => {
    const contentDir = contentWithFountains(400);
    // Several transactions, each taken the moment the one before commits: SQLite's busy
    // wait alone would hardly ever find the lock free in between.
    const { index } = await open(contentDir, tempDir("data"), 15);
    try {
      const queued = backlog(index);
      await expect.poll(() => backlog(index), { timeout: 20_000, interval: 5 }).toBeLessThan(queued);
      const file = path.join(contentDir, "bg/oborishte/f-042.md");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Нов водоскок", "Нова светулка"));
      await index.sync(undefined, { paths: ["bg/oborishte/f-042.md"] });
      // The edit got the lock between two transactions: the filling had not finished.
      expect(backlog(index)).toBeGreaterThan(0);
      expect(await index.searchReady(20_000)).toBe(true);
      expect(total(index, "светулка")).toBe(1);
    } finally {
      index.close();
    }
  });

  it("goes on filling after a restart that interrupted it", async () => {
    const contentDir = contentWithFountains();
    const dataDir = tempDir("data");
    const first = await open(contentDir, dataDir);
    const left = backlog(first.index);
    first.index.close(); // before the first chunk: filling starts on the next turn
    expect(left).toBeGreaterThan(0);
    const again = await open(contentDir, dataDir);
    try {
      expect(await again.index.searchReady(10_000)).toBe(true);
      expect(total(again.index, "водоскок")).toBe(EXTRA);
    } finally {
      again.index.close();
    }
  });

  it("does not keep searches waiting for a queued article that no longer exists", async () => {
    const { index } = await open(contentWithFountains(), tempDir("data"));
    try {
      index.db.prepare("INSERT INTO search_backlog (id) VALUES (987654)").run();
      expect(await index.searchReady(10_000)).toBe(true);
      expect(total(index, "водоскок")).toBe(EXTRA);
    } finally {
      index.close();
    }
  });

  it("indexes a small site for search before it serves", async () => {
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: copyFixture("content"), DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    const index = await ContentIndex.open(config, { parseMany: parseInThread(config), clock: () => NOW });
    try {
      expect(backlog(index)).toBe(0);
      expect(await index.searchReady(0)).toBe(true);
    } finally {
      index.close();
    }
  });
});
