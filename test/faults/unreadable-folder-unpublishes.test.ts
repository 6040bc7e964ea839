// Regression (issue 19, items 7 and 9, a folder's permissions): the scan skipped a folder
// it could not read (chmod 000, or EMFILE under load), so every article in it vanished from
// the site with no message anywhere; a folder readable but not searchable (chmod 644)
// failed the stat of its files and with it every later sync ("EACCES … stat"), holding back
// all other editors' changes. Now such a folder is named as a problem, what the site had
// from it stays published, and every other change goes through. The tests run as root,
// where permissions do not bite, so the file system's refusal is injected.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

/** An article's own folder (a bundle with its pictures). */
const FOLDER = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite";
const BUNDLED = `${FOLDER}/index.md`;
const ARTICLE = "bg/sredets/2025-06-20-letni-vecheri-v-gradskata-gradina.md";
const OTHER = "pl/sopot/2025-07-11-letnie-kino-w-parku-polnocnym.md";

const open: TestPortal[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (open.length) open.pop()!.close();
});

const denied = (syscall: string, p: string) => Object.assign(new Error(`EACCES: permission denied, ${syscall} '${p}'`), { code: "EACCES", syscall, path: p });

function urlOf(p: TestPortal, file: string): string {
  const row = p.index.db.prepare("SELECT lang, slug FROM articles WHERE file = ?").get(file) as { lang: string; slug: string } | undefined;
  if (!row) throw new Error(`no article row for ${file}`);
  return row.lang === "bg" ? `/bg/novini/${row.slug}/` : `/pl/aktualnosci/${row.slug}/`;
}

/** Another editor's change, seen by the next sync. */
function editOther(p: TestPortal): string {
  const abs = path.join(p.contentDir, OTHER);
  fs.writeFileSync(abs, fs.readFileSync(abs, "utf8").replace(/^title: .*$/m, 'title: "Kino pod chmurką – nowy tytuł"'));
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(abs, later, later);
  return "Kino pod chmurką – nowy tytuł";
}

describe("unreadable-folder-unpublishes", () => {
  it("keeps the articles of a folder that cannot be listed (chmod 000) and names the folder", async () => {
    const p = await createTestPortal();
    open.push(p);
    const url = urlOf(p, BUNDLED);
    expect((await request(p.app).get(url)).status).toBe(200);
    const abs = path.join(p.contentDir, FOLDER);
    const readdir = fs.readdirSync;
    vi.spyOn(fs, "readdirSync").mockImplementation(((dir: fs.PathLike, options?: unknown) => {
      if (path.resolve(String(dir)) === abs) throw denied("scandir", abs);
      return (readdir as (d: fs.PathLike, o?: unknown) => unknown)(dir, options);
    }) as typeof fs.readdirSync);
    const title = editOther(p);
    const report = await p.index.sync();
    expect(report.removed).toBe(0);
    expect((await request(p.app).get(url)).status).toBe(200);
    expect((await request(p.app).get("/bg/rayoni/sredets/")).text).toContain(url);
    expect((await request(p.app).get(urlOf(p, OTHER))).text).toContain(title);
    const lines = report.issues.map(formatIssue);
    expect(lines.some((l) => l.startsWith(`${FOLDER}:1: file: cannot be read (EACCES)`))).toBe(true);
    expect(lines.join("\n")).not.toContain(p.contentDir);
    expect((await checkContent(p.config)).issues.map(formatIssue).some((l) => l.startsWith(`${FOLDER}:1: file: cannot be read (EACCES)`))).toBe(true);
  });

  it("goes on syncing every other file when a folder's files cannot be stat'ed (chmod 644)", async () => {
    const p = await createTestPortal();
    open.push(p);
    const url = urlOf(p, ARTICLE);
    expect((await request(p.app).get(url)).status).toBe(200);
    const abs = path.join(p.contentDir, ARTICLE);
    const stat = fs.statSync;
    vi.spyOn(fs, "statSync").mockImplementation(((file: fs.PathLike, options?: unknown) => {
      if (path.resolve(String(file)) === abs) throw denied("stat", abs);
      return (stat as (f: fs.PathLike, o?: unknown) => unknown)(file, options);
    }) as typeof fs.statSync);
    const title = editOther(p);
    const report = await p.index.sync();
    expect(report.removed).toBe(0);
    expect((await request(p.app).get(urlOf(p, OTHER))).text).toContain(title);
    expect((await request(p.app).get(url)).status).toBe(200);
    expect(report.issues.map(formatIssue).some((l) => l.startsWith(`${ARTICLE}:1: file: cannot be read (EACCES)`))).toBe(true);
  });
});
