// Fault (issue 19, item 4): 404 and 400 pages outside /bg/ and /pl/ chose their language
// from Accept-Language but were sent `Cache-Control: public, max-age=60` with only
// `Vary: Accept-Encoding`, so a shared cache served one reader's language to the next.
// Must hold, on every route: a response whose body (or Location) depends on a request
// header names that header in Vary, or is not publicly cacheable. The sweep asks each
// URL with several values of each header a browser or a proxy may send and compares.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { rawServer, type RawResponse, type RawServer } from "../security/raw-http.js";

let portal: TestPortal;
let raw: RawServer;

beforeAll(async () => {
  portal = await createTestPortal();
  raw = await rawServer(portal.handle);
});

afterAll(async () => {
  await raw.close();
  portal.close();
});

const PICTURE = "/media/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg";

function urlsToSweep(): string[] {
  return [
    "/",
    "/nope",
    "/no/such/page/",
    "/%E0%A4%A", // malformed percent-encoding: 400
    "/\\evil.example/x", // refused redirect: 400
    "/media/nope.jpg",
    "/bg/",
    "/pl/",
    "/bg/?utm_source=x",
    "/BG/",
    "/bg/nope/",
    "/pl/aktualnosci/?page=abc",
    "/bg/novini/?page=99999",
    "/bg/opensearch.xml",
    "/pl/opensearch.xml",
    "/bg/feed.xml",
    "/pl/atom.xml",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/robots.txt",
    "/bg/tarsene/?q=sofia",
    "/healthz",
    "/readyz",
    portal.deps.assets.url("css/site.css"),
    portal.deps.assets.url("img/favicon.svg"),
    PICTURE,
    PICTURE.replace("/media/", "/media-v/320/webp/"),
    PICTURE.replace("/media/", "/media-v/320/avif/"),
  ];
}

const HEADERS: Record<string, readonly string[]> = {
  "Accept-Language": ["bg", "pl", "pl-PL,pl;q=0.9,en;q=0.5", "de"],
  Accept: ["text/html", "application/json", "image/avif,image/webp,*/*", "*/*"],
  "Accept-Encoding": ["identity", "gzip", "br"],
  "User-Agent": ["Mozilla/5.0", "curl/8"],
  Cookie: ["lang=pl", "lang=bg"],
  Referer: ["https://news.example.org/pl/", "https://evil.example/"],
  "X-Forwarded-Proto": ["http", "https"],
  "X-Forwarded-Host": ["news.example.org", "evil.example"],
  "Save-Data": ["on", "off"],
};

/** What a cache would store and hand out: status, the headers that change meaning, the body. */
function shape(res: RawResponse): string {
  return JSON.stringify([res.status, res.headers.location ?? null, res.headers["content-type"] ?? null, res.headers["content-encoding"] ?? null, res.body]);
}

function publiclyCacheable(res: RawResponse): boolean {
  const cc = String(res.headers["cache-control"] ?? "").toLowerCase();
  if (/no-store|private/.test(cc)) return false;
  return /public|max-age|s-maxage/.test(cc);
}

function varies(res: RawResponse, header: string): boolean {
  const list = String(res.headers.vary ?? "")
    .toLowerCase()
    .split(",")
    .map((v) => v.trim());
  return list.includes("*") || list.includes(header.toLowerCase());
}

describe("every response that depends on a request header says so in Vary", () => {
  it("Accept-Language picks the 404 page's language outside /bg/ and /pl/, and Vary says so", async () => {
    const bg = await raw.request("GET", "/nope/", { "Accept-Language": "bg" });
    const pl = await raw.request("GET", "/nope/", { "Accept-Language": "pl" });
    expect(bg.status).toBe(404);
    expect(pl.status).toBe(404);
    expect(bg.headers["content-language"] ?? bg.body).not.toEqual(pl.headers["content-language"] ?? pl.body);
    for (const res of [bg, pl]) expect(publiclyCacheable(res) ? varies(res, "Accept-Language") : true).toBe(true);
  });

  it("holds for every route, error page, redirect, feed and picture", async () => {
    const failures: string[] = [];
    for (const url of urlsToSweep()) {
      for (const [header, values] of Object.entries(HEADERS)) {
        const answers: RawResponse[] = [];
        for (const value of values) answers.push(await raw.request("GET", url, { [header]: value }));
        const distinct = new Set(answers.map(shape));
        if (distinct.size === 1) continue;
        for (const [i, res] of answers.entries()) {
          if (publiclyCacheable(res) && !varies(res, header)) {
            failures.push(
              `${url} depends on ${header} (${values[i]} → ${res.status}) but is sent "Cache-Control: ${String(res.headers["cache-control"])}" with "Vary: ${String(res.headers.vary ?? "")}"`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
