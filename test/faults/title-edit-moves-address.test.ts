// Issue 19, item 10: the address was made from the title, so correcting a typo in a
// published title moved the article and broke every link to it. `npm run new` now writes
// the slug into the file, and `npm run check` warns when an article's address is not the
// one it had in the last git commit, with the line that keeps it or the aliases line that
// moves it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { createArticle } from "../../src/content/new-article.js";
import { committedFixture, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;
const open: TestPortal[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const edit = (dir: string, rel: string, from: RegExp, to: string) => {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(from, to));
};

const TRANSPORT = "bg/sredets/2026-08-24-vremenni-promeni-v-gradskiya-transport.md";
const OLD = "/bg/novini/vremenni-promeni-v-gradskia-transport-v-tsentara-ot-1-septemvri/";

describe("an article's address", () => {
  it("stays when the title of an article made by npm run new is corrected", async () => {
    const contentDir = copyFixture("content");
    const made = createArticle({ contentDir, timeZones }, { lang: "bg", district: "sredets", title: "Нов парк в Средец", date: "2026-11-20" });
    expect(made.source).toContain("\nslug: nov-park-v-sredets\n");
    edit(contentDir, made.rel, /draft: true\n/, "");
    const portal = await createTestPortal({ contentDir });
    open.push(portal);
    expect((await request(portal.app).get("/bg/novini/nov-park-v-sredets/")).status).toBe(200);
    edit(contentDir, made.rel, /^title: .*$/m, 'title: "Новият парк в Средец"');
    await portal.index.sync();
    expect((await request(portal.app).get("/bg/novini/nov-park-v-sredets/")).status).toBe(200);
  });

  it("of a title already used is made unique by npm run new, with the date", () => {
    const contentDir = copyFixture("content");
    const first = createArticle({ contentDir, timeZones }, { lang: "pl", district: "sopot", title: "Komunikat", date: "2026-11-01" });
    const second = createArticle({ contentDir, timeZones }, { lang: "pl", district: "gdansk", title: "Komunikat", date: "2026-12-01" });
    expect([first.slug, second.slug]).toEqual(["komunikat", "komunikat-2026-12-01"]);
    expect(second.rel).toBe("pl/gdansk/2026-12-01-komunikat.md");
    expect(second.source).toContain("\nslug: komunikat-2026-12-01\n");
  });

  it("is checked against the last commit: a corrected title gives a warning with the lines to add", () => {
    const contentDir = committedFixture();
    expect(checkContent({ contentDir, timeZones }).issues.filter((i) => i.message.includes("in the last commit"))).toEqual([]);
    edit(contentDir, TRANSPORT, /^title: .*$/m, 'title: "Временни промени в транспорта"');
    const warned = checkContent({ contentDir, timeZones }).issues.filter((i) => i.message.includes("in the last commit"));
    expect(warned.map(formatIssue)).toEqual([
      `${TRANSPORT}:2: title: warning: the address was ${OLD} in the last commit and is now /bg/novini/vremenni-promeni-v-transporta/ — links to the old one will break; to keep it, add the line slug: vremenni-promeni-v-gradskia-transport-v-tsentara-ot-1-septemvri, or to move the article, add the line aliases: [${OLD}]`,
    ]);
    // Either answer ends the warning: the alias (the article moves, the old link leads to it)…
    edit(contentDir, TRANSPORT, /^title: (.*)$/m, `title: $1\naliases: [${OLD}]`);
    expect(checkContent({ contentDir, timeZones }).issues.filter((i) => i.message.includes("in the last commit"))).toEqual([]);
    // …or the slug (the article stays).
    edit(contentDir, TRANSPORT, /^aliases: .*$/m, "slug: vremenni-promeni-v-gradskia-transport-v-tsentara-ot-1-septemvri");
    expect(checkContent({ contentDir, timeZones }).issues.filter((i) => i.message.includes("in the last commit"))).toEqual([]);
  }, 30_000);

  it("is checked when deleting the first of two articles with one title would move the second", () => {
    const contentDir = copyFixture("content");
    fs.writeFileSync(path.join(contentDir, "pl/sopot/2026-10-01-komunikat.md"), "---\ntitle: Komunikat\ndate: 2026-10-01\n---\nPierwszy.\n");
    fs.writeFileSync(path.join(contentDir, "pl/sopot/2026-11-01-komunikat.md"), "---\ntitle: Komunikat\ndate: 2026-11-01\n---\nDrugi.\n");
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", contentDir, "-c", "user.name=E", "-c", "user.email=e@example.org", ...args], { stdio: "ignore" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "content");
    fs.rmSync(path.join(contentDir, "pl/sopot/2026-10-01-komunikat.md"));
    const warned = checkContent({ contentDir, timeZones }).issues.filter((i) => i.message.includes("in the last commit"));
    expect(warned.map(formatIssue)).toEqual([
      "pl/sopot/2026-11-01-komunikat.md:2: title: warning: the address was /pl/aktualnosci/komunikat-2026-11-01/ in the last commit and is now /pl/aktualnosci/komunikat/ — links to the old one will break; to keep it, add the line slug: komunikat-2026-11-01, or to move the article, add the line aliases: [/pl/aktualnosci/komunikat-2026-11-01/]",
    ]);
  }, 30_000);
});
