// `npm run dev` in a real browser, as an editor uses it: drafts and scheduled articles
// carry their banner, the page reloads by itself when the file is saved (in place, or
// by the write-and-rename that vim and gedit do), and a broken file puts a banner on
// every page that leads to the list of problems, which itself reloads once it is fixed.
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./harness.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchContent, type Watcher } from "../../src/content/watch.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
let server: Server;
let watcher: Watcher;
let browser: Browser;
let base: string;

beforeAll(async () => {
  portal = await createTestPortal({ env: { NODE_ENV: "development" } });
  // As src/server.ts does: a change in the content folder re-syncs the index.
  watcher = watchContent(portal.contentDir, () => void portal.index.sync().catch(() => undefined));
  server = await new Promise((resolve) => {
    const s = portal.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  watcher?.close();
  await new Promise((resolve) => server?.close(resolve));
  portal?.close();
});

function fileWhere(where: string): { file: string; url: string } {
  const row = portal.index.db.prepare(`SELECT file, lang, slug FROM articles WHERE ${where} LIMIT 1`).get() as { file: string; lang: string; slug: string };
  return { file: path.join(portal.contentDir, row.file), url: `/${row.lang}/${row.lang === "bg" ? "novini" : "aktualnosci"}/${row.slug}/` };
}

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
  });
  await page.goto(base + url, { waitUntil: "load" });
  return { page, errors };
}

/** Runs `save` and waits until the open page has reloaded by itself (a fresh window object). */
async function reloadsAfter(page: Page, save: () => void): Promise<void> {
  await page.evaluate("window.__beforeSave = true");
  // The reload script connects once the page has loaded; give it that moment.
  await page.waitForTimeout(500);
  save();
  // A function, not a string: the portal's CSP (no 'unsafe-eval') stops string predicates.
  await page.waitForFunction(() => (globalThis as Record<string, unknown>).__beforeSave === undefined, null, { timeout: 10_000 });
  await page.waitForLoadState("load");
}

/** The write-to-a-new-file-and-rename save of vim, gedit and `sed -i`. */
function saveByRename(file: string, text: string): void {
  const temp = `${file}.swp~`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

describe("npm run dev in Chromium", () => {
  it("shows the draft banner and reloads the draft on every save, in place or by rename", async () => {
    const { file, url } = fileWhere("draft = 1");
    const { page, errors } = await open(url);
    expect(await page.locator(".banner-preview").innerText()).toBe("Чернова — тази новина не е публикувана и се вижда само при преглед.");
    await reloadsAfter(page, () => fs.appendFileSync(file, "\n## Първа добавка\n"));
    expect(await page.locator("h2", { hasText: "Първа добавка" }).count()).toBe(1);
    for (const heading of ["Втора добавка", "Трета добавка"]) {
      await reloadsAfter(page, () => saveByRename(file, `${fs.readFileSync(file, "utf8")}\n## ${heading}\n`));
      expect(await page.locator("h2", { hasText: heading }).count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows when a scheduled article will appear", async () => {
    const { page } = await open(fileWhere("date > 1800000000000").url);
    expect(await page.locator(".banner-preview").innerText()).toBe("Zaplanowany — zostanie opublikowany 1 marca 2027. Widać go tylko w podglądzie.");
    await page.close();
  });

  it("leads from a problems banner to the list of problems, which updates itself when the file is fixed", async () => {
    const { file, url } = fileWhere("draft = 1");
    const good = fs.readFileSync(file, "utf8");
    const { page } = await open(url);
    expect(await page.locator(".banner-dev").count()).toBe(0);
    await reloadsAfter(page, () => fs.writeFileSync(file, good.replace(/^date: .*$/m, 'date: "2026-02-30"')));
    const banner = page.locator(".banner-dev a");
    // The error, and the notice that the site keeps serving the file's last valid version.
    expect(await banner.innerText()).toBe("Режим на разработка: в съдържанието има 2 проблема — вижте ги");
    // The list opens in the language of the page it was linked from (issue 20).
    await Promise.all([page.waitForURL(`${base}/_dev/problems/?lang=bg`), banner.click()]);
    const rel = path.relative(portal.contentDir, file).split(path.sep).join("/");
    const problems = await page.locator(".dev-problem").allInnerTexts();
    expect(problems).toHaveLength(2);
    expect(problems).toContain(`Грешка: ${rel}:3: date: „2026-02-30“ не е съществуваща дата — пишете ГГГГ-ММ-ДД`);
    expect(problems.find((p) => !p.startsWith("Грешка"))).toMatch(
      new RegExp(`Предупреждение: ${rel}:1: file: предупреждение: задържан: показва се версията от \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC`),
    );
    await reloadsAfter(page, () => fs.writeFileSync(file, good));
    expect(await page.locator("main").innerText()).toContain("Няма проблеми в съдържанието.");
    expect(await page.locator(".banner-dev").count()).toBe(0);
    await page.close();
  });
});
