// Fault (issue 22): `npm run dev` printed pino's raw JSON lines to the editor's terminal,
// and a content problem that appeared while editing was only counted ("problems": 1),
// never said. Must hold: in development the lines are readable (level, message, no JSON
// braces), and each new content problem is printed in full, in the usual
// `file:line: field: message` shape, when it appears.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProcessLog, devLineFormat } from "../../src/server/log.js";
import { followContent } from "../../src/server/follow.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

describe("the development log", () => {
  it("writes readable lines instead of JSON", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-devlog-")), "out.log");
    const fd = fs.openSync(file, "w");
    const log = createProcessLog({ level: "info", fd, format: await devLineFormat() });
    log.logger.warn({ file: "bg/sredets/a.md" }, 'bg/sredets/a.md:3: date: "2026-02-30" is not a real date — use YYYY-MM-DD');
    await log.drained(2_000);
    fs.closeSync(fd);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toMatch(/WARN/);
    expect(text).toContain('bg/sredets/a.md:3: date: "2026-02-30" is not a real date — use YYYY-MM-DD');
    expect(text.trimStart().startsWith("{")).toBe(false);
    expect(() => JSON.parse(text.split("\n")[0]!)).toThrow();
  });
});

describe("content problems while editing", () => {
  let portal: TestPortal;
  const said: string[] = [];
  let watcher: { close(): void } | null = null;
  beforeAll(async () => {
    portal = await createTestPortal();
    const logger = pino({ level: "info" }, { write: (line: string) => void said.push(String((JSON.parse(line) as { msg: string }).msg)) });
    watcher = followContent(portal.index, { contentDir: portal.contentDir, watch: true }, logger);
  });
  afterAll(() => {
    watcher?.close();
    portal.close();
  });

  it("prints each new problem in full when it appears", async () => {
    // Give the watcher a moment to start, then break a file.
    await new Promise((r) => setTimeout(r, 300));
    fs.writeFileSync(path.join(portal.contentDir, "bg/sredets/2026-11-20-bad.md"), '---\ntitle: "Лоша"\ndate: "2026-02-30"\n---\n\nТекст.\n');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !said.some((m) => m.startsWith("bg/sredets/2026-11-20-bad.md:"))) await new Promise((r) => setTimeout(r, 100));
    expect(said).toContain('bg/sredets/2026-11-20-bad.md:3: date: "2026-02-30" is not a real date — use YYYY-MM-DD');
  });
});
