// Issue 19, item 7 at its depth: whatever a parser throws on one file (not only the
// URIError that was found) becomes a problem of that file, with its name, a line and a
// field, and the build goes on with every other file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type * as Article from "../../src/content/article.js";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { copyFixture, tempDir } from "../helpers/app.js";

const POISON = "bg/sredets/2026-11-20-otrova.md";

// A parser that throws on one file, as a library might on input nobody foresaw.
vi.mock("../../src/content/article.js", async (original) => {
  const real = await original<typeof Article>();
  return {
    ...real,
    parseArticle: (...args: Parameters<typeof real.parseArticle>) => {
      if (args[0] === POISON) throw new RangeError("Maximum call stack size exceeded");
      return real.parseArticle(...args);
    },
  };
});

describe("a parser that throws on one file", () => {
  it("keeps only that file off the site and names it", async () => {
    const contentDir = copyFixture("content");
    fs.writeFileSync(path.join(contentDir, POISON), "---\ntitle: Отрова\ndate: 2026-11-20\n---\nТекст.\n");
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    const index = await ContentIndex.open(config);
    try {
      const problems = index.issues().filter((i) => i.file === POISON);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 1, field: "file", severity: "error" });
      expect(problems[0]!.message).toContain("RangeError: Maximum call stack size exceeded");
      expect(index.status().articles).toBeGreaterThan(10);
      expect(index.status().lastError).toBeNull();
    } finally {
      index.close();
    }
  });
});
