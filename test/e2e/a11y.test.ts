// Every page type in both languages, in a real browser: no axe-core violations of WCAG
// 2.2 A/AA (target size included) in the light and dark colour schemes at 1280 px and at
// 320 px, focus never obscured, the skip link is the first Tab stop,
// content reflows at 320 CSS px without horizontal scrolling (WCAG 1.4.10), and the
// layout survives the WCAG 1.4.12 text-spacing overrides. Screenshots go to
// test-results/screenshots/ (375 and 1280 px) for a human look.
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
// WCAG 2.2 AA (EN 301 549 v4): wcag22aa brings target size (2.5.8, 24×24 px).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(", ")}`,
  );
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

/** Tabs through the page (at most 80 stops) and names each focused element that is wholly covered. */
async function focusHidden(page: Page): Promise<string[]> {
  const hidden: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    // The focused element, scrolled into view by the browser, is what is on top at its centre.
    const seen = (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // A link wrapped over lines has a box per line: one of them must be on top.
      const boxes = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const onTop = (r) => {
        const top = document.elementFromPoint(Math.min(innerWidth - 1, Math.max(0, r.left + r.width / 2)), Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2)));
        return el === top || el.contains(top);
      };
      return { name: el.tagName + " " + (el.getAttribute("href") || el.id || el.className), ok: boxes.length === 0 || boxes.some(onTop) };
    })()`)) as { name: string; ok: boolean } | null;
    if (!seen) break;
    if (!seen.ok) hidden.push(seen.name);
  }
  return hidden;
}

// The text-spacing bookmarklet of WCAG 2.1 understanding document 1.4.12.
const TEXT_SPACING = "*{line-height:1.5!important;letter-spacing:0.12em!important;word-spacing:0.16em!important}p{margin-bottom:2em!important}";

describe.each(h.pages)("$locale $name ($url)", ({ locale, name, url, status }) => {
  it("has no axe-core WCAG 2.2 AA violations, light and dark at 1280 px, and at 320 px", async () => {
    for (const [width, scheme] of [
      [1280, "light"],
      [1280, "dark"],
      [320, "light"],
    ] as const) {
      const { context, page, status: got, errors } = await open(width, 800, url, scheme);
      expect(got).toBe(status);
      expect(await axe(page), `${width} px ${scheme}`).toEqual([]);
      expect(errors, "console errors (CSP violations, failed pictures)").toEqual([]);
      await context.close();
    }
  });

  it("never hides the focused element behind anything (WCAG 2.4.11), at 320 and 1280 px", async () => {
    for (const width of [320, 1280]) {
      const { context, page } = await open(width, 640, url);
      expect(await focusHidden(page), `${width} px`).toEqual([]);
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

    // A constructed style sheet, since the CSP (rightly) blocks an inline <style>.
    await page.evaluate(
      `{ const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(TEXT_SPACING)}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }`,
    );
    expect(await page.evaluate(SCROLL_WIDTH)).toBeLessThanOrEqual(320);
    await context.close();
    const phone = await open(375, 667, url);
    await phone.page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${name}-375.png`), fullPage: true });
    await phone.context.close();
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
    expect(await page.evaluate(`(() => { const img = document.querySelector(".article-image img"); return img.complete && img.naturalWidth > 0; })()`)).toBe(
      true,
    );
    await context.close();
  });
});

describe("the axe harness itself", () => {
  it("the focus walk does report a focused element covered by a fixed bar", async () => {
    const { context, page } = await open(1280, 640, h.pages[0]!.url);
    await page.evaluate(
      `{ const bar = document.createElement("div"); bar.style.cssText = "position:fixed;inset:0;background:#fff;z-index:9"; document.body.append(bar); }`,
    );
    expect((await focusHidden(page)).length).toBeGreaterThan(3);
    await context.close();
  });

  it("does report a violation when there is one (the checks above are not vacuous)", async () => {
    const { context, page } = await open(1280, 800, h.pages[0]!.url);
    await page.evaluate(
      `{ const img = document.createElement("img"); img.src = "/favicon-none.png"; document.querySelector("main").append(img); document.documentElement.removeAttribute("lang"); }`,
    );
    const found = (await axe(page)).map((v) => v.split(" ")[0]);
    expect(found).toEqual(expect.arrayContaining(["image-alt", "html-has-lang"]));
    await context.close();
  });
});
