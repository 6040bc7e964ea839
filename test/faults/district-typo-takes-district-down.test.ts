// Regression (issue 19, item 9; the fixture's sopot.yml has the key on line 4): `municipalty:` for `municipality:` in districts/sopot.yml
// took the Sopot page and both its articles off the site, and `npm run check` blamed a
// missing district file that exists. The district now keeps its last valid version, the
// message names the real cause, and no article is blamed for it.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

const TYPO = 'districts/sopot.yml:4: municipalty: unknown field — did you mean "municipality"?';
const open: TestPortal[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function misspell(contentDir: string): void {
  const file = path.join(contentDir, "districts/sopot.yml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("municipality:", "municipalty:"));
}

describe("a district file with a typo", () => {
  it("keeps the district page and its articles served, and names the real cause", async () => {
    const p = await createTestPortal();
    open.push(p);
    const articles = p.index.db.prepare("SELECT slug FROM articles WHERE district = 'sopot' AND lang = 'pl'").pluck().all() as string[];
    expect(articles).toHaveLength(2);
    misspell(p.contentDir);
    await p.index.sync();
    expect((await request(p.app).get("/pl/dzielnice/sopot/")).status).toBe(200);
    for (const slug of articles) expect((await request(p.app).get(`/pl/aktualnosci/${slug}/`)).status).toBe(200);
    const texts = p.index.issues().map(formatIssue);
    expect(texts).toContain(TYPO);
    expect(texts.some((t) => t.startsWith("districts/sopot.yml:1: file: warning: held back: serving the version of "))).toBe(true);
    expect(texts.join("\n")).not.toContain('there is no district "sopot"');
    expect(p.index.status().heldBack).toBe(1);
  });

  it("npm run check reports the typo, not a missing district", () => {
    const contentDir = copyFixture("content");
    misspell(contentDir);
    const texts = checkContent(loadConfig({ CONTENT_DIR: contentDir })).issues.map(formatIssue);
    expect(texts).toContain(TYPO);
    expect(texts.join("\n")).not.toContain("there is no district");
    // One mistake, one message: not also "municipality: is required".
    expect(texts.filter((t) => t.startsWith("districts/sopot.yml:"))).toEqual([TYPO]);
  });

  it("a district file that was never valid: its articles are not published, and are told why", async () => {
    const p = await createTestPortal();
    open.push(p);
    fs.writeFileSync(path.join(p.contentDir, "districts/oliwa.yml"), "name:\n  pl: Oliwa\nmunicipalty:\n  pl: Gdańsk\n");
    fs.mkdirSync(path.join(p.contentDir, "pl/oliwa"));
    fs.writeFileSync(path.join(p.contentDir, "pl/oliwa/2026-11-20-park.md"), '---\ntitle: "Park Oliwski"\ndate: 2026-11-20\n---\nTekst.\n');
    await p.index.sync();
    expect((await request(p.app).get("/pl/dzielnice/oliwa/")).status).toBe(404);
    const texts = p.index.issues().map(formatIssue);
    expect(texts).toContain('pl/oliwa/2026-11-20-park.md:1: district: district "oliwa" is not published: districts/oliwa.yml has errors — fix that file');
    expect(texts.join("\n")).not.toContain("create districts/oliwa.yml");
  });
});
