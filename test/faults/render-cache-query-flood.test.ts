// Fault (issue 19, item 3): `?page=N` on pages that do not paginate (article, home,
// districts list) answered 200 and filled the render cache with copies; 6,000 such
// requests pushed a popular page out. Must hold: no query parameter, meaningless or
// valid, creates a new cache entry for a page that already exists; the entries are
// bounded by the pages there are. Requests go through the server's real handler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { rawServer, type RawServer } from "../security/raw-http.js";
import type { RenderCache } from "../../src/web/render-cache.js";
import { urls } from "../../src/site/urls.js";

let portal: TestPortal;
let raw: RawServer;
let cache: RenderCache;
let article: string;
let pages: string[];

beforeAll(async () => {
  portal = await createTestPortal();
  raw = await rawServer(portal.handle);
  cache = portal.deps.pageCache!;
  article = urls.article("bg", portal.index.articles.page("bg", 1, 1).items[0]!.slug);
  pages = [article, urls.home("bg"), urls.districts("bg"), urls.news("bg"), urls.tags("pl")];
});

afterAll(async () => {
  await raw.close();
  portal.close();
});

/** Hostile and junk variants of the URLs above: n-th of each kind. */
function variants(n: number): string[] {
  return [
    `${article}?page=${n}`,
    `/bg/?page=${n}`,
    `/bg/rayoni/?page=${n}`,
    `/pl/tagi/?page=${n}`,
    `/bg/novini/?page=${n}`, // 1 is the first page's second spelling, the rest are past the last page
    `/bg/novini/?page=1&page=${n}`,
    `/bg/novini/?pag%65=${n}`,
    `${article}?utm_source=newsletter-${n}&utm_medium=email`,
    `/bg/?fbclid=${n}`,
    `/bg/rayoni/?x=${n}&y=${"z".repeat(n % 50)}`,
    `/bg/tarsene/?q=sofia${n}`,
    `/bg/tarsene/?q=&page=${n}`,
  ];
}

describe("query parameters cannot flood the render cache", () => {
  it("keeps one entry per page however many parameter variants are asked for", async () => {
    for (const url of pages) expect((await raw.request("GET", url)).status, url).toBe(200);
    await cache.settled();
    const before = cache.size.pages;
    expect(before).toBe(pages.length);
    const statuses = new Map<number, number>();
    for (let n = 1; n <= 60; n++) {
      for (const url of variants(n)) {
        const { status } = await raw.request("GET", url);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
    await cache.settled();
    expect(cache.size.pages).toBe(before);
    // The popular pages are still there, answered from memory.
    const version = portal.index.version();
    for (const url of pages) expect(cache.get(url, version), url).toBeDefined();
    expect([...statuses.keys()].filter((s) => ![200, 400, 404, 429].includes(s))).toEqual([]);
  }, 60_000);

  it("refuses ?page= on pages that are one page only", async () => {
    for (const url of [`${article}?page=2`, "/bg/?page=2", "/bg/rayoni/?page=1", "/pl/tagi/?page=3"]) {
      expect((await raw.request("GET", url)).status, url).toBe(400);
    }
  });

  it("answers tracking parameters with the page itself, from the cache", async () => {
    const plain = await raw.request("GET", "/bg/");
    const tracked = await raw.request("GET", "/bg/?utm_source=x&fbclid=y");
    expect(tracked.status).toBe(200);
    expect(tracked.headers.etag).toBe(plain.headers.etag);
    const hits = cache.hits;
    await raw.request("GET", `/bg/?utm_campaign=${Date.now()}`);
    expect(cache.hits).toBe(hits + 1);
  });
});
