// RSS 2.0 and Atom feeds as a feed reader sees them: well-formed, absolute links, the
// full article, only published articles, and linked from the pages they follow.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absoluteHtml, rss as renderRss } from "../../src/web/seo/feed-xml.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { BASE, DATE_TIME_OFFSET, UNPUBLISHED, crawlSitemaps, parseXml, readHead } from "./seo-helpers.js";

interface RssItem {
  title: string;
  link: string;
  guid: { "#text": string; "@_isPermaLink": string };
  pubDate: string;
  description: string;
  "content:encoded": string;
  category?: string[];
}
interface Rss {
  rss: {
    channel: { title: string; link: string; language: string; lastBuildDate: string; "atom:link": { "@_href": string; "@_rel": string }; item?: RssItem[] };
  };
}
interface AtomEntry {
  title: string;
  id: string;
  updated: string;
  published: string;
  link: { "@_href": string }[];
  summary: { "#text": string };
  content: { "#text": string; "@_type": string };
  author: { name: string };
}
interface Atom {
  feed: {
    "@_xml:lang": string;
    id: string;
    updated: string;
    title: string;
    link: { "@_rel": string; "@_href": string }[];
    author: { name: string };
    entry?: AtomEntry[];
  };
}

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

async function rss(url: string): Promise<Rss["rss"]["channel"]> {
  const res = await request(portal.app).get(url).expect(200);
  expect(res.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
  return (parseXml(res.text) as unknown as Rss).rss.channel;
}

async function atom(url: string): Promise<Atom["feed"]> {
  const res = await request(portal.app).get(url).expect(200);
  expect(res.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
  return (parseXml(res.text) as unknown as Atom).feed;
}

describe("RSS 2.0", () => {
  it("has the channel, its language, a self link and every published article with absolute links", async () => {
    const channel = await rss("/bg/feed.xml");
    expect(channel.title).toBe("Всички новини — Районни новини");
    expect(channel.link).toBe(`${BASE}/bg/`);
    expect(channel.language).toBe("bg");
    expect(channel.lastBuildDate).toMatch(RFC_822);
    expect(channel["atom:link"]["@_href"]).toBe(`${BASE}/bg/feed.xml`);
    const items = channel.item ?? [];
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.link).toMatch(/^https:\/\/news\.example\.org\/bg\/novini\/[a-z0-9-]+\/$/);
      expect(item.guid["#text"]).toBe(item.link);
      expect(item.pubDate).toMatch(RFC_822);
      expect(item.description.length).toBeGreaterThan(20);
      expect(item["content:encoded"]).toMatch(/^<p>/);
      expect(item["content:encoded"]).not.toMatch(/\s(src|href)="\/(?!\/)/);
    }
    // Newest first; the 29 October article is 10:30 Sofia time = 08:30 GMT.
    expect(items[0]!.pubDate).toBe("Thu, 29 Oct 2026 08:30:00 GMT");
    expect(items[0]!.category).toEqual(["обучение", "администрация"]);
  });

  it("makes the pictures in the article body absolute", async () => {
    const items = (await rss("/pl/feed.xml")).item ?? [];
    const hallera = items.find((i) => i.link.includes("remont-torowiska"))!;
    // A body picture is a <picture> of variants (issue 22); every URL in it is absolute.
    expect(hallera["content:encoded"]).toMatch(
      /<img src="https:\/\/news\.example\.org\/media-v\/\d+\/jpeg\/pl\/gdansk\/2025-08-19-remont-torowiska-na-alei-hallera\/objazd\.jpg" srcset="https:\/\/news\.example\.org\/media-v\//,
    );
    expect(hallera["content:encoded"]).not.toMatch(/(?:src|srcset)="\//);
  });

  it("follows a district and a tag, and answers 404 for unknown ones", async () => {
    const sredets = (await rss("/bg/rayoni/sredets/feed.xml")).item ?? [];
    expect(sredets).toHaveLength(5);
    expect(await rss("/bg/rayoni/lozenets/feed.xml")).not.toHaveProperty("item"); // only a draft there
    const tag = (await rss("/bg/etiketi/obuchenie/feed.xml")).item ?? [];
    expect(tag.map((i) => i.title).sort()).toEqual(["Делегация от район „Средец“ гостува в Сопот", "Приключи обучението на служителите в район „Средец“"]);
    await request(portal.app).get("/bg/rayoni/nowhere/feed.xml").expect(404);
    await request(portal.app).get("/bg/etiketi/nothing-here/feed.xml").expect(404);
    await request(portal.app).get("/pl/tagi/odpady/feed.xml").expect(404); // its only article is scheduled
  });
});

describe("Atom", () => {
  it("is an RFC 4287 feed with xml:lang, ids, RFC 3339 dates and the escaped HTML body", async () => {
    const feed = await atom("/pl/atom.xml");
    expect(feed["@_xml:lang"]).toBe("pl");
    expect(feed.id).toBe(`${BASE}/pl/`);
    expect(feed.updated).toMatch(DATE_TIME_OFFSET);
    expect(feed.link.find((l) => l["@_rel"] === "self")!["@_href"]).toBe(`${BASE}/pl/atom.xml`);
    expect(feed.author.name).toBeTruthy();
    const entries = feed.entry ?? [];
    expect(entries).toHaveLength(7);
    for (const e of entries) {
      expect(e.id).toMatch(/^https:\/\/news\.example\.org\/pl\/aktualnosci\/[a-z0-9-]+\/$/);
      expect(e.link[0]!["@_href"]).toBe(e.id);
      expect(e.updated).toMatch(DATE_TIME_OFFSET);
      expect(e.published).toMatch(DATE_TIME_OFFSET);
      expect(e.content["@_type"]).toBe("html");
      expect(e.content["#text"]).toMatch(/^&#60;p&#62;|^&lt;p&gt;/);
    }
    const hallera = entries.find((e) => e.id.includes("remont-torowiska"))!;
    expect(hallera.published).toBe("2025-08-19T00:00:00+02:00");
    expect(hallera.updated).toBe("2025-08-26T00:00:00+02:00");
  });

  it("gives each article the same id in every feed it appears in, request after request", async () => {
    const a = await atom("/bg/atom.xml");
    const b = await atom("/bg/rayoni/sredets/atom.xml");
    expect((b.entry ?? []).map((e) => e.id).sort()).toEqual((a.entry ?? []).map((e) => e.id).sort());
    const again = await atom("/bg/atom.xml");
    expect((again.entry ?? []).map((e) => e.id)).toEqual((a.entry ?? []).map((e) => e.id));
  });
});

describe("feeds linked from pages", () => {
  it("offers the page's own feeds first, then the site's, with readable titles", async () => {
    const district = readHead((await request(portal.app).get("/bg/rayoni/sredets/")).text);
    expect(district.feeds).toEqual([
      { type: "application/rss+xml", title: "Новини от Средец — Районни новини (RSS)", href: `${BASE}/bg/rayoni/sredets/feed.xml` },
      { type: "application/atom+xml", title: "Новини от Средец — Районни новини (Atom)", href: `${BASE}/bg/rayoni/sredets/atom.xml` },
      { type: "application/feed+json", title: "Новини от Средец — Районни новини (JSON Feed)", href: `${BASE}/bg/rayoni/sredets/feed.json` },
      { type: "application/rss+xml", title: "Всички новини — Районни новини (RSS)", href: `${BASE}/bg/feed.xml` },
      { type: "application/atom+xml", title: "Всички новини — Районни новини (Atom)", href: `${BASE}/bg/atom.xml` },
      { type: "application/feed+json", title: "Всички новини — Районни новини (JSON Feed)", href: `${BASE}/bg/feed.json` },
      // Service alerts (issue 23): the district's current alerts.
      { type: "application/atom+xml", title: "Предупреждения за Средец — Районни новини", href: `${BASE}/bg/preduprezhdeniya/rayoni/sredets/atom.xml` },
      {
        type: "application/feed+json",
        title: "Предупреждения за Средец — Районни новини (JSON Feed)",
        href: `${BASE}/bg/preduprezhdeniya/rayoni/sredets/feed.json`,
      },
    ]);
    const tag = readHead((await request(portal.app).get("/pl/tagi/dostepnosc/")).text);
    expect(tag.feeds[0]).toEqual({
      type: "application/rss+xml",
      title: "Aktualności na temat „dostępność” — Wiadomości z gmin (RSS)",
      href: `${BASE}/pl/tagi/dostepnosc/feed.xml`,
    });
    expect(readHead((await request(portal.app).get("/pl/")).text).feeds.map((f) => f.href)).toEqual([
      `${BASE}/pl/feed.xml`,
      `${BASE}/pl/atom.xml`,
      `${BASE}/pl/feed.json`,
      `${BASE}/pl/komunikaty/atom.xml`,
      `${BASE}/pl/komunikaty/feed.json`,
    ]);
  });

  it("every feed linked from any page works and holds no draft, scheduled or expired article", async () => {
    const { urls } = await crawlSitemaps(portal.app);
    const feeds = new Set<string>();
    for (const u of urls.filter((x) => !/dostapnost|deklaracja/.test(x.loc))) {
      for (const f of readHead((await request(portal.app).get(u.loc.slice(BASE.length))).text).feeds) feeds.add(f.href);
    }
    expect(feeds.size).toBeGreaterThan(20);
    for (const href of feeds) {
      const res = await request(portal.app).get(href.slice(BASE.length));
      expect(res.status, href).toBe(200);
      if (href.endsWith(".json")) JSON.parse(res.text);
      else parseXml(res.text);
      for (const slug of UNPUBLISHED) expect(res.text, href).not.toContain(slug);
      expect(res.text).not.toContain("Чернова");
    }
  });
});

describe("size", () => {
  it("carries the latest 50 articles, newest first", async () => {
    const dir = copyFixture("content");
    for (let i = 0; i < 55; i++) {
      const day = new Date(Date.UTC(2026, 7, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const body = `---\ntitle: "Komunikat numer ${i + 1}"\ndate: "${day}"\ntags: [komunikaty]\n---\nTreść komunikatu numer ${i + 1}.\n`;
      fs.writeFileSync(path.join(dir, "pl/gdansk", `${day}-komunikat-${i + 1}.md`), body);
    }
    const big = await createTestPortal({ contentDir: dir });
    try {
      const res = await request(big.app).get("/pl/tagi/komunikaty/atom.xml").expect(200);
      const entries = (parseXml(res.text) as unknown as Atom).feed.entry ?? [];
      expect(entries).toHaveLength(50);
      expect(entries[0]!.title).toBe("Komunikat numer 55");
      expect(entries[49]!.title).toBe("Komunikat numer 6");
    } finally {
      big.close();
    }
  });
});

describe("caching", () => {
  it("answers a conditional GET with 304", async () => {
    const first = await request(portal.app).get("/bg/etiketi/obuchenie/atom.xml").expect(200);
    expect(first.headers.etag).toMatch(/^"/);
    await request(portal.app)
      .get("/bg/etiketi/obuchenie/atom.xml")
      .set("If-None-Match", first.headers.etag as string)
      .expect(304);
  });
});

describe("absolute links in the article body", () => {
  it("resolves src, href and every srcset candidate against the article URL", () => {
    const page = `${BASE}/bg/novini/x/`;
    const html =
      '<a href="/bg/rayoni/sredets/">a</a> <a href="../y/?a=1&amp;b=2">b</a> <a href="#top">c</a> <a href="mailto:x@example.org">d</a>' +
      '<picture><source srcset="/media/a-480.avif 480w, /media/a-960.avif 960w" type="image/avif"><img src="/media/a.jpg" alt=""></picture>';
    expect(absoluteHtml(html, page)).toBe(
      `<a href="${BASE}/bg/rayoni/sredets/">a</a> <a href="${BASE}/bg/novini/y/?a=1&amp;b=2">b</a> <a href="${BASE}/bg/novini/x/#top">c</a> <a href="mailto:x@example.org">d</a>` +
        `<picture><source srcset="${BASE}/media/a-480.avif 480w, ${BASE}/media/a-960.avif 960w" type="image/avif"><img src="${BASE}/media/a.jpg" alt=""></picture>`,
    );
  });
});

describe("CDATA", () => {
  it("keeps a body containing ]]> intact", () => {
    const html = "<p>a ]]> b</p>";
    const item = { url: `${BASE}/bg/novini/x/`, title: "x", summary: "x", html, published: 0, updated: 0, author: undefined, tags: [], image: undefined };
    const xml = renderRss({
      lang: "bg",
      timeZone: "Europe/Sofia",
      title: "t",
      description: "d",
      pageUrl: `${BASE}/bg/`,
      selfUrl: `${BASE}/bg/feed.xml`,
      publisher: "p",
      updated: 0,
      items: [item],
    });
    const channel = (parseXml(xml) as unknown as Rss).rss.channel;
    expect(channel.item![0]!["content:encoded"]).toBe(html);
  });
});
