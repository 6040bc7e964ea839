// Bulk export for open-data portals: every published article of a language as JSON Lines
// (each line an API Article, validated against the OpenAPI document), built once per
// content version, with a DCAT-AP style catalogue that names licence, publisher,
// temporal coverage, update frequency and the download of each language.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { responseValidator } from "./openapi-validator.js";

const BASE = "https://news.example.org";
let portal: TestPortal;
let doc: Parameters<typeof responseValidator>[0];

beforeAll(async () => {
  portal = await createTestPortal();
  doc = JSON.parse((await request(portal.app).get("/api/v1/openapi.json")).text) as typeof doc;
});
afterAll(() => portal.close());

async function lines(lang: string): Promise<{ id: string; lang: string; text: string }[]> {
  const res = await request(portal.app)
    .get(`/api/v1/export/${lang}.jsonl`)
    .buffer(true)
    .parse((r, done) => {
      let text = "";
      r.setEncoding("utf8");
      r.on("data", (c: string) => (text += c));
      r.on("end", () => done(null, text));
    });
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("application/jsonl; charset=utf-8");
  const text = res.body as string;
  expect(text.endsWith("\n")).toBe(true);
  return text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; lang: string; text: string });
}

describe("bulk export", () => {
  it("has every published article of the language, one API Article per line", async () => {
    const listed = JSON.parse((await request(portal.app).get("/api/v1/articles?lang=pl&limit=100")).text) as { items: { id: string }[] };
    const rows = await lines("pl");
    expect(rows.map((r) => r.id).sort()).toEqual(listed.items.map((i) => i.id).sort());
    // Validated with the document's Article schema, like every API response.
    const validate = responseValidator({
      ...doc,
      paths: { "/line": { get: { responses: { 200: { content: { "application/json": { schema: { $ref: "#/components/schemas/Article" } } } } } } } },
    });
    for (const row of rows) validate("/line", 200, "application/json", row);
  });

  it("is built once per content version and answers 304 to its ETag", async () => {
    await lines("bg");
    const dir = path.join(portal.dataDir, "export");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith("-bg.jsonl"));
    expect(files).toHaveLength(1);
    const mtime = fs.statSync(path.join(dir, files[0]!)).mtimeMs;
    const res = await request(portal.app).head("/api/v1/export/bg.jsonl").expect(200);
    expect(fs.statSync(path.join(dir, files[0]!)).mtimeMs).toBe(mtime);
    await request(portal.app).get("/api/v1/export/bg.jsonl").set("If-None-Match", res.headers.etag!).expect(304);
  });

  it("is described by a DCAT-AP catalogue: licence, publisher, temporal coverage, frequency, download", async () => {
    const res = await request(portal.app).get("/api/v1/export/catalog.json").expect(200);
    expect(res.headers["content-type"]).toBe("application/ld+json; charset=utf-8");
    const catalog = JSON.parse(res.text) as { "@type": string; "dcat:dataset": Record<string, unknown>[] };
    expect(catalog["@type"]).toBe("dcat:Catalog");
    const datasets = catalog["dcat:dataset"];
    expect(datasets).toHaveLength(2);
    for (const d of datasets) {
      expect(d["dct:license"]).toEqual({ "@id": "https://creativecommons.org/licenses/by/4.0/" });
      expect(d["dct:accrualPeriodicity"]).toEqual({ "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY" });
      expect((d["dct:publisher"] as Record<string, string>)["foaf:name"]).toBeTruthy();
      expect((d["dct:temporal"] as Record<string, string>)["dcat:startDate"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const download = (d["dcat:distribution"] as Record<string, { "@id": string }>[])[0]!["dcat:downloadURL"]!["@id"];
      expect(download).toMatch(new RegExp(`^${BASE}/api/v1/export/(bg|pl)\\.jsonl$`));
    }
  });

  it("is linked from the API page of each language", async () => {
    const page = await request(portal.app).get("/pl/api/").expect(200);
    expect(page.text).toContain(`${BASE}/api/v1/export/pl.jsonl`);
    expect(page.text).toContain(`${BASE}/api/v1/export/catalog.json`);
  });
});
