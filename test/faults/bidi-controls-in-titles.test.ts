// Issue 19, item 15: a title with U+202E (RIGHT-TO-LEFT OVERRIDE) was kept as written, so
// it read backwards (visual spoofing) in pages, feeds and search. Direction controls in
// titles, summaries, tags and names are now left out where content is read, and
// `npm run check` warns about each field that had them.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

const RLO = "\u202E";
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const FILE = "bg/sredets/2026-11-20-posoka.md";
const ARTICLE = [
  "---",
  `title: "Ремонт на ${RLO}улица\u202C Шипка"`,
  "date: 2026-11-20",
  'summary: "Кратко \u2066резюме\u2069 за ремонта."',
  'tags: [ремонт, "\u200Fшипка"]',
  'author: "Пресцентър\u061C"',
  "---",
  "Текстът на новината.",
  "",
].join("\n");

function content(): string {
  const dir = copyFixture("content");
  fs.writeFileSync(path.join(dir, FILE), ARTICLE);
  const district = path.join(dir, "districts/sredets.yml");
  fs.writeFileSync(district, fs.readFileSync(district, "utf8").replace(/^(\s+bg:\s*)Средец\s*$/m, `$1Сре${RLO}дец`));
  return dir;
}

describe("direction controls in displayed text", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal({ contentDir: content() });
  });
  afterAll(() => portal.close());

  it("are left out of every page, feed, search result and sitemap", async () => {
    const a = portal.index.articles.bySlug("bg", "remont-na-ulitsa-shipka", Date.now());
    expect(a?.title).toBe("Ремонт на улица Шипка");
    expect(a?.summary).toBe("Кратко резюме за ремонта.");
    expect(a?.tags).toEqual(["ремонт", "шипка"]);
    for (const url of [
      "/bg/novini/remont-na-ulitsa-shipka/",
      "/bg/",
      "/bg/feed.xml",
      "/bg/atom.xml",
      "/bg/tarsene/?q=%D1%80%D0%B5%D0%BC%D0%BE%D0%BD%D1%82",
      "/sitemap-news.xml",
      "/bg/rayoni/",
      "/bg/etiketi/shipka/",
    ]) {
      const res = await request(portal.app).get(url);
      expect(res.status, url).toBe(200);
      expect(CONTROLS.test(res.text), url).toBe(false);
    }
    // The page still shows the title (JSON-LD included), only without the controls.
    const page = (await request(portal.app).get("/bg/novini/remont-na-ulitsa-shipka/")).text;
    expect(page).toContain("Ремонт на улица Шипка");
    expect(page).toContain('"headline":"Ремонт на улица Шипка"');
  });

  it("are reported by npm run check as warnings, one per field, on its line", () => {
    const { issues } = checkContent(portal.config);
    const bidi = issues.filter((i) => i.message.includes("invisible direction characters"));
    expect(bidi.map((i) => `${i.file}:${i.line}: ${i.field}: ${i.severity}`)).toEqual(
      [
        `${FILE}:2: title: warning`,
        `${FILE}:4: summary: warning`,
        `${FILE}:5: tags.1: warning`,
        `${FILE}:6: author: warning`,
        "districts/sredets.yml:2: name.bg: warning",
      ].sort((x, y) => x.localeCompare(y)),
    );
    expect(bidi[0]!.message).toMatch(/^has invisible direction characters \(U\+\w{4}(, U\+\w{4})*\) .* — they are left out on the site; delete them$/);
  });
});
