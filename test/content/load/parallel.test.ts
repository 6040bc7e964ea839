// Parsing on worker threads must give exactly what parsing in the main thread gives,
// in the same order, and an index built that way must serve the same articles.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { scanContent } from "../../../src/content/scan.js";
import { ContentIndex } from "../../../src/index/index.js";
import { PARALLEL_THRESHOLD, parallelParser, parseInWorkers } from "../../../src/content/load/parallel.js";
import { workerUrl } from "../../../src/content/load/threads.js";
import { parseFile, parseInThread } from "../../../src/content/load/parse-file.js";
import type { Parsed } from "../../../src/content/load/types.js";
import { copyFixture, tempDir } from "../../helpers/app.js";

/** The fixture content plus enough generated articles to cross the worker threshold. */
function bigContent(extra: number): string {
  const dir = copyFixture("content");
  fs.mkdirSync(path.join(dir, "bg", "oborishte"), { recursive: true });
  for (let i = 0; i < extra; i++) {
    const body = `---\ntitle: "Новина номер ${i} за ремонт"\ndate: "2025-0${1 + (i % 9)}-1${i % 10}"\ntags: [ремонт]\n---\n\nТекст ${i} за **ремонта**.\n\n## Срокове\n\n- първо\n- второ\n`;
    fs.writeFileSync(path.join(dir, "bg", "oborishte", `n-${String(i).padStart(4, "0")}.md`), body);
  }
  return dir;
}

const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" };

describe("parallel parsing", () => {
  it("finds the worker beside the module, with the module's own extension", () => {
    expect(workerUrl("parse-worker", "file:///app/dist/src/content/load/parallel.js").href).toBe("file:///app/dist/src/content/load/parse-worker.js");
    expect(workerUrl("parse-worker", "file:///app/src/content/load/parallel.ts").href).toBe("file:///app/src/content/load/parse-worker.ts");
    expect(workerUrl("search-worker", "file:///app/dist/bundle/server.mjs").href).toBe("file:///app/dist/bundle/search-worker.mjs");
  });

  it("gives the same results, in the same order, as parsing in the main thread", async () => {
    const contentDir = bigContent(300);
    const files = scanContent(contentDir).files;
    const config = { contentDir, timeZones };
    const inThread = files.map((f) => parseFile(f, config));
    const progress: [number, number][] = [];
    const inWorkers: Parsed[] = [];
    await parseInWorkers(files, config, 2, (batch) => inWorkers.push(...batch), (done, total) => progress.push([done, total]));
    expect(inWorkers.map((p) => p.file.rel)).toEqual(files.map((f) => f.rel));
    expect(inWorkers).toEqual(inThread);
    // Progress only grows and ends at the total (the terminal's progress bar reaches 100%).
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((x, y) => x - y));
    expect(progress.at(-1)).toEqual([files.length, files.length]);
    // The fixture pictures come through too (sizes are read inside the worker).
    expect(inWorkers.some((p) => (p.article?.media.length ?? 0) > 0)).toBe(true);
  }, 30_000);

  it("starts its workers from the walk's count, and they leave bodies for later as asked", async () => {
    const contentDir = bigContent(300);
    const files = scanContent(contentDir).files;
    const config = { contentDir, timeZones };
    const parse = parallelParser(config, { threads: 2, threshold: 100 });
    parse.warm?.(files.length);
    const inWorkers: Parsed[] = [];
    await parse(files, (batch) => inWorkers.push(...batch), { bodyLater: true });
    const inThread = files.map((f) => parseFile(f, { ...config, bodyLater: true }));
    expect(inWorkers).toEqual(inThread);
    // The flag came with the jobs: picture-less bodies wait, the others were rendered.
    expect(inWorkers.filter((p) => p.article?.bodyLater !== undefined).length).toBeGreaterThan(300);
    expect(inWorkers.some((p) => p.article && p.article.bodyLater === undefined && p.article.html !== "")).toBe(true);
  }, 30_000);

  it("parses a few files in this thread even when workers were warmed for many", async () => {
    const contentDir = copyFixture("content");
    const files = scanContent(contentDir).files;
    const parse = parallelParser({ contentDir, timeZones }, { threads: 2, threshold: 100 });
    parse.warm?.(5000);
    const batches: Parsed[][] = [];
    await parse(files.slice(0, 3), (batch) => batches.push(batch));
    expect(batches.flat().map((p) => p.file.rel)).toEqual(files.slice(0, 3).map((f) => f.rel));
  });

  it("tells the parser of a fresh build how many Markdown files the walk found, and no one else", async () => {
    const contentDir = copyFixture("content");
    const all = fs.readdirSync(contentDir, { recursive: true, encoding: "utf8" });
    const markdown = all.filter((f) => f.endsWith(".md") && !f.split(path.sep).some((p) => p.startsWith(".")));
    expect(all.some((f) => /\.(jpe?g|png|webp)$/.test(f))).toBe(true); // pictures are there, and not counted
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    const counts: number[] = [];
    const parseMany = Object.assign(parseInThread(config), { warm: (n: number) => counts.push(n) });
    (await ContentIndex.open(config, { parseMany })).close();
    expect(counts).toEqual([markdown.length]);
    // A restart on the same index parses nothing new: no workers are warmed.
    (await ContentIndex.open(config, { parseMany })).close();
    expect(counts).toEqual([markdown.length]);
  });

  it("parses a few files in the current thread without starting workers", async () => {
    const contentDir = copyFixture("content");
    const files = scanContent(contentDir).files;
    const parse = parallelParser({ contentDir, timeZones }, { threads: 2 });
    const batches: Parsed[][] = [];
    await parse(files.slice(0, 3), (batch) => batches.push(batch));
    expect(batches.flat().map((p) => p.file.rel)).toEqual(files.slice(0, 3).map((f) => f.rel));
  });

  it("builds an index whose pages match the in-thread build", async () => {
    const contentDir = bigContent(PARALLEL_THRESHOLD + 20);
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    const logs: string[] = [];
    const viaWorkers = await ContentIndex.open(config, { log: (m) => logs.push(m) });
    const inThread = await ContentIndex.open({ ...config, dataDir: tempDir("data") }, { parseMany: parseInThread(config) });
    try {
      expect(logs).toEqual([]); // no fallback to the main thread
      expect(viaWorkers.status().articles).toBeGreaterThan(PARALLEL_THRESHOLD);
      expect(viaWorkers.status().articles).toBe(inThread.status().articles);
      expect(viaWorkers.version()).toBe(inThread.version());
      expect(viaWorkers.articles.page("bg", 3, 20)).toEqual(inThread.articles.page("bg", 3, 20));
    } finally {
      viaWorkers.close();
      inThread.close();
    }
  }, 30_000);
});
