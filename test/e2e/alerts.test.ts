// The alert banner in a real browser (issue 23): no axe-core violations of WCAG 2.2 A/AA in
// light and dark, no horizontal scrolling at 320 px, hiding an info or warning alert is
// remembered across pages (localStorage) while an emergency has no hide button, and
// screenshots at 375 and 1280 px in both languages for a human look.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { NOW, copyFixture, createTestPortal } from "../helpers/app.js";
import { urls } from "../../src/site/urls.js";
import { iso, writeAlert } from "../helpers/alerts.js";
import { tempDir } from "../helpers/app.js";
import { launchChromium, ROOT, SCREENSHOTS } from "./harness.js";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const HOUR = 3_600_000;

const contentDir = copyFixture("content");
fs.cpSync(path.join(ROOT, "content/accessibility"), path.join(contentDir, "accessibility"), { recursive: true });
writeAlert(contentDir, "bg", "tok", {
  title: "Авария в електропреносната мрежа",
  kind: "electricity",
  severity: "emergency",
  districts: "[sredets]",
  start: iso(NOW - HOUR),
  end: iso(NOW + 3 * HOUR),
  area: "бул. „Васил Левски“ и околните улици",
});
writeAlert(contentDir, "bg", "voda", { districts: "[sredets]", start: iso(NOW - HOUR), end: iso(NOW + 5 * HOUR), area: "ул. „Криволак“ от № 1 до № 25" });
writeAlert(contentDir, "bg", "vyatar", {
  title: "Силен вятър следобед",
  kind: "weather",
  severity: "info",
  districts: "all",
  start: iso(NOW - HOUR),
  end: iso(NOW + 30 * HOUR),
});
writeAlert(contentDir, "pl", "woda", {
  title: "Przerwa w dostawie wody w Sopocie",
  districts: "[sopot]",
  start: iso(NOW - HOUR),
  end: iso(NOW + 5 * HOUR),
  area: "ul. Bohaterów Monte Cassino 1–25",
});
writeAlert(contentDir, "pl", "gaz", {
  title: "Wyciek gazu — ewakuacja budynku",
  kind: "gas",
  severity: "emergency",
  districts: "[sopot]",
  start: iso(NOW - HOUR),
  end: iso(NOW + 2 * HOUR),
});
const portal = await createTestPortal({ contentDir });
const server: Server = await new Promise((resolve) => {
  const s = portal.app.listen(0, "127.0.0.1", () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  portal.close();
});
fs.mkdirSync(SCREENSHOTS, { recursive: true });

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run({ runOnly: { type: "tag", values: ${JSON.stringify(TAGS)} } })`)) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(", ")}`,
  );
}

const PAGES = [
  { locale: "bg", url: "/bg/rayoni/sredets/" },
  { locale: "pl", url: "/pl/dzielnice/sopot/" },
] as const;

describe.each(PAGES)("$locale $url with a banner", ({ locale, url }) => {
  it("has no WCAG 2.2 AA violations (axe-core), light and dark, nor console errors", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      await page.goto(base + url, { waitUntil: "load" });
      expect(await page.locator(".alert-banner .alert").count()).toBeGreaterThan(1);
      expect(await axe(page), colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `alerts-${locale}-1280-${colorScheme}.png`), fullPage: false });
      await context.close();
    }
  });

  it("reflows at 320 and 375 px (screenshots at 375)", async () => {
    for (const width of [320, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(base + url, { waitUntil: "load" });
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      if (width === 375) await page.screenshot({ path: path.join(SCREENSHOTS, `alerts-${locale}-375.png`), fullPage: false });
      await context.close();
    }
  });
});

describe("hiding an alert", () => {
  it("hides a warning on every page for this reader, and offers no hiding for an emergency", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/bg/rayoni/sredets/`, { waitUntil: "load" });
    const emergency = page.locator(".alert-banner .alert-emergency");
    expect(await emergency.locator("button").count()).toBe(0);
    const warning = page.locator(".alert-banner .alert-warning");
    const hide = warning.getByRole("button", { name: "Скрий предупреждението „Спиране на водата в кв. „Лозенец““" });
    await hide.click();
    expect(await warning.isHidden()).toBe(true);
    // Focus moved on, not lost with the hidden alert.
    expect(await page.evaluate("document.activeElement && document.activeElement.tagName")).not.toBe("BODY");
    await page.goto(`${base}/bg/novini/`, { waitUntil: "load" });
    expect(await page.locator(".alert-banner .alert-warning").isHidden()).toBe(true);
    expect(await page.locator(".alert-banner .alert-emergency").isVisible()).toBe(true);
    await context.close();
  });
});

describe("the alert pages and a page with a banner are valid HTML (Nu HTML Checker)", () => {
  it("has no errors", { timeout: 120_000 }, async () => {
    const dir = tempDir("vnu-alerts");
    const pages = (["bg", "pl"] as const).flatMap((l) => [
      urls.alerts(l),
      urls.alertArchive(l),
      urls.alert(l, portal.index.alerts.live(l, NOW)[0]!.slug),
      urls.alertsOfDistrict(l, "sopot"),
      urls.home(l),
    ]);
    const files = await Promise.all(
      pages.map(async (url, i) => {
        const res = await fetch(base + url);
        expect(res.status, url).toBe(200);
        const file = path.join(dir, `page-${i}.html`);
        fs.writeFileSync(file, await res.text());
        return file;
      }),
    );
    let out: string;
    try {
      out = execFileSync("java", ["-jar", path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar"), "--format", "json", "--stdout", ...files], {
        encoding: "utf8",
        maxBuffer: 32 * 1024 * 1024,
      });
    } catch (cause) {
      out = String((cause as { stdout?: string }).stdout ?? "");
    }
    const errors = (JSON.parse(out) as { messages: { type: string; url: string; lastLine?: number; message: string }[] }).messages
      .filter((m) => m.type === "error")
      .map((m) => `${pages[Number(/page-(\d+)/.exec(m.url)![1])]} line ${m.lastLine}: ${m.message}`);
    expect(errors).toEqual([]);
  });
});
