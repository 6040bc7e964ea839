// In a real browser (issue 22): the language switcher on every page type leads to a page
// of the same kind in the other language (never silently the home page), with a note
// where it had to fall back; pictures in the article body load a variant sized for a
// phone; the search page has one search field and its first result above the fold on a
// 375 px phone.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { slugify } from "../../src/content/slug.js";
import { urls } from "../../src/site/urls.js";
import { SCREENSHOTS, startHarness } from "./harness.js";

const h = await startHarness();
afterAll(() => h.close());
fs.mkdirSync(SCREENSHOTS, { recursive: true });

async function open(width: number, height: number, url: string) {
  const context = await h.browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const res = await page.goto(h.base + url, { waitUntil: "load" });
  return { context, page, status: res?.status() };
}

const other = (l: string) => (l === "bg" ? "pl" : "bg");
const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

describe.each(h.pages)("switching language from $locale $name ($url)", ({ locale, name, url, status }) => {
  it("leads to the same kind of page in the other language, or says why not", async () => {
    const { context, page, status: got } = await open(1280, 800, url);
    expect(got).toBe(status);
    const to = other(locale);
    await Promise.all([page.waitForNavigation(), page.click(`.lang-switch a[hreflang="${to}"]`)]);
    const landed = pathOf(page);
    expect(landed.startsWith(`/${to}/`), landed).toBe(true);
    const res = await page.evaluate("document.title");
    expect(String(res)).not.toMatch(/404|Не е намерена|Nie znaleziono/);
    const note = await page.locator(".switch-note").count();
    if (name === "home") expect(landed).toBe(urls.home(to));
    else if (name === "not-found") {
      // Nothing to translate: the other home, saying so — never silently.
      expect(landed).toBe(`${urls.home(to)}?untranslated=page`);
      expect(note).toBe(1);
    } else {
      // Anything but the home page; a fallback carries the note.
      expect(landed, `${url} → home`).not.toBe(urls.home(to));
      expect(note).toBe(landed.includes("untranslated=") ? 1 : 0);
    }
    if (name.startsWith("search")) expect(new URL(page.url()).searchParams.get("q")).toBe(new URL(h.base + url).searchParams.get("q"));
    if (note) expect(await page.locator(".switch-note").isVisible()).toBe(true);
    await context.close();
  });
});

describe("the note after a fallback", () => {
  it("an untranslated article leads to its district with a visible note in the other language", async () => {
    const { context, page } = await open(375, 800, "/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/");
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch a[hreflang="pl"]')]);
    expect(pathOf(page)).toBe("/pl/dzielnice/sredets/?untranslated=article");
    expect(await page.locator(".switch-note").innerText()).toContain("Ten artykuł nie ma wersji polskiej");
    await page.screenshot({ path: path.join(SCREENSHOTS, "pl-switch-note-375.png") });
    await context.close();
  });
});

describe("pictures in the article body", () => {
  const url = urls.article("pl", slugify("Remont torowiska na al. Hallera – tramwaje do Brzeźna zastąpią autobusy", "pl"));

  it("load a small modern variant on a phone, with width and height set", async () => {
    const { context, page, status } = await open(375, 700, url);
    expect(status).toBe(200);
    const img = page.locator(".prose picture img").first();
    await img.scrollIntoViewIfNeeded();
    // decode() resolves once the lazy picture has loaded (waitForFunction would need eval, which the CSP forbids).
    await page.evaluate(`document.querySelector(".prose picture img").decode()`);
    const seen = (await page.evaluate(
      `(() => { const i = document.querySelector(".prose picture img"); return { src: i.currentSrc, natural: i.naturalWidth, w: i.getAttribute("width"), h: i.getAttribute("height"), loading: i.loading, srcset: i.srcset }; })()`,
    )) as Record<string, string | number>;
    expect(seen.src).toMatch(/\/media-v\/(320|640)\/avif\//);
    expect(Number(seen.natural)).toBeLessThanOrEqual(640);
    expect(seen.srcset).toMatch(/ 320w/);
    expect(Number(seen.w)).toBeGreaterThan(0);
    expect(Number(seen.h)).toBeGreaterThan(0);
    expect(seen.loading).toBe("lazy");
    await context.close();
  });
});

describe("the search page", () => {
  it.each(["bg", "pl"] as const)("%s: one visible search field, labelled, and the first result above the fold at 375 px", async (locale) => {
    const q = locale === "bg" ? "обучение" : "szkolenie";
    const { context, page } = await open(375, 667, `${urls.search(locale)}?q=${encodeURIComponent(q)}`);
    const fields = page.locator('input[type="search"]');
    const visible: boolean[] = [];
    for (let i = 0; i < (await fields.count()); i++) visible.push(await fields.nth(i).isVisible());
    expect(visible.filter(Boolean)).toHaveLength(1);
    const field = fields.nth(visible.indexOf(true));
    const id = await field.getAttribute("id");
    const label = await page.locator(`label[for="${id}"]`).innerText();
    expect(String(label).length).toBeGreaterThan(3);
    const first = page.locator(".search-results li").first();
    const box = await first.locator(".card-title").boundingBox();
    // The first result's title is wholly inside a 375×667 screen without scrolling.
    expect(box, "no result").not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(667);
    console.info(`search ${locale} at 375×667: first result title ends at ${Math.round(box!.y + box!.height)} px`);
    await context.close();
  });
});
