// Sitemaps and robots.txt as a crawler reads them: every published page once, with
// hreflang alternates that agree with the pages themselves, and nothing unpublished.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitUrlsets } from "../../src/web/seo/sitemap-xml.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { BASE, DATE_TIME_OFFSET, UNPUBLISHED, crawlSitemaps, parseXml, readHead, type SitemapUrl } from "./seo-helpers.js";

let portal: TestPortal;
let urls: SitemapUrl[];
let files: string[];

beforeAll(async () => {
  portal = await createTestPortal();
  ({ urls, files } = await crawlSitemaps(portal.app));
});
afterAll(() => portal.close());

describe("robots.txt", () => {
  it("allows the site and names the sitemap index and the news sitemap by absolute URL", async () => {
    const res = await request(portal.app).get("/robots.txt").expect(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.text).toMatch(/^User-agent: \*$/m);
    expect(res.text).toMatch(/^Allow: \/$/m);
    expect(res.text).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemaps = [...res.text.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]);
    expect(sitemaps).toEqual([`${BASE}/sitemap.xml`, `${BASE}/sitemap-news.xml`]);
  });
});

describe("sitemap index and per-language sitemaps", () => {
  it("points at one sitemap per language and at the news sitemap", async () => {
    expect(files).toEqual([`${BASE}/sitemap-bg-1.xml`, `${BASE}/sitemap-pl-1.xml`, `${BASE}/sitemap-news.xml`]);
    const index = parseXml((await request(portal.app).get("/sitemap.xml")).text) as { sitemapindex: { sitemap: { lastmod: string }[] } };
    for (const s of index.sitemapindex.sitemap) expect(s.lastmod).toMatch(DATE_TIME_OFFSET);
    await request(portal.app).get("/sitemap-bg-2.xml").expect(404);
    await request(portal.app).get("/sitemap-xx-1.xml").expect(404);
  });

  it("gives each URL a W3C date-time lastmod and hreflang links that include itself and x-default", () => {
    for (const u of urls) {
      expect(u.lastmod, u.loc).toMatch(DATE_TIME_OFFSET);
      const lang = /^https:\/\/news\.example\.org\/(bg|pl)\//.exec(u.loc)?.[1];
      expect(lang, u.loc).toBeDefined();
      expect(u.alternates[lang!], u.loc).toBe(u.loc);
      expect(u.alternates["x-default"]).toBe(`${BASE}/`);
    }
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length);
  });

  it("lists home, listings, districts, tags, articles and the accessibility statements", () => {
    const locs = new Set(urls.map((u) => u.loc.slice(BASE.length)));
    for (const path of [
      "/bg/",
      "/pl/",
      "/bg/novini/",
      "/pl/aktualnosci/",
      "/bg/rayoni/",
      "/pl/dzielnice/",
      "/bg/rayoni/sredets/",
      "/pl/dzielnice/sopot/",
      "/bg/etiketi/",
      "/pl/tagi/",
      "/bg/etiketi/obuchenie/",
      "/bg/dostapnost/",
      "/pl/deklaracja-dostepnosci/",
    ]) {
      expect(locs, path).toContain(path);
    }
    // 12 published articles: 5 in Bulgarian, 7 in Polish.
    expect([...locs].filter((l) => /^\/(bg\/novini|pl\/aktualnosci)\/[^/]+\/$/.test(l))).toHaveLength(12);
    const bg = urls.find((u) => u.loc.includes("/bg/novini/delegatsia"))!;
    expect(bg.alternates.pl).toMatch(/^https:\/\/news\.example\.org\/pl\/aktualnosci\/urzednicy-z-dzielnicy-sredec/);
    expect(urls.find((u) => u.loc === `${BASE}/bg/dostapnost/`)!.alternates.pl).toBe(`${BASE}/pl/deklaracja-dostepnosci/`);
  });

  it("contains no draft, scheduled or expired article", () => {
    for (const u of urls) for (const slug of UNPUBLISHED) expect(u.loc).not.toContain(slug);
  });

  it("agrees with every page: each URL answers 200, is canonical, and its alternates point back", async () => {
    const heads = new Map<string, ReturnType<typeof readHead>>();
    // The accessibility statements come from content/accessibility/<lang>.yml; until the
    // fixture has them those two pages answer 500, so they are crawled only when present.
    const statements = fs.existsSync(path.join(portal.contentDir, "accessibility"));
    const crawled = urls.filter((u) => statements || !/\/(dostapnost|deklaracja-dostepnosci)\/$/.test(u.loc));
    for (const u of crawled) {
      const res = await request(portal.app).get(u.loc.slice(BASE.length));
      expect(res.status, u.loc).toBe(200);
      heads.set(u.loc, readHead(res.text));
    }
    for (const u of crawled) {
      const head = heads.get(u.loc)!;
      expect(head.canonical, u.loc).toBe(u.loc);
      expect(head.hreflang, u.loc).toEqual(u.alternates);
      for (const [lang, href] of Object.entries(u.alternates)) {
        if (lang === "x-default") continue;
        if (!heads.has(href) && !statements && /dostapnost|deklaracja/.test(href)) continue;
        const other = heads.get(href);
        expect(other, `${u.loc} → ${href} is in a sitemap`).toBeDefined();
        expect(Object.values(other!.hreflang), `${href} links back to ${u.loc}`).toContain(u.loc);
      }
    }
  });
});

describe("Google News sitemap", () => {
  type News = { urlset: { url?: { loc: string; "news:news": Record<string, unknown> & { "news:publication": Record<string, string> } }[] } };

  it("lists only articles from the last two days, with publication, date and title", async () => {
    const recent = await createTestPortal({ now: Date.parse("2026-10-30T12:00:00Z") });
    try {
      const res = await request(recent.app).get("/sitemap-news.xml").expect(200);
      expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
      const items = (parseXml(res.text) as News).urlset.url ?? [];
      expect(items.map((i) => i.loc)).toEqual([`${BASE}/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/`]);
      const news = items[0]!["news:news"];
      expect(news["news:publication"]).toEqual({ "news:name": "Районни новини", "news:language": "bg" });
      expect(news["news:publication_date"]).toBe("2026-10-29T10:30:00+02:00");
      expect(news["news:title"]).toBe("Приключи обучението на служителите в район „Средец“");
    } finally {
      recent.close();
    }
  });

  it("is empty (but valid) when nothing was published in two days, and never shows a scheduled article early", async () => {
    const res = await request(portal.app).get("/sitemap-news.xml").expect(200);
    expect((parseXml(res.text) as News).urlset.url).toBeUndefined();
    const later = await createTestPortal({ now: Date.parse("2027-03-01T12:00:00Z") });
    try {
      const items = (parseXml((await request(later.app).get("/sitemap-news.xml")).text) as News).urlset.url ?? [];
      expect(items.map((i) => i.loc)).toEqual([expect.stringContaining("/pl/aktualnosci/wiosenne-porzadki-2027")]);
      expect(items[0]!["news:news"]["news:publication"]["news:language"]).toBe("pl");
    } finally {
      later.close();
    }
  });
});

describe("splitting", () => {
  const entries = Array.from({ length: 7 }, (_, i) => `<url><loc>https://news.example.org/bg/novini/n-${i}/</loc></url>`);

  it("starts a new file at the URL limit and keeps every URL exactly once", () => {
    const parts = splitUrlsets(entries, { urls: 3, bytes: 50_000_000 });
    expect(parts.map((p) => [p.from, p.to])).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
    const locs = parts.flatMap((p) => ((parseXml(p.body) as { urlset: { url: { loc: string }[] } }).urlset.url ?? []).map((u) => u.loc));
    expect(locs).toHaveLength(7);
  });

  it("starts a new file before the byte limit", () => {
    const limit = 400;
    const parts = splitUrlsets(entries, { urls: 50_000, bytes: limit });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p.body)).toBeLessThanOrEqual(limit);
    expect(parts.at(-1)!.to).toBe(7);
  });
});
