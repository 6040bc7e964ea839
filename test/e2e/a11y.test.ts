// Every page type in both languages, in a real browser: no axe-core violations of WCAG
// 2.1 A/AA in the light and dark colour schemes, the skip link is the first Tab stop,
// content reflows at 320 CSS px without horizontal scrolling (WCAG 1.4.10), and the
// layout survives the WCAG 1.4.12 text-spacing overrides. Screenshots go to
// test-results/screenshots/ for a human look.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { SCREENSHOTS, startHarness } from "./harness.js";

// Browser-side code is passed as strings: the project's TypeScript has no DOM library.
const SCROLL_WIDTH = "document.documentElement.scrollWidth";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const h = await startHarness();
afterAll(() => h.close());
fs.mkdirSync(SCREENSHOTS, { recursive: true });

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

// Injected through the DevTools protocol (evaluate), not a <script> tag: the portal's CSP
// forbids inline script, and the tests keep that CSP on so a violation shows up below.
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run({ runOnly: { type: "tag", values: ${JSON.stringify(TAGS)} } })`)) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

async function open(width: number, height: number, url: string, scheme: "light" | "dark" = "light") {
  const context = await h.browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
  });
  const res = await page.goto(h.base + url, { waitUntil: "load" });
  return { context, page, status: res?.status(), errors };
}

// The text-spacing bookmarklet of WCAG 2.1 understanding document 1.4.12.
const TEXT_SPACING = "*{line-height:1.5!important;letter-spacing:0.12em!important;word-spacing:0.16em!important}p{margin-bottom:2em!important}";

describe.each(h.pages)("$locale $name ($url)", ({ locale, name, url, status }) => {
  it("has no axe-core WCAG 2.1 AA violations, light and dark", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page, status: got, errors } = await open(1280, 800, url, scheme);
      expect(got).toBe(status);
      expect(await axe(page), scheme).toEqual([]);
      expect(errors, "console errors (CSP violations, failed pictures)").toEqual([]);
      await context.close();
    }
  });

  it("moves the first Tab to the skip link, which leads to the main content", async () => {
    const { context, page } = await open(1280, 800, url);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(`({ cls: document.activeElement?.className, href: document.activeElement?.getAttribute("href") })`);
    expect(focused).toEqual({ cls: "skip-link", href: "#main" });
    const box = await page.locator(".skip-link").boundingBox();
    expect(box && box.y >= 0 && box.height > 0, "skip link is visible when focused").toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement?.id")).toBe("main");
    await context.close();
  });

  it("reflows at 320 px, keeps reflowing with WCAG text spacing, and looks right (screenshots)", async () => {
    const { context, page } = await open(320, 640, url);
    expect(await page.evaluate(SCROLL_WIDTH)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${name}-320.png`), fullPage: true });
    // A constructed style sheet, since the CSP (rightly) blocks an inline <style>.
    await page.evaluate(`{ const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(TEXT_SPACING)}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }`);
    expect(await page.evaluate(SCROLL_WIDTH)).toBeLessThanOrEqual(320);
    await context.close();
    const desktop = await open(1280, 800, url);
    await desktop.page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${name}-1280.png`), fullPage: true });
    await desktop.context.close();
  });
});

describe("the article hero picture in a browser", () => {
  it("loads a modern format variant sized for the layout, not the original", async () => {
    const article = h.pages.find((p) => p.name === "article-image" && p.locale === "bg")!;
    const { context, page } = await open(320, 640, article.url);
    const src = await page.evaluate(`document.querySelector(".article-image img").currentSrc`);
    expect(src).toMatch(/\/media-v\/(320|640)\/avif\//);
    expect(await page.evaluate(`(() => { const img = document.querySelector(".article-image img"); return img.complete && img.naturalWidth > 0; })()`)).toBe(true);
    await context.close();
  });
});

describe("the axe harness itself", () => {
  it("does report a violation when there is one (the checks above are not vacuous)", async () => {
    const { context, page } = await open(1280, 800, h.pages[0]!.url);
    await page.evaluate(`{ const img = document.createElement("img"); img.src = "/favicon-none.png"; document.querySelector("main").append(img); document.documentElement.removeAttribute("lang"); }`);
    const found = (await axe(page)).map((v) => v.split(" ")[0]);
    expect(found).toEqual(expect.arrayContaining(["image-alt", "html-has-lang"]));
    await context.close();
  });
});
