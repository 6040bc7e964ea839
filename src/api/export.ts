// Bulk export for open-data portals (data.egov.bg, dane.gov.pl): every published article
// of a language as JSON Lines (one API Article object per line), and a DCAT-AP style
// catalogue describing the files. A file is built on the first request after the content
// changes — one build per content version, shared by concurrent requests — and kept in
// DATA_DIR/export/, so a crawler fetching it nightly costs one build a day at most.
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import type { Request, Response } from "express";
import type { Locale } from "../config.js";
import { LOCALES } from "../config.js";
import { toIsoWithOffset } from "../content/dates.js";
import type { AppDeps } from "../web/deps.js";
import { urls } from "../site/urls.js";
import { API_BASE } from "./openapi.js";
import { articleJson } from "./present.js";

export const JSONL_TYPE = "application/jsonl; charset=utf-8";
const FREQUENCY_DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY";
const CC_BY = "https://creativecommons.org/licenses/by/4.0/";

export const exportUrls = {
  file: (lang: Locale) => `${API_BASE}/export/${lang}.jsonl`,
  catalog: () => `${API_BASE}/export/catalog.json`,
};

export function createExporter(deps: AppDeps) {
  const dir = path.join(deps.config.dataDir, "export");
  const building = new Map<string, Promise<string>>();

  async function build(lang: Locale, version: string, file: string): Promise<string> {
    fs.mkdirSync(dir, { recursive: true });
    const now = deps.index.now();
    // Collected first: better-sqlite3 runs no other query on the connection while iterating.
    const slugs = [...deps.index.articles.published(now)].filter((a) => a.lang === lang).map((a) => a.slug);
    const tmp = `${file}.${process.pid}.tmp`;
    const out = fs.createWriteStream(tmp);
    try {
      for (const slug of slugs) {
        const a = deps.index.articles.bySlug(lang, slug, now);
        if (!a) continue;
        if (!out.write(`${JSON.stringify(articleJson(deps, a, now))}\n`)) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      fs.renameSync(tmp, file);
    } catch (cause) {
      out.destroy();
      fs.rmSync(tmp, { force: true });
      throw new Error(`Building the ${lang} export failed`, { cause });
    }
    // Files of older content versions are no longer served.
    for (const name of fs.readdirSync(dir))
      if (name.endsWith(`-${lang}.jsonl`) && !name.startsWith(`${version}-`)) fs.rmSync(path.join(dir, name), { force: true });
    return file;
  }

  /** The export file of the current content version, built if needed. */
  function fileFor(lang: Locale): { version: string; file: Promise<string> } {
    const version = deps.index.version();
    const file = path.join(dir, `${version}-${lang}.jsonl`);
    if (fs.existsSync(file)) return { version, file: Promise.resolve(file) };
    let pending = building.get(file);
    if (!pending) {
      pending = build(lang, version, file).finally(() => building.delete(file));
      building.set(file, pending);
    }
    return { version, file: pending };
  }

  return {
    async send(req: Request, res: Response, lang: Locale): Promise<void> {
      const { version, file } = fileFor(lang);
      const ready = await file;
      const etag = `"export-${version}-${lang}"`;
      res.setHeader("Content-Type", JSONL_TYPE);
      res.setHeader("ETag", etag);
      res.setHeader("Last-Modified", new Date(deps.index.versionSince()).toUTCString());
      res.setHeader("Cache-Control", "public, max-age=3600");
      res.setHeader("Content-Disposition", `attachment; filename="news-${lang}.jsonl"`);
      if (req.headers["if-none-match"]?.split(",").some((v) => v.trim() === etag)) {
        res.status(304).end();
        return;
      }
      res.setHeader("Content-Length", fs.statSync(ready).size);
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      fs.createReadStream(ready)
        .on("error", (err) => res.destroy(err))
        .pipe(res);
    },

    /** DCAT-AP style metadata (JSON-LD): a catalogue with one dataset per language. */
    catalog(): object {
      const base = deps.config.baseUrl;
      const now = deps.index.now();
      const span = new Map<Locale, { first: number; last: number }>();
      for (const a of deps.index.articles.published(now)) {
        const s = span.get(a.lang);
        span.set(a.lang, { first: Math.min(s?.first ?? a.date, a.date), last: Math.max(s?.last ?? a.date, a.date) });
      }
      const t = (l: Locale) => deps.i18n.t(l);
      const publisher = (l: Locale) => ({ "@type": "foaf:Agent", "foaf:name": t(l)("site.publisher") });
      return {
        "@context": {
          dcat: "http://www.w3.org/ns/dcat#",
          dct: "http://purl.org/dc/terms/",
          foaf: "http://xmlns.com/foaf/0.1/",
          xsd: "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": base + exportUrls.catalog(),
        "@type": "dcat:Catalog",
        "dct:title": LOCALES.map((l) => ({ "@language": l, "@value": t(l)("site.name") })),
        "dct:description": LOCALES.map((l) => ({ "@language": l, "@value": t(l)("api.description") })),
        "dct:publisher": publisher(deps.config.defaultLocale),
        "dct:license": { "@id": CC_BY },
        "foaf:homepage": { "@id": base + urls.api(deps.config.defaultLocale) },
        "dcat:dataset": LOCALES.map((l) => {
          const tz = deps.config.timeZones[l];
          const s = span.get(l);
          return {
            "@id": `${base}${exportUrls.file(l)}#dataset`,
            "@type": "dcat:Dataset",
            "dct:title": { "@language": l, "@value": `${t(l)("feeds.all")} — ${t(l)("site.name")}` },
            "dct:description": { "@language": l, "@value": t(l)("site.description") },
            "dct:language": { "@id": `http://publications.europa.eu/resource/authority/language/${l === "bg" ? "BUL" : "POL"}` },
            "dct:publisher": publisher(l),
            "dct:license": { "@id": CC_BY },
            "dct:accrualPeriodicity": { "@id": FREQUENCY_DAILY },
            "dct:modified": { "@type": "xsd:dateTime", "@value": toIsoWithOffset(deps.index.versionSince(), tz) },
            ...(s
              ? {
                  "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": toIsoWithOffset(s.first, tz).slice(0, 10),
                    "dcat:endDate": toIsoWithOffset(s.last, tz).slice(0, 10),
                  },
                }
              : {}),
            "dcat:landingPage": { "@id": base + urls.api(l) },
            "dcat:distribution": [
              {
                "@type": "dcat:Distribution",
                "dct:title": "JSON Lines",
                "dcat:downloadURL": { "@id": base + exportUrls.file(l) },
                "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/application/jsonl" },
                "dct:license": { "@id": CC_BY },
                "dct:conformsTo": { "@id": `${base}${API_BASE}/openapi.json#/components/schemas/Article` },
              },
            ],
          };
        }),
      };
    },
  };
}
