// The <head> of every page as search engines and link previews read it: unique titles,
// Open Graph, the Twitter card and schema.org JSON-LD that cannot break out of its script.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { BASE, DATE_TIME_OFFSET, crawlSitemaps, readHead } from "./seo-helpers.js";

type Head = ReturnType<typeof readHead>;
type Node = Record<string, unknown>;

let portal: TestPortal;
const pages = new Map<string, Head>();
const ARTICLE = "/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/";

beforeAll(async () => {
  portal = await createTestPortal();
  const statements = fs.existsSync(path.join(portal.contentDir, "accessibility")); // see sitemap.test.ts
  for (const u of (await crawlSitemaps(portal.app)).urls) {
    if (!statements && /dostapnost|deklaracja/.test(u.loc)) continue;
    const path = u.loc.slice(BASE.length);
    pages.set(path, readHead((await request(portal.app).get(path).expect(200)).text));
  }
});
afterAll(() => portal.close());

const byType = (head: Head, type: string) => head.jsonLd.filter((n) => n["@type"] === type);

describe("every page", () => {
  it("has a title no other page has", () => {
    expect(pages.size).toBeGreaterThan(40);
    const seen = new Map<string, string>();
    for (const [path, head] of pages) {
      expect(head.title, path).not.toBe("");
      expect(seen.get(head.title), `${path} repeats the title of ${seen.get(head.title)}`).toBeUndefined();
      seen.set(head.title, path);
    }
  });

  it("has Open Graph and Twitter card tags with absolute URLs", () => {
    for (const [path, head] of pages) {
      const lang = path.slice(1, 3);
      expect(head.og("og:title"), path).toEqual([head.title]);
      expect(head.og("og:url"), path).toEqual([head.canonical]);
      expect(head.og("og:site_name"), path).toEqual([lang === "bg" ? "Районни новини" : "Wiadomości z gmin"]);
      expect(head.og("og:locale"), path).toEqual([lang === "bg" ? "bg_BG" : "pl_PL"]);
      expect(head.og("og:type"), path).toEqual([
        path.includes("/novini/") || path.includes("/aktualnosci/") ? (path.split("/").length > 4 ? "article" : "website") : "website",
      ]);
      expect(head.og("og:description")[0], path).toBe(head.meta("description"));
      expect(head.og("og:image")[0], path).toMatch(/^https:\/\/news\.example\.org\/(static|media-v\/og\/jpeg)\//);
      expect(head.og("og:image:alt")[0]?.length, path).toBeGreaterThan(10);
      expect(head.meta("twitter:card"), path).toBe("summary_large_image");
      // og:locale:alternate names exactly the other languages of the hreflang links.
      const others = Object.keys(head.hreflang).filter((l) => l !== lang && l !== "x-default");
      expect(head.og("og:locale:alternate"), path).toEqual(others.map((l) => (l === "bg" ? "bg_BG" : "pl_PL")));
    }
  });

  it("has JSON-LD that parses, with a BreadcrumbList on every page below home", () => {
    for (const [path, head] of pages) {
      expect(head.jsonLd.length, path).toBeGreaterThan(0);
      for (const node of head.jsonLd) expect(node["@context"], path).toBe("https://schema.org");
      const crumbs = byType(head, "BreadcrumbList");
      if (path === "/bg/" || path === "/pl/") expect(crumbs, path).toHaveLength(0);
      else {
        expect(crumbs, path).toHaveLength(1);
        const items = crumbs[0]!.itemListElement as { position: number; item: string; name: string }[];
        expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
        expect(items[0]!.item).toBe(`${BASE}/${path.slice(1, 3)}/`);
        expect(items.at(-1)!.item, path).toBe(head.canonical);
      }
    }
  });
});

describe("home pages", () => {
  it("describe the WebSite with a search action and the publishing GovernmentOrganization", async () => {
    const head = pages.get("/pl/")!;
    const site = byType(head, "WebSite")[0]!;
    expect(site.url).toBe(`${BASE}/pl/`);
    expect(site.inLanguage).toBe("pl");
    const action = site.potentialAction as Node;
    expect(action["@type"]).toBe("SearchAction");
    expect(action.target).toBe(`${BASE}/pl/szukaj/?q={search_term_string}`);
    expect(action["query-input"]).toBe("required name=search_term_string");
    const org = byType(head, "GovernmentOrganization")[0]!;
    expect(org.name).toBe("Administracje dzielnic i gmin — portal informacyjny");
    const logo = (org.logo as { url: string }).url;
    const png = await request(portal.app).get(logo.slice(BASE.length)).buffer(true).expect(200);
    const meta = await sharp(png.body as Buffer).metadata();
    expect(Math.min(meta.width ?? 0, meta.height ?? 0)).toBeGreaterThanOrEqual(112);
  });

  it("share the default picture, 1200×630", async () => {
    const image = pages.get("/bg/")!.og("og:image")[0]!;
    const res = await request(portal.app).get(image.slice(BASE.length)).buffer(true).expect(200);
    expect(res.headers["content-type"]).toBe("image/png");
    const meta = await sharp(res.body as Buffer).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });
});

describe("article pages", () => {
  it("are og:type article with times, section, tags and the article's own picture", () => {
    const head = pages.get(ARTICLE)!;
    expect(head.og("og:type")).toEqual(["article"]);
    expect(head.og("article:published_time")).toEqual(["2026-10-29T10:30:00+02:00"]);
    expect(head.og("article:modified_time")).toEqual(["2026-10-30T00:00:00+02:00"]);
    expect(head.og("article:section")).toEqual(["Средец"]);
    expect(head.og("article:tag")).toEqual(["обучение", "администрация"]);
    // The 1200×630 cover crop, not the original (issue 20 item 10).
    expect(head.og("og:image")).toEqual([`${BASE}/media-v/og/jpeg/bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite/zala.jpg`]);
    expect([head.og("og:image:width"), head.og("og:image:height")]).toEqual([["1200"], ["630"]]);
    expect(head.og("og:image:alt")[0]).toMatch(/^Рисунка на светла заседателна зала/);
  });

  it("name their translation as og:locale:alternate", () => {
    const [path, head] = [...pages].find(([p]) => p.startsWith("/pl/aktualnosci/urzednicy-z-dzielnicy-sredec"))!;
    expect(head.og("og:locale:alternate"), path).toEqual(["bg_BG"]);
  });

  it("carry a NewsArticle with dates, author, publisher, language and place", () => {
    const head = pages.get(ARTICLE)!;
    const a = byType(head, "NewsArticle")[0]!;
    expect(a.headline).toBe("Приключи обучението на служителите в район „Средец“");
    expect(a.description).toBe(head.meta("description"));
    expect(a.image).toEqual(head.og("og:image"));
    expect(a.datePublished).toMatch(DATE_TIME_OFFSET);
    expect(a.datePublished).toBe("2026-10-29T10:30:00+02:00");
    expect(a.dateModified).toBe("2026-10-30T00:00:00+02:00");
    expect(a.author).toEqual({ "@type": "Organization", name: "Пресцентър на район „Средец“" });
    const publisher = a.publisher as Node & { logo: { url: string } };
    expect(publisher["@type"]).toBe("GovernmentOrganization");
    expect(publisher.name).toBe("Районни администрации — портал за новини");
    expect(publisher.logo.url).toMatch(/^https:\/\/news\.example\.org\/static\/img\/logo\.[0-9a-f]+\.png$/);
    expect(a.inLanguage).toBe("bg");
    expect(a.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": `${BASE}${ARTICLE}` });
    expect(a.articleSection).toBe("Средец");
    expect(a.contentLocation).toEqual({ "@type": "Place", name: "Средец" });
  });
});

describe("JSON-LD escaping", () => {
  it("keeps a title with </script> and <!-- inside the data block", async () => {
    const dir = copyFixture("content");
    const file = path.join(dir, "bg/sredets/2025-04-14-remont-ul-tsar-ivan-shishman.md");
    const evil = 'Ремонт </script><script>alert(1)</script><!-- край & "кавички"';
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, `title: ${JSON.stringify(evil)}\nslug: remont-proba`));
    const p = await createTestPortal({ contentDir: dir });
    try {
      const html = (await request(p.app).get("/bg/novini/remont-proba/").expect(200)).text;
      expect(html).not.toContain("<script>alert(1)");
      const head = readHead(html);
      expect(head.scriptCount).toBe(head.jsonLd.length); // no script but our data blocks
      expect(byType(head, "NewsArticle")[0]!.headline).toBe(evil);
      const crumbs = byType(head, "BreadcrumbList")[0]!.itemListElement as { name: string }[];
      expect(crumbs.at(-1)!.name).toBe(evil);
    } finally {
      p.close();
    }
  });
});
