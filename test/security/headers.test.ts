// Security headers on every kind of response (OWASP ASVS 5.0 V3.4, Mozilla HTTP
// Observatory A+), and a charset on every text type so no browser guesses one.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;

beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal?.close());

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(res: request.Response, label: string): void {
  const h = res.headers;
  const csp = directives(String(h["content-security-policy"] ?? ""));
  expect(csp.get("default-src"), label).toEqual(["'self'"]);
  const script = csp.get("script-src") ?? csp.get("default-src") ?? [];
  expect(
    script.some((v) => v.startsWith("'unsafe-") || v === "data:" || v === "*"),
    label,
  ).toBe(false);
  expect(csp.get("object-src"), label).toEqual(["'none'"]);
  expect(csp.get("base-uri"), label).toBeDefined();
  expect(csp.get("frame-ancestors"), label).toEqual(["'none'"]);
  expect(csp.get("form-action"), label).toEqual(["'self'"]);
  const maxAge = Number(/max-age=(\d+)/.exec(String(h["strict-transport-security"] ?? ""))?.[1] ?? 0);
  expect(maxAge, label).toBeGreaterThanOrEqual(31_536_000);
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["referrer-policy"], label).toMatch(/^(strict-origin-when-cross-origin|no-referrer|same-origin|strict-origin)$/);
  expect(h["cross-origin-opener-policy"], label).toBe("same-origin");
  expect(h["cross-origin-resource-policy"], label).toBe("same-origin");
  expect(h["x-powered-by"], label).toBeUndefined();
  const type = String(h["content-type"] ?? "");
  if (/^text\/|json|xml|javascript|svg/.test(type)) expect(type.toLowerCase(), label).toContain("charset=utf-8");
}

describe("security headers", () => {
  it("are on pages, errors, redirects, probes, feeds, assets, media and 405s", async () => {
    const app = portal.app;
    const page = await request(app).get("/bg/");
    const cases: [string, request.Response, number][] = [
      ["home page", page, 200],
      ["article", await request(app).get("/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/"), 200],
      ["home page from the render cache", await request(app).get("/bg/"), 200],
      ["304", await request(app).get("/bg/").set("If-None-Match", String(page.headers.etag)), 304],
      ["404", await request(app).get("/bg/no-such-page/"), 404],
      ["400", await request(app).get("/bg/novini/?page=0x10"), 400],
      ["language redirect", await request(app).get("/"), 302],
      ["canonical redirect", await request(app).get("/BG/"), 301],
      ["healthz", await request(app).get("/healthz"), 200],
      ["readyz", await request(app).get("/readyz"), 200],
      ["sitemap", await request(app).get("/sitemap.xml"), 200],
      ["static css", await request(app).get(portal.deps.assets.url("css/site.css")), 200],
      ["static svg", await request(app).get(portal.deps.assets.url("img/favicon.svg")), 200],
      ["media", await request(app).get("/media/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg"), 200],
      ["405", await request(app).delete("/bg/"), 405],
      ["HEAD", await request(app).head("/bg/novini/"), 200],
    ];
    for (const [label, res, status] of cases) {
      expect(res.status, label).toBe(status);
      expectSecurityHeaders(res, label);
    }
  });

  it("are on the 500 page", async () => {
    // A fresh portal: the render cache of the shared one may already hold the listing.
    const broken = await createTestPortal();
    (broken.deps.index.articles as { page: unknown }).page = () => {
      throw new Error("index exploded");
    };
    try {
      const res = await request(broken.app).get("/bg/novini/");
      expect(res.status).toBe(500);
      expect(res.headers["cache-control"]).toBe("no-store");
      expectSecurityHeaders(res, "500");
    } finally {
      broken.close();
    }
  });

  it("leave HSTS out over plain http, where browsers ignore it (RFC 6797 §8.1)", async () => {
    const plain = await createTestPortal({ env: { BASE_URL: "http://localhost:3000" } });
    try {
      const res = await request(plain.app).get("/bg/");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    } finally {
      plain.close();
    }
  });
});

describe("pages work under the policy", () => {
  it("use no inline script, inline style or foreign resources that the CSP would block", async () => {
    for (const url of [
      "/bg/",
      "/pl/",
      "/bg/novini/",
      "/bg/novini/delegatsia-ot-rayon-sredets-gostuva-v-sopot/",
      "/pl/dzielnice/",
      "/bg/etiketi/",
      "/bg/no-such-page/",
    ]) {
      const html = (await request(portal.app).get(url)).text;
      expect(html, url).not.toMatch(/<style[\s>]/i);
      expect(html, url).not.toMatch(/\sstyle\s*=/i);
      expect(html, url).not.toMatch(/\son[a-z]+\s*=/i);
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
        expect(tag, url).toMatch(/src="\/static\/|type="application\/ld\+json"/);
      }
      for (const src of html.matchAll(/\s(?:src|href)="(https?:)?\/\/(?!news\.example\.org)[^"]*"[^>]*>/g)) {
        // Links to other sites are fine; loading from them is not.
        expect(src[0], url).not.toMatch(/^\ssrc=|rel="(?:stylesheet|preload|icon|modulepreload)"/);
      }
    }
  });
});
