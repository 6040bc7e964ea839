// JSON Feed 1.1 beside every RSS and Atom feed: the spec's required fields (version,
// title, items; each item's id and content), RFC 3339 dates, absolute URLs, and the same
// items in the same order as the Atom feed it sits beside.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iso, writeAlert } from "../helpers/alerts.js";
import { NOW, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { BASE, UNPUBLISHED, parseXml, readHead } from "./seo-helpers.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

interface Item {
  id: string;
  url: string;
  title: string;
  content_html?: string;
  content_text?: string;
  summary: string;
  date_published: string;
  date_modified: string;
  authors: { name: string }[];
  tags?: string[];
  image?: string;
  attachments?: { url: string; mime_type: string; size_in_bytes: number }[];
}
interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: Item[];
}

/** The checks of the JSON Feed 1.1 spec's required (and our promised) fields. */
function expectValidFeed(feed: JsonFeed, selfUrl: string): void {
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(feed.title.length).toBeGreaterThan(0);
  expect(Array.isArray(feed.items)).toBe(true);
  expect(feed.feed_url).toBe(selfUrl);
  expect(feed.home_page_url.startsWith(`${BASE}/`)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(item.content_html ?? item.content_text, item.id).toBeTypeOf("string");
    expect(item.url.startsWith(`${BASE}/`)).toBe(true);
    expect(item.date_published).toMatch(RFC_3339);
    expect(item.date_modified).toMatch(RFC_3339);
    expect(Date.parse(item.date_modified)).toBeGreaterThanOrEqual(Date.parse(item.date_published));
    expect(item.authors[0]!.name.length).toBeGreaterThan(0);
    // Links in the body are absolute, as in RSS and Atom: the reader shows it away from the site.
    expect(item.content_html).not.toMatch(/\s(?:src|href)="\/(?!\/)/);
  }
}

async function jsonFeed(url: string): Promise<JsonFeed> {
  const res = await request(portal.app).get(url).expect(200);
  expect(res.headers["content-type"]).toBe("application/feed+json; charset=utf-8");
  return JSON.parse(res.text) as JsonFeed;
}

describe("JSON Feed 1.1", () => {
  it("exists beside every language, district and tag feed with the spec's required fields", async () => {
    for (const path of ["/bg/", "/pl/", "/bg/rayoni/sredets/", "/pl/tagi/dostepnosc/"]) {
      const feed = await jsonFeed(`${path}feed.json`);
      expectValidFeed(feed, `${BASE}${path}feed.json`);
      expect(feed.items.length, path).toBeGreaterThan(0);
      for (const slug of UNPUBLISHED) expect(JSON.stringify(feed), path).not.toContain(slug);
    }
  });

  it("lists the same articles, in the same order and with the same ids, as the Atom feed beside it", async () => {
    const feed = await jsonFeed("/bg/feed.json");
    const atom = parseXml((await request(portal.app).get("/bg/atom.xml").expect(200)).text) as unknown as {
      feed: { entry: { id: string; updated: string }[] };
    };
    expect(feed.items.map((i) => i.id)).toEqual(atom.feed.entry.map((e) => e.id));
    expect(feed.items.map((i) => i.date_modified)).toEqual(atom.feed.entry.map((e) => e.updated));
  });

  it("describes the picture of an article as image and attachment", async () => {
    const feed = await jsonFeed("/bg/rayoni/sredets/feed.json");
    const withImage = feed.items.find((i) => i.image);
    expect(withImage?.image).toMatch(/^https:\/\/news\.example\.org\/media\//);
    expect(withImage?.attachments?.[0]?.mime_type).toBe("image/jpeg");
  });

  it("is linked from the pages where RSS and Atom are linked", async () => {
    const head = readHead((await request(portal.app).get("/bg/rayoni/sredets/")).text);
    expect(head.feeds.filter((f) => f.type === "application/feed+json").map((f) => f.href)).toEqual([
      `${BASE}/bg/rayoni/sredets/feed.json`,
      `${BASE}/bg/feed.json`,
      // The district's current alerts (issue 23), beside their Atom feed.
      `${BASE}/bg/preduprezhdeniya/rayoni/sredets/feed.json`,
    ]);
  });

  it("answers 304 to its ETag, like the other feeds", async () => {
    const first = await request(portal.app).get("/pl/feed.json").expect(200);
    await request(portal.app).get("/pl/feed.json").set("If-None-Match", first.headers.etag!).expect(304);
  });
});

describe("JSON Feed 1.1 of current alerts", () => {
  const HOUR = 3_600_000;
  let withAlerts: TestPortal;
  beforeAll(async () => {
    const contentDir = copyFixture("content");
    writeAlert(contentDir, "bg", "voda", {
      title: "Спиране на водата в Лозенец",
      districts: "[lozenets]",
      start: iso(NOW - HOUR),
      end: iso(NOW + 5 * HOUR),
      body: "Вижте [графика](/bg/rayoni/lozenets/).\n",
    });
    writeAlert(contentDir, "bg", "vyatar", {
      title: "Силен вятър",
      kind: "weather",
      districts: "all",
      severity: "info",
      start: iso(NOW - HOUR),
      end: iso(NOW + 2 * HOUR),
    });
    writeAlert(contentDir, "bg", "utre", {
      title: "Утрешен ремонт",
      kind: "roads",
      districts: "[lozenets]",
      start: iso(NOW + 20 * HOUR),
      end: iso(NOW + 22 * HOUR),
    });
    withAlerts = await createTestPortal({ contentDir });
  });
  afterAll(() => withAlerts.close());

  async function alertFeed(url: string): Promise<JsonFeed> {
    const res = await request(withAlerts.app).get(url).expect(200);
    expect(res.headers["content-type"]).toBe("application/feed+json; charset=utf-8");
    const feed = JSON.parse(res.text) as JsonFeed;
    expectValidFeed(feed, `${BASE}${url}`);
    return feed;
  }

  it("lists the current alerts of a language and of a district, with the same ids as the Atom feed beside it", async () => {
    for (const path of ["/bg/preduprezhdeniya/", "/bg/preduprezhdeniya/rayoni/lozenets/", "/bg/preduprezhdeniya/rayoni/sredets/"]) {
      const feed = await alertFeed(`${path}feed.json`);
      const atom = parseXml((await request(withAlerts.app).get(`${path}atom.xml`).expect(200)).text) as unknown as {
        feed: { entry?: { id: string; title: string } | { id: string; title: string }[] };
      };
      const entries = [atom.feed.entry ?? []].flat();
      expect(
        feed.items.map((i) => i.id),
        path,
      ).toEqual(entries.map((e) => e.id));
      expect(feed.items.length, path).toBeGreaterThan(0);
    }
    // Current only: the upcoming alert is not there; a district without its own alerts gets those for all.
    expect((await alertFeed("/bg/preduprezhdeniya/rayoni/lozenets/feed.json")).items.map((i) => i.title).sort()).toEqual([
      "Силен вятър",
      "Спиране на водата в Лозенец",
    ]);
    expect((await alertFeed("/bg/preduprezhdeniya/rayoni/sredets/feed.json")).items.map((i) => i.title)).toEqual(["Силен вятър"]);
    expect((await alertFeed("/pl/komunikaty/feed.json")).items).toEqual([]);
  });

  it("carries the body with absolute links, kind and severity as tags, and the CAP message as an attachment", async () => {
    const feed = await alertFeed("/bg/preduprezhdeniya/rayoni/lozenets/feed.json");
    const voda = feed.items.find((i) => i.title === "Спиране на водата в Лозенец")!;
    expect(voda.url).toBe(`${BASE}/bg/preduprezhdeniya/spirane-na-vodata-v-lozenets/`);
    expect(voda.content_html).toContain(`href="${BASE}/bg/rayoni/lozenets/"`);
    expect(voda.tags).toEqual(["water", "warning"]);
    const cap = voda.attachments?.[0];
    expect(cap?.mime_type).toBe("application/cap+xml");
    await request(withAlerts.app).get(cap!.url.replace(BASE, "")).expect(200);
  });

  it("is linked where the alert Atom feed is linked, and follows the clock through its ETag", async () => {
    const head = readHead((await request(withAlerts.app).get("/bg/rayoni/lozenets/").expect(200)).text);
    expect(head.feeds.filter((f) => f.href.includes("/preduprezhdeniya/"))).toEqual([
      { type: "application/atom+xml", title: "Предупреждения за Лозенец — Районни новини", href: `${BASE}/bg/preduprezhdeniya/rayoni/lozenets/atom.xml` },
      {
        type: "application/feed+json",
        title: "Предупреждения за Лозенец — Районни новини (JSON Feed)",
        href: `${BASE}/bg/preduprezhdeniya/rayoni/lozenets/feed.json`,
      },
    ]);
    const first = await request(withAlerts.app).get("/bg/preduprezhdeniya/feed.json").expect(200);
    await request(withAlerts.app).get("/bg/preduprezhdeniya/feed.json").set("If-None-Match", first.headers.etag!).expect(304);
    withAlerts.setNow(NOW + 3 * HOUR);
    expect((await alertFeed("/bg/preduprezhdeniya/feed.json")).items.map((i) => i.title)).toEqual(["Спиране на водата в Лозенец"]);
    withAlerts.setNow(NOW);
  });
});
