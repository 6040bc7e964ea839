// Regression (issue 20, item 6): the accessibility statement bypassed the wording
// helper, so editors read zod's own English ("accessibility/bg.yml:1: updated: Invalid
// input: expected string, received undefined", "siteUrl: Invalid URL"), and its own
// "is this a real date" check (a third copy) worded an impossible day without the value.
// Every zod issue now becomes a catalogue message (src/content/zod-issues.ts), in the
// editor's language, and the one day check (content/dates.ts) words it everywhere alike.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseStatement } from "../../src/content/accessibility.js";
import { formatIssueIn } from "../../src/content/issues.js";
import { createArticle } from "../../src/content/new-article.js";
import { copyFixture } from "../helpers/app.js";

const STATEMENT = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content/accessibility/bg.yml"), "utf8");
const REL = "accessibility/bg.yml";

const broken = STATEMENT.replace(/^updated: .*\n/m, "")
  .replace(/^siteUrl: .*$/m, "siteUrl: wiadomosci.example.eu/bg/")
  .replace(/^status: .*$/m, "status: partly")
  .replace(/^published: .*$/m, "published: 2025-02-30");

describe("zod-wording-reaches-editors", () => {
  it("words a missing field, a bad address, a wrong choice and an impossible day from the catalogue", () => {
    const { statement, issues } = parseStatement(REL, broken);
    expect(statement).toBeNull();
    const lines = issues.map((i) => formatIssueIn(i, "en"));
    expect(lines).toEqual(
      expect.arrayContaining([
        "accessibility/bg.yml:1: updated: is required — add it",
        "accessibility/bg.yml:8: siteUrl: must be a web address starting with https://",
        "accessibility/bg.yml:10: status: must be one of: full, partial, non-compliant",
        'accessibility/bg.yml:9: published: "2025-02-30" is not a real date — use YYYY-MM-DD',
      ]),
    );
    expect(lines.join("\n")).not.toMatch(/Invalid|expected|received/);
  });

  it("gives the same problems in Bulgarian and Polish", () => {
    const { issues } = parseStatement(REL, broken);
    expect(issues.map((i) => formatIssueIn(i, "bg"))).toEqual(
      expect.arrayContaining([
        "accessibility/bg.yml:1: updated: липсва — добавете го",
        "accessibility/bg.yml:8: siteUrl: трябва да е уеб адрес, който започва с https://",
        "accessibility/bg.yml:9: published: „2025-02-30“ не е съществуваща дата — пишете ГГГГ-ММ-ДД",
      ]),
    );
    expect(issues.map((i) => formatIssueIn(i, "pl"))).toEqual(
      expect.arrayContaining([
        "accessibility/bg.yml:1: updated: jest wymagane — dodaj je",
        "accessibility/bg.yml:10: status: musi być jednym z: full, partial, non-compliant",
      ]),
    );
  });

  it("refuses an impossible day in `npm run new` with the same check", () => {
    const config = { contentDir: copyFixture("content"), timeZones: { bg: "Europe/Sofia", pl: "Europe/Warsaw" } };
    expect(() => createArticle(config, { lang: "bg", district: "sredets", title: "Нещо", date: "2026-02-30" })).toThrow(
      '"2026-02-30" is not a date — use YYYY-MM-DD',
    );
    expect(() => createArticle(config, { lang: "bg", district: "sredets", title: "Нещо", date: "2026-2-3" })).toThrow(
      '"2026-2-3" is not a date — use YYYY-MM-DD',
    );
  });
});
