// Issue 22 in a real browser, on the bundled sample content (a portal that looks like a
// district administration's): the home page's structure at 375 and 1280 px, the page
// weights of a first and a repeat visit, the Bulgarian letterforms of the font, the
// feeds' browser stylesheet, and screenshots of the main page types in both languages
// at 375 and 1280 px in test-results/screenshots/front-*.png for a human look.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/config.js";
import { urls } from "../../src/site/urls.js";
import { createTestPortal, tempDir } from "../helpers/app.js";
import { launchChromium, ROOT, SCREENSHOTS } from "./harness.js";

/** Issue 22's budgets for the home page at 375 px (bytes on the wire, headers included). */
const FIRST_VISIT_BUDGET = 150 * 1024;
const REPEAT_VISIT_BUDGET = 30 * 1024;

const contentDir = tempDir("front");
fs.cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
const portal = await createTestPortal({ contentDir });
const server: Server = await new Promise((resolve) => {
  const s = portal.app.listen(0, "127.0.0.1", () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser: Browser = await launchChromium(["--disable-quic"]);
afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  portal.close();
});
fs.mkdirSync(SCREENSHOTS, { recursive: true });

async function open(width: number, url: string, context?: BrowserContext): Promise<{ context: BrowserContext; page: Page }> {
  const ctx =
    context ??
    (await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 800 }, deviceScaleFactor: width < 600 ? 2 : 1, reducedMotion: "reduce" }));
  const page = await ctx.newPage();
  await page.goto(base + url, { waitUntil: "load" });
  await page.evaluate("document.fonts.ready");
  return { context: ctx, page };
}

/** Bytes transferred (headers and encoded bodies) while loading a URL, from the DevTools protocol. */
async function transferred(context: BrowserContext, url: string): Promise<{ bytes: number; requests: string[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let bytes = 0;
  const requests: string[] = [];
  const names = new Map<string, string>();
  cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string } }) => names.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    if (e.encodedDataLength > 0) requests.push(`${e.encodedDataLength} ${names.get(e.requestId)?.replace(base, "")}`);
  });
  await page.goto(base + url, { waitUntil: "networkidle" });
  await page.evaluate("document.fonts.ready");
  await page.close();
  return { bytes, requests };
}

describe("home page structure", () => {
  it.each([375, 1280])("at %i px: name and crest, lead story with its picture first, cards, district picker; no horizontal scroll", async (width) => {
    for (const locale of LOCALES) {
      const { context, page } = await open(width, urls.home(locale));
      const logo = page.locator(".site-logo");
      expect(await logo.getAttribute("alt")).toBeTruthy();
      expect(await page.evaluate(`(() => { const img = document.querySelector(".site-logo"); return img.complete && img.naturalWidth > 0; })()`)).toBe(true);
      const lead = page.locator(".lead-story img");
      expect(
        await page.evaluate(
          `(() => { const img = document.querySelector(".lead-story img"); return img.complete && img.naturalWidth > 0 ? img.currentSrc : ""; })()`,
        ),
      ).toMatch(/\/media-v\/\d+\/avif\//);
      // The lead picture is seen without scrolling on a phone and on a desktop.
      const box = (await lead.boundingBox())!;
      expect(box.y).toBeLessThan(width < 600 ? 740 : 800);
      expect(await page.locator(".news-card").count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator(".district-picker a[data-district]").count()).toBeGreaterThanOrEqual(3);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      // From about 960 px the cards stand three in a row; on a phone, one under another.
      const tops = (await page.evaluate(
        `[...document.querySelectorAll(".news-card")].slice(0, 3).map((c) => Math.round(c.getBoundingClientRect().top))`,
      )) as number[];
      expect(new Set(tops).size).toBe(width >= 960 ? 1 : 3);
      await context.close();
    }
  });

  it("remembers the district a resident opened, in localStorage, and offers it first on the next visit", async () => {
    const { context, page } = await open(375, urls.home("bg"));
    expect(await page.locator("[data-your-district]").isHidden()).toBe(true);
    await page.locator('.district-picker a[data-district="oborishte"]').click();
    await page.waitForURL(/\/bg\/rayoni\/oborishte\/$/);
    await page.goto(base + urls.home("bg"));
    const yours = page.locator("[data-your-district]");
    expect(await yours.isVisible()).toBe(true);
    expect(await yours.locator("a").getAttribute("href")).toBe("/bg/rayoni/oborishte/");
    expect((await context.cookies()).length).toBe(0);
    await context.close();
  });
});

describe("page weight of the home page at 375 px", () => {
  it.each(LOCALES)("/%s/: first visit ≤ 150 KB, repeat visit ≤ 30 KB", async (locale) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    const first = await transferred(context, urls.home(locale));
    const repeat = await transferred(context, urls.home(locale));
    console.log(
      `/${locale}/ at 375 px (DPR 2): first visit ${first.bytes} B in ${first.requests.length} responses, repeat visit ${repeat.bytes} B\n  ${first.requests.join("\n  ")}`,
    );
    expect(first.bytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    expect(repeat.bytes).toBeLessThanOrEqual(REPEAT_VISIT_BUDGET);
    await context.close();
  });
});

describe("Bulgarian letterforms", () => {
  it("the page font draws a word differently with lang=bg and lang=ru (the Bulgarian locl forms)", async () => {
    const { context, page } = await open(1280, urls.home("bg"));
    await page.evaluate(`{
      for (const lang of ["bg", "ru"]) {
        const p = document.createElement("p");
        p.id = "word-" + lang; p.lang = lang; p.textContent = "длъжник юг";
        p.style.cssText = "font-size:64px;display:inline-block;margin:0;padding:4px;background:#fff;color:#000";
        document.querySelector("main").prepend(p);
      }
    }`);
    await page.evaluate(`document.fonts.load("64px 'Sofia Sans'", "длъжник")`);
    const family = await page.evaluate(`getComputedStyle(document.getElementById("word-bg")).fontFamily`);
    expect(family).toMatch(/^"Sofia Sans"/);
    const bg = await page.locator("#word-bg").screenshot();
    const ru = await page.locator("#word-ru").screenshot();
    expect(bg.equals(ru)).toBe(false);
    fs.writeFileSync(path.join(SCREENSHOTS, "front-letterforms-bg.png"), bg);
    fs.writeFileSync(path.join(SCREENSHOTS, "front-letterforms-ru.png"), ru);
    await context.close();
  });
});

describe("feeds opened in a browser", () => {
  it.each(["/bg/feed.xml", "/pl/atom.xml", "/bg/rayoni/sredets/feed.xml"])("%s is a readable page in the feed's language", async (url) => {
    const { context, page } = await open(375, url);
    expect(await page.evaluate("document.documentElement.lang")).toBe(url.slice(1, 3));
    expect(await page.locator("h1").textContent()).toMatch(/\S/);
    expect(await page.locator("main li a").count()).toBeGreaterThan(0);
    expect(await page.locator("main li a").first().getAttribute("href")).toMatch(/^https?:\/\/.+\/(novini|aktualnosci)\//);
    await page.screenshot({ path: path.join(SCREENSHOTS, `front-feed-${url.slice(1).replace(/\//g, "-")}-375.png`), fullPage: true });
    await context.close();
  });
});

describe("screenshots", () => {
  const types = LOCALES.flatMap((locale) => {
    const article = portal.index.articles.page(locale, 1, 1).items[0]!;
    return [
      ["home", urls.home(locale)],
      ["districts", urls.districts(locale)],
      ["district", urls.district(locale, article.district)],
      ["article", urls.article(locale, article.slug)],
      ["listing", urls.news(locale)],
    ].map(([name, url]) => ({ locale, name: name!, url: url! }));
  });
  it.each(types)("$locale $name ($url) at 375 and 1280 px", async ({ locale, name, url }) => {
    for (const width of [375, 1280]) {
      const { context, page } = await open(width, url);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SCREENSHOTS, `front-${locale}-${name}-${width}.png`), fullPage: true });
      await context.close();
    }
  });
});
