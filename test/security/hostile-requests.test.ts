// Requests are validated: traversal in every encoding never reaches a file, bad query
// parameters and malformed URLs answer a localized 400 (never 500), only GET and HEAD
// exist, and nothing reads a request body.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAssets } from "../../src/web/assets.js";
import { createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";
import { rawServer, type RawServer } from "./raw-http.js";

let portal: TestPortal;
let raw: RawServer;

beforeAll(async () => {
  portal = await createTestPortal();
  raw = await rawServer(portal.app);
});

afterAll(async () => {
  await raw?.close();
  portal?.close();
});

const PACKAGE_JSON = '"name": "municipal-news-portal"';
const PASSWD = "root:";

describe("path traversal", () => {
  const attempts = [
    "/media/../package.json",
    "/media/..%2f..%2fpackage.json",
    "/media/..%2f..%2f..%2f..%2fetc/passwd",
    "/media/%2e%2e/%2e%2e/package.json",
    "/media/%2E%2E%2F%2E%2E%2Fpackage.json",
    "/media/%252e%252e%252fpackage.json",
    "/media/..%5c..%5cpackage.json",
    "/media/..\\..\\package.json",
    "/media/bg/sredets/..%00/package.json",
    "/media/%00",
    "/media/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/index.md",
    "/media//etc/passwd",
    "/static/../package.json",
    "/static/..%2fpackage.json",
    "/static/%2e%2e/package.json",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%5cpackage.json",
    "/static/css/..%2f..%2f..%2fpackage.json",
    "/static/css/site.css%00.png",
    "/..%2fpackage.json",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/bg/novini/..%2f..%2fpackage.json/",
    "/media-v/320/webp/..%2f..%2fpackage.json",
    "/media-v/320/webp/%2e%2e/%2e%2e/package.json",
    "/media-v/99999/webp/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg",
    "/media-v/320/svg/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg",
    "/media-v/320/webp/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/index.md",
  ];
  it.each(attempts)("%s never serves a file and never fails", async (p) => {
    const res = await raw.request("GET", p);
    expect([301, 400, 404]).toContain(res.status);
    expect(res.body).not.toContain(PACKAGE_JSON);
    expect(res.body).not.toContain(PASSWD);
    if (res.status === 301) {
      const to = String(res.headers.location);
      expect(to).toMatch(/^\/(?![/\\])/);
      const next = await raw.request("GET", to);
      expect([400, 404]).toContain(next.status);
      expect(next.body).not.toContain(PACKAGE_JSON);
    }
  });

  it("never redirects off-site from a path that looks scheme-relative", async () => {
    for (const p of ["//evil.example/", "//evil.example", "/\\evil.example/", "/%5cevil.example/", "/%2fevil.example/", "///evil.example/x"]) {
      const res = await raw.request("GET", p);
      expect(res.status, p).toBeLessThan(500);
      const to = res.headers.location;
      if (to) expect(to, p).toMatch(/^\/(?![/\\])/);
    }
  });

  it("serves a real media file and a real asset, so the 404s above are not blanket refusals", async () => {
    const media = await raw.request("GET", "/media/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg");
    expect(media.status).toBe(200);
    expect(media.headers["content-type"]).toBe("image/jpeg");
    expect((await raw.request("GET", portal.deps.assets.url("css/site.css"))).status).toBe(200);
  });
});

describe("dotfiles", () => {
  it("are never served from the web root, static or media", async () => {
    for (const p of ["/.env", "/.git/config", "/.git/HEAD", "/static/.env", "/static/.gitignore", "/media/.git/config", "/.data/CURRENT"]) {
      const res = await raw.request("GET", p);
      expect([301, 404], p).toContain(res.status);
      expect(res.body).not.toMatch(/\[core\]|ref: refs/);
    }
  });

  it("are left out when public/ is read at start", () => {
    const dir = tempDir("public");
    fs.writeFileSync(path.join(dir, ".secret.txt"), "token=1");
    fs.mkdirSync(path.join(dir, ".git"));
    fs.writeFileSync(path.join(dir, ".git", "config.txt"), "[core]");
    fs.writeFileSync(path.join(dir, "robots.txt"), "User-agent: *");
    const assets = loadAssets(dir);
    expect(assets.url("robots.txt")).toMatch(/^\/static\/robots\.[0-9a-f]{10}\.txt$/);
    expect(() => assets.url(".secret.txt")).toThrow();
    expect(() => assets.url(".git/config.txt")).toThrow();
  });
});

describe("query parameters", () => {
  const bad = [
    "page=0",
    "page=0x10",
    "page=1e9",
    "page=-1",
    "page=+1",
    "page=1.5",
    "page=%201",
    "page=",
    "page[]=1",
    "page[x]=1",
    "page=1&page=2",
    "page=99999999999999999999",
    `page=${"9".repeat(5000)}`,
    "page=%E0%A4%A",
    "page=%00",
  ];
  const cases = bad.map((q) => [q.length > 40 ? `${q.slice(0, 40)}…` : q, q]);
  it.each(cases)("?%s is a localized 400 page", async (_label, q) => {
    const res = await raw.request("GET", `/bg/novini/?${q}`);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain('<html lang="bg"');
    expect(res.body).toContain("Невалидна заявка");
  });

  it("answers the Polish 400 page on Polish addresses", async () => {
    const res = await raw.request("GET", "/pl/aktualnosci/?page=abc");
    expect(res.status).toBe(400);
    expect(res.body).toContain("Nieprawidłowe żądanie");
  });

  it("accepts a valid page and ignores unrelated tracking parameters", async () => {
    expect((await raw.request("GET", "/bg/novini/?page=1")).status).toBe(200);
    expect((await raw.request("GET", "/bg/novini/?utm_source=newsletter&fbclid=abc")).status).toBe(200);
  });
});

describe("headers from hostile clients", () => {
  it("survives garbage and huge Accept-Language headers", async () => {
    for (const value of [
      "x".repeat(8000),
      "bg;q=abc,,,;;;",
      "*;q=-1",
      Buffer.from("пл,бг").toString("latin1"),
      "\u00ff\u00fe",
      "pl;q=1e999",
      Array(500).fill("de").join(","),
    ]) {
      const res = await raw.request("GET", "/", { "Accept-Language": value });
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(/^\/(bg|pl)\/$/);
    }
  });

  it("trusts X-Forwarded-* only when TRUST_PROXY says so", async () => {
    expect(portal.app.get("trust proxy")).toBe(false);
    const behind = await createTestPortal({ env: { TRUST_PROXY: "loopback" } });
    try {
      expect(behind.app.get("trust proxy")).toBe("loopback");
    } finally {
      behind.close();
    }
  });

  it("ignores a forged Host and X-Forwarded-Host in canonical links", async () => {
    const res = await raw.request("GET", "/bg/", { Host: "evil.example", "X-Forwarded-Host": "evil.example" });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("evil.example");
  });
});

describe("methods and bodies", () => {
  it.each(["TRACE", "PUT", "DELETE", "OPTIONS", "POST", "PATCH", "PROPFIND"])("%s is 405 with Allow: GET, HEAD", async (method) => {
    const res = await raw.request(method, "/bg/", { "X-Secret-Probe": "s3cr3t" });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD");
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    // TRACE must not echo the request back (cross-site tracing).
    expect(res.body).not.toContain("s3cr3t");
  });

  it("answers HEAD like GET without a body", async () => {
    const res = await raw.request("HEAD", "/bg/");
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
  });

  it("mounts no request body parser", async () => {
    const names = portal.app.router.stack.map((layer: { name: string }) => layer.name);
    expect(names.length).toBeGreaterThan(3);
    for (const parser of ["jsonParser", "urlencodedParser", "rawParser", "textParser"]) expect(names).not.toContain(parser);
    const res = await request(portal.app).post("/bg/").set("Content-Type", "application/json").send('{"__proto__":{"polluted":1}}');
    expect(res.status).toBe(405);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("malformed URLs", () => {
  it.each(["/%E0%A4%A", "/bg/%E0%A4%A/", "/bg/novini/%E0%A4%A/", "/bg/rayoni/%C0%AF/", "/media/%E0%A4%A", "/static/%FF", "/%"])(
    "%s is a 400 page, not a redirect or 500",
    async (p) => {
      const res = await raw.request("GET", p);
      expect(res.status).toBe(400);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    },
  );
});
