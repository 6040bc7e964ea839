// Regression (issue 19, item 7, a district file): YAML files had no size limit, and the
// YAML parser's duplicate-key check grows with the square of the keys: a 189 KB file
// with 20,000 keys took 10 s to parse, and a 16 MB one (a data export saved into
// districts/ by mistake) held the built server's start for over a minute at 1.5 GB. The
// accessibility statement, read while serving, had the same exposure. Such a file is now
// refused at once with an editor message, and every other file is published.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/content/issues.js";
import { parseStatement } from "../../src/content/accessibility.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

const open: TestPortal[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const KEYS = 8_000; // 78 KB
const huge = "name:\n  bg: Огромен\n  pl: Ogromny\n" + Array.from({ length: KEYS }, (_, i) => `k${i}: v\n`).join("");

describe("huge-yaml-file", () => {
  it("refuses a district file far larger than any district needs, at once, and publishes the rest", async () => {
    const contentDir = copyFixture("content");
    fs.writeFileSync(path.join(contentDir, "districts/export.yml"), huge);
    const started = performance.now();
    const p = await createTestPortal({ contentDir });
    open.push(p);
    const ms = performance.now() - started;
    const lines = (await p.index.sync()).issues.map(formatIssue);
    expect(lines).toContain("districts/export.yml:1: file: is larger than 32 KB — this file holds a few paragraphs; remove what does not belong here");
    expect((await request(p.app).get("/pl/dzielnice/sopot/")).status).toBe(200);
    expect(ms).toBeLessThan(8_000);
  });

  it("refuses an accessibility statement of that size without parsing it", () => {
    const started = performance.now();
    const result = parseStatement("accessibility/bg.yml", huge);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.statement).toBeNull();
    expect(result.issues.map(formatIssue)).toEqual([
      "accessibility/bg.yml:1: file: is larger than 32 KB — this file holds a few paragraphs; remove what does not belong here",
    ]);
  });
});
