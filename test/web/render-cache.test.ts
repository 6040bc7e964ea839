// The render cache: a repeated page comes from memory (same bytes and ETag, precompressed
// for clients that accept it), a content change shows at once, memory stays bounded.
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { RenderCache, cacheKey, pickEncoding, type CachedPage } from "../../src/web/render-cache.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal | null = null;
afterEach(() => portal?.close());

/** A GET over a real socket that keeps the body as sent (supertest would decompress it). */
async function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = http.createServer(portal!.app).listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port, path: url, headers }, resolve).on("error", reject),
    );
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

function page(key: string, bytes: number): CachedPage {
  return {
    key,
    version: "v1",
    type: "text/html",
    body: Buffer.alloc(bytes, 97),
    etag: `"${key}"`,
    lastModified: 0,
    lastModifiedText: new Date(0).toUTCString(),
    cacheControl: "public",
    headers: [],
  };
}

describe("render cache", () => {
  it("serves a repeated article from memory with the same bytes and ETag, precompressed", async () => {
    portal = await createTestPortal();
    const a = portal.index.articles.page("bg", 1, 1).items[0]!;
    const url = `/bg/novini/${a.slug}/`;
    const cache = portal.deps.pageCache!;
    const first = await rawGet(url);
    expect(first.status).toBe(200);
    expect(cache.hits).toBe(0);
    await cache.settled();
    const second = await rawGet(url);
    expect(cache.hits).toBe(1);
    expect(second.body).toEqual(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);

    const br = await rawGet(url, { "Accept-Encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("Accept-Encoding");
    expect(zlib.brotliDecompressSync(br.body)).toEqual(first.body);
    const gz = await rawGet(url, { "Accept-Encoding": "gzip, br;q=0" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body)).toEqual(first.body);

    const conditional = await rawGet(url, { "If-None-Match": String(first.headers.etag) });
    expect(conditional.status).toBe(304);
    const head = await request(portal.app).head(url);
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(first.body.length));
  });

  it("shows an edited article on the next request after the index syncs", async () => {
    portal = await createTestPortal();
    const a = portal.index.articles.page("bg", 1, 1).items[0]!;
    const url = `/bg/novini/${a.slug}/`;
    expect((await request(portal.app).get(url)).text).toContain(a.title);
    const file = path.join(portal.contentDir, a.file);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "Нов ред"\nslug: ${a.slug}`));
    await portal.index.sync();
    const after = await request(portal.app).get(url);
    expect(after.text).toContain("Нов ред");
    expect(after.text).not.toContain(a.title);
  });

  it("keeps search terms and unknown parameters out of the cache, but caches ?page=N", async () => {
    portal = await createTestPortal();
    const cache = portal.deps.pageCache!;
    await request(portal.app).get("/bg/novini/?page=1&x=1");
    await request(portal.app).get("/bg/novini/?page=1&x=1");
    expect(cache.hits).toBe(0);
    await request(portal.app).get("/bg/novini/");
    await request(portal.app).get("/bg/novini/");
    expect(cache.hits).toBe(1);
  });

  it("evicts the least recently used pages beyond its byte budget", () => {
    const cache = new RenderCache(4000);
    cache.set(page("/a/", 400));
    cache.set(page("/b/", 400));
    expect(cache.get("/a/", "v1")).toBeDefined(); // /a/ is now the most recent
    for (let i = 0; i < 9; i++) cache.set(page(`/p${i}/`, 400));
    expect(cache.size.bytes).toBeLessThanOrEqual(4000);
    expect(cache.get("/b/", "v1")).toBeUndefined();
    expect(cache.get("/a/", "v1")).toBeDefined();
    for (let i = 9; i < 19; i++) cache.set(page(`/p${i}/`, 400));
    expect(cache.get("/a/", "v1")).toBeUndefined(); // ten newer pages pushed it out
    expect(cache.get("/p18/", "v1")).toBeDefined();
    cache.set({ ...page("/new/", 10), version: "v2" });
    expect(cache.size.pages).toBe(1); // a new content version drops the old pages
  });

  it("honours q=0 and prefers Brotli, then gzip", () => {
    const p = { ...page("/x/", 10), gzip: Buffer.from("g"), br: Buffer.from("b") };
    expect(pickEncoding("gzip, deflate, br", p)).toBe("br");
    expect(pickEncoding("br;q=0, gzip", p)).toBe("gzip");
    expect(pickEncoding("identity", p)).toBeNull();
    expect(pickEncoding(undefined, p)).toBeNull();
  });
});

describe("cacheKey", () => {
  const key = (url: string, method = "GET") => cacheKey({ method, url });
  it.each([
    ["/bg/", "/bg/"],
    ["/bg/?utm_source=x&fbclid=y", "/bg/"],
    ["/bg/novini/?page=2", "/bg/novini/?page=2"],
    ["/bg/novini/?utm_medium=mail&page=2", "/bg/novini/?page=2"],
    ["/bg/novini/?pag%65=2", "/bg/novini/?page=2"], // decoded as Express decodes it
    ["/bg/novini/?page=2&page=3", null],
    ["/bg/novini/?page=02", null],
    ["/bg/novini/?page[]=2", null],
    ["/bg/novini/?x[y]=1", null],
    ["/bg/tarsene/?q=sofia", null],
    ["/bg/tarsene/?district=sredets", null],
  ])("%s → %s", (url, expected) => {
    expect(key(url)).toBe(expected);
  });

  it("is null for methods other than GET and HEAD", () => {
    expect(key("/bg/", "HEAD")).toBe("/bg/");
    expect(key("/bg/", "POST")).toBeNull();
  });
});
