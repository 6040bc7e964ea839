// Change history (front matter `changes:`): the article shows "Updated … (see all
// updates)" and lists the notes at its end; the newest note's date is `updated` in
// JSON-LD, the sitemap, Atom, JSON Feed and the API; editors get messages like for
// every field, and `npm run check` warns when `updated` moves past the newest note.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { parseXml, readHead } from "./seo-helpers.js";

const ARTICLE = `---
title: "Среща за градинката на ул. Мала планина"
date: "2026-11-01"
summary: "Жителите са поканени на среща за обновяването на градинката."
tags: [паркове]
changes:
  - date: "2026-11-03"
    note: "Променен е часът на срещата"
  - date: "2026-11-05"
    note: "Добавено е мястото на срещата"
---

Срещата ще се проведе в читалището.
`;

const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;
let portal: TestPortal;
let contentDir: string;

beforeAll(async () => {
  contentDir = copyFixture("content");
  fs.writeFileSync(path.join(contentDir, "bg/lozenets/2026-11-01-sreshta-za-gradinkata.md"), ARTICLE);
  portal = await createTestPortal({ contentDir });
});
afterAll(() => portal.close());

const SLUG = "sreshta-za-gradinkata-na-ul-mala-planina";
const NEWEST = "2026-11-05T00:00:00+02:00";

describe("change history", () => {
  it("shows Updated with a link to every update, and the notes newest first at the end", async () => {
    const res = await request(portal.app).get(`/bg/novini/${SLUG}/`).expect(200);
    expect(res.text).toMatch(
      /<dt>Обновено<\/dt><dd><time datetime="2026-11-05T00:00:00\+02:00">5 ноември 2026 г\.<\/time> \(<a href="#updates">вижте всички промени<\/a>\)/,
    );
    const section = /<section class="article-updates" id="updates"[\s\S]*?<\/section>/.exec(res.text)?.[0] ?? "";
    expect(section).toContain("Промени в новината");
    const notes = [...section.matchAll(/<li><time datetime="([^"]+)">[^<]+<\/time>: ([^<]+)<\/li>/g)].map((m) => [m[1], m[2]]);
    expect(notes).toEqual([
      [NEWEST, "Добавено е мястото на срещата"],
      ["2026-11-03T00:00:00+02:00", "Променен е часът на срещата"],
    ]);
    const ld = readHead(res.text)
      .jsonLd.flatMap((x) => (x["@graph"] as Record<string, unknown>[] | undefined) ?? [x])
      .find((x) => x["@type"] === "NewsArticle");
    expect(ld?.dateModified).toBe(NEWEST);
  });

  it("makes the newest note's date the update date in Atom, JSON Feed, the sitemap and the API", async () => {
    const atom = parseXml((await request(portal.app).get("/bg/rayoni/lozenets/atom.xml").expect(200)).text) as unknown as {
      feed: { entry: { id: string; updated: string }[] };
    };
    expect(atom.feed.entry.find((e) => e.id.includes(SLUG))?.updated).toBe(NEWEST);
    const json = JSON.parse((await request(portal.app).get("/bg/rayoni/lozenets/feed.json").expect(200)).text) as {
      items: { id: string; date_modified: string }[];
    };
    expect(json.items.find((i) => i.id.includes(SLUG))?.date_modified).toBe(NEWEST);
    const sitemap = (await request(portal.app).get("/sitemap-bg-1.xml")).text;
    expect(sitemap).toMatch(new RegExp(`${SLUG}/</loc>\\s*<lastmod>2026-11-0[45]`));
    const api = JSON.parse((await request(portal.app).get(`/api/v1/articles/bg/${SLUG}`).expect(200)).text) as {
      updated: string;
      changes: { date: string; note: string }[];
    };
    expect(api.updated).toBe(NEWEST);
    expect(api.changes.map((c) => c.note)).toEqual(["Добавено е мястото на срещата", "Променен е часът на срещата"]);
    const since = JSON.parse((await request(portal.app).get("/api/v1/articles?lang=bg&updated_since=2026-11-04").expect(200)).text) as {
      items: { slug: string }[];
    };
    expect(since.items.map((i) => i.slug)).toContain(SLUG);
  });

  it("gives editors a message with line and field for a change without a note or with a bad date", () => {
    const dir = copyFixture("content");
    fs.writeFileSync(
      path.join(dir, "bg/lozenets/2026-11-01-losho.md"),
      ARTICLE.replace('    note: "Променен е часът на срещата"\n', "").replace('"2026-11-05"', '"2026-11-31"'),
    );
    const lines = checkContent({ contentDir: dir, timeZones })
      .issues.filter((i) => i.file.endsWith("losho.md"))
      .map(formatIssue);
    expect(lines).toEqual([
      "bg/lozenets/2026-11-01-losho.md:7: changes.0.note: is required — add what changed, in a sentence",
      'bg/lozenets/2026-11-01-losho.md:8: changes.1.date: "2026-11-31" is not a real date — use YYYY-MM-DD',
    ]);
  });

  it("npm run check warns when updated is later than the newest change note", () => {
    const dir = copyFixture("content");
    fs.writeFileSync(path.join(dir, "bg/lozenets/2026-11-01-moved.md"), ARTICLE.replace('date: "2026-11-01"\n', 'date: "2026-11-01"\nupdated: "2026-11-20"\n'));
    const lines = checkContent({ contentDir: dir, timeZones })
      .issues.filter((i) => i.file.endsWith("moved.md"))
      .map(formatIssue);
    expect(lines).toEqual([
      "bg/lozenets/2026-11-01-moved.md:4: updated: warning: is later than the newest note under changes: — add a change with this date and a note saying what changed, or remove updated:",
    ]);
  });
});
