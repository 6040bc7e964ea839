// A page answered from the render cache (before the middleware stack) must look exactly
// like the page answered by the routes: same security and caching headers, its own
// request id, a log line with that id, 304 for a matching validator, HEAD without a body.
import pino from "pino";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import type { RenderCache } from "../../../src/web/render-cache.js";
import { createTestPortal, type TestPortal } from "../../helpers/app.js";

interface LogLine {
  reqId?: string;
  method?: string;
  path?: string;
  status?: number;
  msg?: string;
}

let portal: TestPortal | null = null;
afterEach(() => portal?.close());

/** The test portal's index behind an app whose request log is kept in `lines`. */
async function loggedPortal() {
  portal = await createTestPortal();
  const lines: LogLine[] = [];
  const logger = pino({ level: "info" }, { write: (s: string) => lines.push(JSON.parse(s) as LogLine) });
  const { app, handle, deps } = await createApp({ config: portal.config, index: portal.index, logger });
  const a = portal.index.articles.page("bg", 1, 1).items[0]!;
  return { app, handle, cache: deps.pageCache!, lines, url: `/bg/novini/${a.slug}/` };
}

/** Every header but the ones that differ per response by design. */
function stable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "date" && name !== "x-request-id"));
}

/** The page twice through `server`: rendered, then (once cached) answered from the cache. */
async function renderedThenHit(server: Parameters<typeof request>[0], url: string, encoding: string, cache: RenderCache) {
  const first = await request(server).get(url).set("Accept-Encoding", encoding).expect(200);
  await cache.settled();
  const hit = await request(server).get(url).set("Accept-Encoding", encoding).expect(200);
  expect(cache.hits).toBe(1);
  expect(hit.text).toBe(first.text);
  return { first, hit };
}

describe("cache hits", () => {
  it("are answered the same way by what the server listens with, before Express", async () => {
    const { handle, cache, lines, url } = await loggedPortal();
    const { first, hit } = await renderedThenHit(handle, url, "br", cache);
    expect(hit.headers["content-encoding"]).toBe("br");
    const sameCase = (h: Record<string, string>) => Object.fromEntries(Object.entries(stable(h)).filter(([n]) => n !== "content-length"));
    expect(sameCase(hit.headers as Record<string, string>)).toEqual(sameCase(first.headers as Record<string, string>));
    expect(lines.filter((l) => l.msg === "request").at(-1)).toMatchObject({ reqId: hit.headers["x-request-id"], path: url, status: 200 });
    // Not cacheable: a POST still goes through Express and gets 405.
    await request(handle).post(url).expect(405);
  });

  it("carry the same headers and bytes as the rendered page, with their own logged request id", async () => {
    const { app, cache, lines, url } = await loggedPortal();
    const { first, hit } = await renderedThenHit(app, url, "identity", cache);
    expect(stable(hit.headers as Record<string, string>)).toEqual(stable(first.headers as Record<string, string>));
    expect(hit.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(hit.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(hit.headers["x-frame-options"]).toBe("DENY");
    const id = hit.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe(first.headers["x-request-id"]);
    const logged = lines.filter((l) => l.msg === "request");
    expect(logged).toHaveLength(2);
    expect(logged[1]).toMatchObject({ reqId: id, method: "GET", path: url, status: 200 });
  });

  it("answer a matching If-None-Match or If-Modified-Since with 304 and the validators", async () => {
    const { app, cache, lines, url } = await loggedPortal();
    const first = await request(app).get(url).expect(200);
    await cache.settled();
    for (const [name, value] of [
      ["If-None-Match", first.headers.etag as string],
      ["If-Modified-Since", first.headers["last-modified"] as string],
    ] as const) {
      const res = await request(app).get(url).set(name, value).expect(304);
      expect(res.text ?? "").toBe("");
      expect(res.headers.etag).toBe(first.headers.etag);
      expect(res.headers["cache-control"]).toBe(first.headers["cache-control"]);
      expect(res.headers.vary).toBe(first.headers.vary);
      expect(res.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
      expect(lines.at(-1)).toMatchObject({ reqId: res.headers["x-request-id"] as string, status: 304 });
    }
    expect(cache.hits).toBe(2);
    await request(app).get(url).set("If-None-Match", '"other"').expect(200);
  });

  it("answer HEAD with the GET headers and no body, and still refuse other methods", async () => {
    const { app, cache, url } = await loggedPortal();
    const get = await request(app).get(url).set("Accept-Encoding", "br").expect(200);
    await cache.settled();
    const head = await request(app).head(url).set("Accept-Encoding", "br").expect(200);
    expect(cache.hits).toBe(1);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.text ?? "").toBe("");
    const post = await request(app).post(url).expect(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    expect(post.headers["x-request-id"]).toBeTruthy();
  });
});
