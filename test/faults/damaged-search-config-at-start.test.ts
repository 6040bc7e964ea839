// Regression: a damaged page of a full-text table's config (search_<lang>_config) made
// every start fail with "vtable constructor failed" (SQLITE_CORRUPT): the queries were
// prepared in ContentIndex's constructor, outside the code in open() that rebuilds a
// damaged index. Found when a new index moved the pages the corrupt-index-pages test hits.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { overwritePages } from "../helpers/corrupt.js";
import { copyFixture, NOW, tempDir } from "../helpers/app.js";

const open: ContentIndex[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

it("a damaged full-text config page at start: the index is rebuilt and every article served", async () => {
  const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: copyFixture("content"), DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
  const first = await ContentIndex.open(config, { clock: () => NOW });
  const count = [...first.articles.published(NOW)].length;
  first.close();
  const file = path.join(config.dataDir, fs.readFileSync(path.join(config.dataDir, "CURRENT"), "utf8").trim());
  const db = new Database(file, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'search_pl_config'").pluck().all() as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(0);
  overwritePages(file, pages, 7);

  const log: string[] = [];
  const index = await ContentIndex.open(config, { clock: () => NOW, log: (m) => log.push(m) });
  open.push(index);
  expect(log.filter((m) => /rebuilding the index: the index file is damaged/.test(m))).toHaveLength(1);
  expect([...index.articles.published(NOW)]).toHaveLength(count);
});
