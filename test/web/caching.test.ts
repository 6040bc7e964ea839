// HTTP caching and URL hygiene as browsers, CDNs and crawlers meet them: validators and
// 304, HEAD, content negotiation of br/gzip, immutable assets and one URL per page (301).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

const ARTICLE = "/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/";

/** The body as bytes (superagent has already undone any Content-Encoding). */
function raw(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => done(null, Buffer.concat(chunks)));
}

describe("conditional GET", () => {
  for (const url of ["/bg/novini/", ARTICLE, "/sitemap.xml", "/sitemap-pl-1.xml", "/pl/feed.xml"]) {
    it(`answers If-None-Match with 304 on ${url}`, async () => {
      const first = await request(portal.app).get(url).expect(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong
      expect(first.headers["last-modified"]).toBeTruthy();
      expect(first.headers["cache-control"]).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
      const second = await request(portal.app).get(url).set("If-None-Match", etag).expect(304);
      expect(second.text ?? "").toBe("");
      await request(portal.app).get(url).set("If-None-Match", '"something-else"').expect(200);
    });
  }
});

describe("HEAD", () => {
  const routes = [
    "/bg/",
    "/pl/aktualnosci/",
    ARTICLE,
    "/bg/rayoni/",
    "/pl/dzielnice/sopot/",
    "/bg/etiketi/",
    "/bg/etiketi/obuchenie/",
    "/robots.txt",
    "/sitemap.xml",
    "/sitemap-bg-1.xml",
    "/sitemap-news.xml",
    "/bg/feed.xml",
    "/pl/atom.xml",
    "/bg/rayoni/sredets/feed.xml",
    "/bg/etiketi/obuchenie/atom.xml",
    "/media/bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite/zala.jpg",
  ];
  it("answers every kind of route with the GET headers and no body", async () => {
    const css = /href="(\/static\/css\/[^"]+)"/.exec((await request(portal.app).get("/bg/")).text)![1]!;
    for (const url of [...routes, css]) {
      const get = await request(portal.app).get(url).buffer(true).parse(raw);
      const head = await request(portal.app).head(url).buffer(true).parse(raw);
      expect([get.status, head.status], url).toEqual([200, 200]);
      expect(head.headers["content-type"], url).toBe(get.headers["content-type"]);
      expect(head.headers.etag, url).toBe(get.headers.etag);
      expect((head.body as Buffer | undefined)?.length ?? 0, url).toBe(0);
      expect((get.body as Buffer).length, url).toBeGreaterThan(0);
    }
  });
});

describe("compression", () => {
  for (const url of ["/bg/novini/", "/sitemap-bg-1.xml", "/bg/feed.xml"]) {
    it(`negotiates br and gzip on ${url}`, async () => {
      const plain = await request(portal.app).get(url).set("Accept-Encoding", "identity").buffer(true).parse(raw);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      const br = await request(portal.app).get(url).set("Accept-Encoding", "br").buffer(true).parse(raw);
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      expect((br.body as Buffer).equals(plain.body as Buffer)).toBe(true);
      const gz = await request(portal.app).get(url).set("Accept-Encoding", "gzip").buffer(true).parse(raw);
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect((gz.body as Buffer).equals(plain.body as Buffer)).toBe(true);
      // A browser sending both gets Brotli, the smaller one.
      const both = await request(portal.app).get(url).set("Accept-Encoding", "gzip, deflate, br").buffer(true).parse(raw);
      expect(both.headers["content-encoding"]).toBe("br");
    });
  }
});

describe("a page rendered for this request", () => {
  // One piece with its length, not a chunked stream: a proxy in front of several replicas
  // (scripts/scale-out.sh) can then retry elsewhere if a replica dies before answering.
  it("is sent compressed in one piece, with Content-Length", async () => {
    for (const encoding of ["br", "gzip", "identity"]) {
      const res = await request(portal.app).get("/bg/novini/?utm_source=test").set("Accept-Encoding", encoding).buffer(true).parse(raw);
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding === "identity" ? undefined : encoding);
      expect(res.headers["transfer-encoding"]).toBeUndefined();
      // (the test client has already decompressed the body)
      if (encoding === "identity") expect(Number(res.headers["content-length"])).toBe((res.body as Buffer).length);
      else expect(Number(res.headers["content-length"])).toBeLessThan((res.body as Buffer).length);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    }
  });
});

describe("static assets", () => {
  it("are fingerprinted and cached for a year, immutable", async () => {
    const html = (await request(portal.app).get("/bg/")).text;
    const assets = [...html.matchAll(/(?:href|content)="(?:https:\/\/news\.example\.org)?(\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3); // stylesheet, icon, og:image
    for (const url of assets) {
      const res = await request(portal.app).get(url).expect(200);
      expect(res.headers["cache-control"], url).toBe("public, max-age=31536000, immutable");
    }
    await request(portal.app).get("/static/css/site.0000000000.css").expect(404);
  });
});

describe("one URL per page", () => {
  it.each([
    ["/bg/novini", "/bg/novini/"],
    ["/BG/NOVINI/", "/bg/novini/"],
    ["/pl/Aktualnosci?page=1", "/pl/aktualnosci/?page=1"],
    ["/bg/novini/obuchenie-sluzhiteli-sredets/", ARTICLE],
    ["/bg/novini/obuchenie-sluzhiteli-sredets", "/bg/novini/obuchenie-sluzhiteli-sredets/"],
  ])("%s answers 301 to %s", async (from, to) => {
    const res = await request(portal.app).get(from).expect(301);
    expect(res.headers.location).toBe(to);
  });

  it("leaves file-like paths without a trailing slash", async () => {
    await request(portal.app).get("/bg/feed.xml").expect(200);
    await request(portal.app).get("/bg/feed.xml/").expect(404);
    await request(portal.app).get("/sitemap.xml/").expect(404);
  });
});
