// The JSON API over HTTP with the fixture content: every endpoint, filters, cursor pages,
// ETag/304, CORS, problem+json; every response validated against /api/v1/openapi.json.
import { Validator } from "@seriousme/openapi-schema-validator";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { responseValidator } from "./openapi-validator.js";

const BASE = "https://news.example.org";
let portal: TestPortal;
let check: ReturnType<typeof responseValidator>;

beforeAll(async () => {
  portal = await createTestPortal();
  const doc = (await request(portal.app).get("/api/v1/openapi.json").expect(200)) as { body: Parameters<typeof responseValidator>[0] };
  check = responseValidator(doc.body);
});
afterAll(() => portal.close());

/** GETs an API URL and validates the body against the document's schema for the route. */
async function get(url: string, template: string, status = 200, headers: Record<string, string> = {}) {
  const res = await request(portal.app).get(url).set(headers);
  expect(res.status, res.text).toBe(status);
  const type = status < 300 ? "application/json" : "application/problem+json";
  expect(res.headers["content-type"]).toBe(`${type}; charset=utf-8`);
  expect(res.headers["access-control-allow-origin"]).toBe("*");
  const body = JSON.parse(res.text) as Record<string, unknown>;
  check(template, status, type, body);
  return { res, body };
}

interface Summary {
  id: string;
  lang: string;
  slug: string;
  published: string;
  updated: string;
  district: { id: string };
  tags: { slug: string }[];
  url: string;
  api: string;
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document listing every endpoint", async () => {
    const res = await request(portal.app).get("/api/v1/openapi.json").expect(200);
    expect(res.headers["content-type"]).toBe("application/vnd.oai.openapi+json; charset=utf-8");
    const doc = JSON.parse(res.text) as { openapi: string; paths: Record<string, unknown>; info: { license: { identifier: string } } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/alerts", "/articles", "/articles/{lang}/{slug}", "/districts", "/events", "/search", "/tags"]);
    expect(doc.info.license.identifier).toBe("CC-BY-4.0");
  });

  it("is valid against the OpenAPI 3.1 specification's own schema", async () => {
    const res = await request(portal.app).get("/api/v1/openapi.json").expect(200);
    const result = await new Validator().validate(JSON.parse(res.text) as Record<string, unknown>);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("GET /api/v1/articles", () => {
  it("lists published articles of both languages, newest first, with stable ids and absolute URLs", async () => {
    const { body } = await get("/api/v1/articles?limit=100", "/articles");
    const items = body.items as Summary[];
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((i) => i.lang))).toEqual(new Set(["bg", "pl"]));
    const times = items.map((i) => Date.parse(i.published));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const i of items) {
      expect(i.id).toBe(`${i.lang}/${i.slug}`);
      expect(i.url.startsWith(`${BASE}/${i.lang}/`)).toBe(true);
      expect(i.api).toBe(`${BASE}/api/v1/articles/${i.id}`);
    }
    // The scheduled fixture article (2027) is not published yet.
    expect(items.some((i) => i.published.startsWith("2027"))).toBe(false);
    expect(body.next).toBeNull();
  });

  it("walks every article through cursor pages, none twice, none missed", async () => {
    const all = ((await get("/api/v1/articles?lang=bg&limit=100", "/articles")).body.items as Summary[]).map((i) => i.id);
    const seen: string[] = [];
    let url: string | null = "/api/v1/articles?lang=bg&limit=2";
    let pages = 0;
    while (url) {
      const { res, body } = await get(url.replace(BASE, ""), "/articles");
      seen.push(...(body.items as Summary[]).map((i) => i.id));
      url = body.next as string | null;
      if (url) {
        expect(res.headers.link).toBe(`<${url}>; rel="next"`);
        expect(url).toContain("lang=bg");
        expect(url).toContain("limit=2");
      }
      pages++;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it("filters by language, district, tag, date range and updated_since", async () => {
    const district = (await get("/api/v1/articles?lang=bg&district=sredets", "/articles")).body.items as Summary[];
    expect(district.length).toBeGreaterThan(2);
    expect(district.every((i) => i.district.id === "sredets" && i.lang === "bg")).toBe(true);

    const tagged = (await get("/api/v1/articles?lang=bg&tag=remont", "/articles")).body.items as Summary[];
    expect(tagged.length).toBeGreaterThan(1);
    expect(tagged.every((i) => i.tags.some((t) => t.slug === "remont"))).toBe(true);

    const range = (await get("/api/v1/articles?lang=bg&from=2026-01-01&to=2026-08-24", "/articles")).body.items as Summary[];
    expect(range.map((i) => i.published.slice(0, 10))).toEqual(["2026-08-24", "2026-06-18"]);

    const since = (await get("/api/v1/articles?lang=bg&updated_since=2026-10-29T00:00:00Z", "/articles")).body.items as Summary[];
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((i) => Date.parse(i.updated) >= Date.parse("2026-10-29T00:00:00Z"))).toBe(true);
    const older = (await get("/api/v1/articles?lang=bg&limit=100", "/articles")).body.items as Summary[];
    expect(since.length).toBeLessThan(older.length);
  });

  it("answers 304 to a matching If-None-Match, with the ETag and cache headers of pages", async () => {
    const { res } = await get("/api/v1/articles?lang=pl", "/articles");
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers["cache-control"]).toContain("max-age=60");
    expect(res.headers["last-modified"]).toBeTruthy();
    const again = await request(portal.app).get("/api/v1/articles?lang=pl").set("If-None-Match", res.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
  });

  it("refuses an unknown parameter, a bad value, a repeated one and a forged cursor with a 400 problem naming it", async () => {
    for (const [url, parameter] of [
      ["/api/v1/articles?utm_source=x", "utm_source"],
      ["/api/v1/articles?limit=500", "limit"],
      ["/api/v1/articles?lang=de", "lang"],
      ["/api/v1/articles?lang=bg&lang=pl", "lang"],
      ["/api/v1/articles?from=2026-02-30", "from"],
      ["/api/v1/articles?district=nowhere", "district"],
      ["/api/v1/articles?cursor=bm9wZQ", "cursor"],
    ] as const) {
      const { body } = await get(url, "/articles", 400);
      expect(body.status).toBe(400);
      expect(
        (body.errors as { parameter: string }[]).map((e) => e.parameter),
        url,
      ).toContain(parameter);
    }
  });

  it("gives the problem title in the language of `lang`, else of Accept-Language (and says it varies)", async () => {
    const pl = await get("/api/v1/articles?lang=pl&limit=0", "/articles", 400);
    expect(pl.body.title).toBe("Nieprawidłowe żądanie");
    const bg = await get("/api/v1/articles?bogus=1", "/articles", 400, { "Accept-Language": "bg-BG" });
    expect(bg.body.title).toBe("Невалидна заявка");
    expect(bg.res.headers.vary).toContain("Accept-Language");
    const pl2 = await get("/api/v1/articles?bogus=1", "/articles", 400, { "Accept-Language": "pl" });
    expect(pl2.body.title).toBe("Nieprawidłowe żądanie");
  });
});

describe("GET /api/v1/articles/{lang}/{slug}", () => {
  it("has every field, the body as HTML and text, picture variants and translations", async () => {
    const list = (await get("/api/v1/articles?lang=bg&from=2026-06-18&to=2026-06-18", "/articles")).body.items as Summary[];
    expect(list).toHaveLength(1);
    const { body } = await get(list[0]!.api.replace(BASE, ""), "/articles/{lang}/{slug}");
    expect(body.id).toBe(list[0]!.id);
    expect(body.title).toBe("Делегация от район „Средец“ гостува в Сопот");
    expect(body.translationKey).toBe("sredets-sopot-2026");
    expect(body.author).toBe("Пресцентър на район „Средец“");
    expect(body.html).toMatch(/<p>/);
    expect(body.text).not.toMatch(/</);
    const image = body.image as { url: string; width: number; variants: { url: string; width: number; type: string }[] };
    expect(image.url).toMatch(/^https:\/\/news\.example\.org\/media\//);
    expect(image.variants.length).toBeGreaterThan(2);
    expect(new Set(image.variants.map((v) => v.type))).toEqual(new Set(["image/avif", "image/webp", "image/jpeg"]));
    expect(image.variants.every((v) => v.width <= image.width)).toBe(true);
    const translations = body.translations as { id: string; lang: string; api: string }[];
    expect(translations.map((t) => t.lang)).toEqual(["pl"]);
    // The translation's API address answers.
    await get(translations[0]!.api.replace(BASE, ""), "/articles/{lang}/{slug}");
  });

  it("is a 404 problem for an unknown or unpublished article", async () => {
    const { body } = await get("/api/v1/articles/bg/no-such-article", "/articles/{lang}/{slug}", 404);
    expect(body.title).toBe("Страницата не е намерена");
    await get("/api/v1/articles/pl/wiosenne-porzadki-2027", "/articles/{lang}/{slug}", 404);
  });
});

describe("GET /api/v1/districts and /api/v1/tags", () => {
  it("lists districts with names in both languages and article counts", async () => {
    const { body } = await get("/api/v1/districts", "/districts");
    const sredets = (body.items as { id: string; name: Record<string, string>; articles: Record<string, number> }[]).find((d) => d.id === "sredets")!;
    expect(sredets.name.bg).toBe("Средец");
    expect(sredets.articles.bg).toBeGreaterThan(2);
  });

  it("lists tags of a language with counts and the API address of their articles", async () => {
    const { body } = await get("/api/v1/tags?lang=bg", "/tags");
    const remont = (body.items as { slug: string; articles: number; api: string }[]).find((t) => t.slug === "remont")!;
    expect(remont.articles).toBeGreaterThan(1);
    const listed = (await get(remont.api.replace(BASE, ""), "/articles")).body.items as unknown[];
    expect(listed.length).toBe(remont.articles);
    await get("/api/v1/tags", "/tags", 400);
  });
});

describe("GET /api/v1/search", () => {
  it("ranks like the site's search page", async () => {
    const { body } = await get(`/api/v1/search?lang=bg&q=${encodeURIComponent("ремонт")}`, "/search");
    const ids = (body.items as { article: Summary }[]).map((h) => h.article.url.replace(BASE, ""));
    expect(ids.length).toBeGreaterThan(0);
    const page = await request(portal.app)
      .get(`/bg/tarsene/?q=${encodeURIComponent("ремонт")}`)
      .expect(200);
    const onPage = [...page.text.matchAll(/<h2[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(onPage.length).toBe(ids.length);
    expect(ids).toEqual(onPage);
  });
});

describe("CORS, methods and unknown paths", () => {
  it("answers a preflight with 204 and the allowed methods", async () => {
    const res = await request(portal.app).options("/api/v1/articles").set("Origin", "https://app.example").set("Access-Control-Request-Method", "GET");
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-allow-methods"]).toContain("GET");
  });

  it("lets other origins read responses (CORP cross-origin) on HEAD too", async () => {
    const res = await request(portal.app).head("/api/v1/districts").expect(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("answers other methods and unknown paths with problem+json", async () => {
    const post = await request(portal.app).post("/api/v1/articles");
    expect(post.status).toBe(405);
    expect(post.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(post.headers.allow).toBe("GET, HEAD, OPTIONS");
    const missing = await request(portal.app).get("/api/v1/nothing");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  });
});

describe("the API page", () => {
  it("exists in both languages with the endpoints, a curl example, the licence and versioning", async () => {
    for (const [path, words] of [
      ["/bg/api/", "CC BY 4.0"],
      ["/pl/api/", "CC BY 4.0"],
    ] as const) {
      const res = await request(portal.app).get(path).expect(200);
      expect(res.text).toContain(words);
      expect(res.text).toContain("curl 'https://news.example.org/api/v1/articles?lang=");
      expect(res.text).toContain("/api/v1/openapi.json");
    }
  });
});
