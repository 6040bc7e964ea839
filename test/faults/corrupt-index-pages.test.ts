// Regression (issue 19, item 12): 29 random 4 KB pages overwritten in the middle of the
// index file after a clean shutdown made every start fail with SQLITE_CORRUPT. A damaged
// index found at start, or by a query while serving, is now rebuilt from the content
// into a new file (logged once); while serving, the request that met the damage gets a
// 503 and the rest keeps being served.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { middlePages, overwritePages } from "../helpers/corrupt.js";
import { copyFixture, NOW, tempDir } from "../helpers/app.js";

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function indexFile(dataDir: string): string {
  return path.join(dataDir, fs.readFileSync(path.join(dataDir, "CURRENT"), "utf8").trim());
}

/** Builds an index, stops cleanly, and returns its config and the addresses of every published article. */
async function built(): Promise<{ config: Config; urls: string[] }> {
  const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: copyFixture("content"), DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
  const index = await ContentIndex.open(config, { clock: () => NOW });
  const urls = [...index.articles.published(NOW)].map((a) => `/${a.lang}/${a.lang === "bg" ? "novini" : "aktualnosci"}/${a.slug}/`);
  index.close();
  expect(urls.length).toBeGreaterThan(10);
  return { config, urls };
}

async function serve(config: Config, log: string[]) {
  const index = await ContentIndex.open(config, { clock: () => NOW, log: (m) => log.push(m) });
  open.push(index);
  const { app } = await createApp({ config, index, logger: pino({ level: "silent" }) });
  return { index, app };
}

/** Every address answers 200 in the end; meanwhile only 503 (being rebuilt) is acceptable. */
async function expectAllServed(app: Parameters<typeof request>[0], urls: readonly string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (const url of urls) {
    for (;;) {
      const res = await request(app).get(url);
      if (res.status === 200) break;
      expect(res.status, url).toBe(503);
      expect(Date.now(), `${url} still 503`).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const damageLines = (log: string[]) => log.filter((m) => /rebuilding the index/.test(m));

describe("damaged pages in the index file", () => {
  it("29 random pages overwritten after a clean shutdown: the start rebuilds, every article is served", async () => {
    const { config, urls } = await built();
    const file = indexFile(config.dataDir);
    // The schema's own pages are left alone, as they are in a large index (a handful of
    // its thousands): damage there was always caught by the checks at open.
    const db = new Database(file, { readonly: true });
    const schema = new Set(db.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'").pluck().all() as number[]);
    db.close();
    overwritePages(file, middlePages(file, 29, 19, schema), 19);
    const log: string[] = [];
    const { app } = await serve(config, log);
    await expectAllServed(app, urls);
    expect(damageLines(log)).toHaveLength(1);
    expect(indexFile(config.dataDir)).not.toBe(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("damage a query meets while serving: that request gets 503, a rebuild runs once, then all is served", async () => {
    const { config, urls } = await built();
    const file = indexFile(config.dataDir);
    // Pages no start reads (the listings, the Polish search table): only a request finds them.
    const db = new Database(file, { readonly: true });
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name IN ('listing', 'search_pl_data')").pluck().all() as number[];
    db.close();
    overwritePages(file, pages, 7);
    const log: string[] = [];
    const { index, app } = await serve(config, log);
    expect(damageLines(log)).toHaveLength(0);

    const first = await request(app).get("/pl/aktualnosci/");
    expect(first.status).toBe(503);
    expect(first.headers["retry-after"]).toBeDefined();
    // Other requests meanwhile: served where they can be, 503 where they meet the damage.
    for (const url of ["/pl/szukaj/?q=kino", "/bg/novini/", ...urls.slice(0, 3)]) expect([200, 503]).toContain((await request(app).get(url)).status);
    await expectAllServed(app, ["/pl/aktualnosci/", "/bg/novini/", ...urls]);
    const search = await request(app).get("/pl/szukaj/?q=kino");
    expect(search.status).toBe(200);
    expect(search.text).toContain("/pl/aktualnosci/letnie-kino-w-parku-polnocnym");
    expect(damageLines(log)).toHaveLength(1);
    expect(index.status().rebuilding).toBe(false);
    expect(indexFile(config.dataDir)).not.toBe(file);
  });
});
