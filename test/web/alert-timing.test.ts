// Alerts on time through every cache (issue 23): with the render cache, ETags and 304s,
// an alert appears at its start and is gone at its end on a running portal, without a
// restart; and no Cache-Control lets a cache keep a page past the next start or end.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { NOW, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { iso, writeAlert } from "../helpers/alerts.js";

const MIN = 60_000;
const open: TestPortal[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

const START = NOW + 10 * MIN;
const END = NOW + 70 * MIN;
const PAGE = "/bg/rayoni/lozenets/";
const TITLE = "Спиране на водата в кв. „Лозенец“";

async function portal(withAlert = true): Promise<TestPortal> {
  const contentDir = copyFixture("content");
  if (withAlert) writeAlert(contentDir, "bg", "voda", { start: iso(START), end: iso(END) });
  const p = await createTestPortal({ contentDir });
  open.push(p);
  return p;
}

/** Seconds a shared cache may serve the response (fresh, then stale while revalidating). */
function sharedLifetime(cacheControl: string): { browser: number; shared: number } {
  const n = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1] ?? 0);
  return { browser: n("max-age"), shared: n("s-maxage") + n("stale-while-revalidate") };
}

describe("an alert on time", () => {
  it("appears at its start and disappears at its end, through the render cache and conditional requests", async () => {
    const p = await portal();
    const cache = p.deps.pageCache!;
    const get = (etag?: string) =>
      request(p.handle)
        .get(PAGE)
        .set(etag ? { "If-None-Match": etag } : {});

    const before = await get().expect(200);
    expect(before.text).not.toContain(TITLE);
    const etag = before.headers.etag as string;
    // Served from the render cache now, and a revalidation is a 304.
    const hits = cache.hits;
    await get(etag).expect(304);
    expect(cache.hits).toBe(hits + 1);

    p.setNow(START - 1000);
    await get(etag).expect(304);

    p.setNow(START);
    const during = await get(etag).expect(200);
    expect(during.text).toContain(TITLE);
    expect(during.headers.etag).not.toBe(etag);
    await get(during.headers.etag as string).expect(304);
    // The home page and the all-news listing carry it too, from the first request after start.
    expect((await request(p.handle).get("/bg/").expect(200)).text).toContain(TITLE);

    p.setNow(END - 1000);
    expect((await get().expect(200)).text).toContain(TITLE);

    p.setNow(END);
    const after = await get(during.headers.etag as string).expect(200);
    expect(after.text).not.toContain(TITLE);
    expect((await request(p.handle).get("/bg/").expect(200)).text).not.toContain(TITLE);
  });

  it("appears as soon as its file is indexed when its start has passed, and goes when the file is removed", async () => {
    const p = await portal(false);
    p.setNow(START + MIN);
    const before = await request(p.handle).get(PAGE).expect(200);
    expect(before.text).not.toContain(TITLE);
    const rel = writeAlert(p.contentDir, "bg", "voda", { start: iso(START), end: iso(END) });
    await p.index.sync(undefined, { paths: [rel] });
    const after = await request(p.handle)
      .get(PAGE)
      .set("If-None-Match", before.headers.etag as string)
      .expect(200);
    expect(after.text).toContain(TITLE);
    fs.rmSync(path.join(p.contentDir, rel));
    await p.index.sync(undefined, { paths: [rel] });
    expect(
      (
        await request(p.handle)
          .get(PAGE)
          .set("If-None-Match", after.headers.etag as string)
          .expect(200)
      ).text,
    ).not.toContain(TITLE);
  });
});

describe("Cache-Control before a start or an end", () => {
  it("never lets a shared cache serve a page more than 60 s past the next change, nor a browser past it", async () => {
    const p = await portal();
    for (const at of [NOW, START - 14 * MIN + 7000, START - 5 * MIN, START - 61_000, START - 59_000, START - 1000, START, START + 30 * MIN, END - 1000]) {
      p.setNow(at);
      const next = at < START ? START : END;
      const left = (next - at) / 1000;
      // The first request renders (and stores) the page, the second is a render-cache hit,
      // the third a 304: each carries a bound computed now.
      for (const res of [await request(p.handle).get(PAGE), await request(p.handle).get(PAGE)]) {
        const { browser, shared } = sharedLifetime(res.headers["cache-control"] as string);
        expect(browser, `${res.headers["cache-control"]} at ${left} s before`).toBeLessThanOrEqual(left);
        expect(shared, `${res.headers["cache-control"]} at ${left} s before`).toBeLessThanOrEqual(left + 60);
      }
    }
    // Long before any change, the usual lifetimes.
    p.setNow(END + 60 * MIN);
    expect((await request(p.handle).get(PAGE)).headers["cache-control"]).toBe(
      "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400",
    );
  });

  it("a page rendered early and served from the render cache later gets the shorter lifetime", async () => {
    const p = await portal();
    p.setNow(START - 20 * MIN);
    expect((await request(p.handle).get(PAGE)).headers["cache-control"]).toBe(
      "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400",
    );
    p.setNow(START - 100_000);
    const hit = await request(p.handle).get(PAGE).expect(200);
    expect(hit.headers["cache-control"]).toBe("public, max-age=60, s-maxage=100, stale-while-revalidate=60, stale-if-error=86400");
    p.setNow(START - 10_000);
    const etag = hit.headers.etag as string;
    const revalidated = await request(p.handle).get(PAGE).set("If-None-Match", etag).expect(304);
    expect(revalidated.headers["cache-control"]).toBe("public, max-age=10, s-maxage=10, stale-while-revalidate=60, stale-if-error=86400");
  });
});
