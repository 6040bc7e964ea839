// Shared by the SEO tests: strict XML parsing, the sitemap crawl and reading <head> tags.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import request from "supertest";
import type { Express } from "express";

export const BASE = "https://news.example.org";

/** Elements that may repeat (Atom <link> only: in RSS it is the one channel/item link). */
const LISTS = new Set(["url", "sitemap", "xhtml:link", "item", "entry", "category", "link"]);

/** Parses XML after checking it is well-formed; repeated elements always come back as arrays. */
export function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    isArray: (name, jpath) => LISTS.has(name) && (name !== "link" || String(jpath).startsWith("feed")),
  }).parse(text) as Record<string, unknown>;
}

export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod: string;
  /** hreflang → href */
  readonly alternates: Record<string, string>;
}

interface RawUrl {
  loc: string;
  lastmod: string;
  "xhtml:link"?: { "@_rel": string; "@_hreflang": string; "@_href": string }[];
}

/** Every <url> of every sitemap the index names (the news sitemap is read separately). */
export async function crawlSitemaps(app: Express): Promise<{ files: string[]; urls: SitemapUrl[] }> {
  const index = parseXml((await request(app).get("/sitemap.xml").expect(200)).text) as { sitemapindex: { sitemap: { loc: string }[] } };
  const files = index.sitemapindex.sitemap.map((s) => s.loc);
  const urls: SitemapUrl[] = [];
  for (const file of files.filter((f) => !f.endsWith("/sitemap-news.xml"))) {
    const doc = parseXml((await request(app).get(file.slice(BASE.length)).expect(200)).text) as { urlset: { url?: RawUrl[] } };
    for (const u of doc.urlset.url ?? []) {
      urls.push({ loc: u.loc, lastmod: u.lastmod, alternates: Object.fromEntries((u["xhtml:link"] ?? []).map((l) => [l["@_hreflang"], l["@_href"]])) });
    }
  }
  return { files, urls };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/gi)].map((m) => [m[1]!.toLowerCase(), decode(m[2]!)]));
}

/** The tags of <head> a crawler reads. */
export function readHead(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  const metas = [...head.matchAll(/<meta\s[^>]*>/g)].map((m) => attrs(m[0]));
  const links = [...head.matchAll(/<link\s[^>]*>/g)].map((m) => attrs(m[0]));
  const og = (property: string) => metas.filter((m) => m.property === property).map((m) => m.content!);
  return {
    title: decode(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? ""),
    canonical: links.find((l) => l.rel === "canonical")?.href,
    hreflang: Object.fromEntries(links.filter((l) => l.rel === "alternate" && l.hreflang).map((l) => [l.hreflang!, l.href!])),
    feeds: links.filter((l) => l.rel === "alternate" && l.type).map((l) => ({ type: l.type!, title: l.title!, href: l.href! })),
    og,
    meta: (name: string) => metas.find((m) => m.name === name)?.content,
    jsonLd: [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>),
    scriptCount: (html.match(/<script\b/g) ?? []).length,
  };
}

/** The fixture's unpublished articles (a draft, a scheduled one, an expired one), by slug part. */
export const UNPUBLISHED = ["podryazvane", "wiosenne-porzadki", "zimna-gotovnost"];

/** W3C Datetime / RFC 3339 with seconds and an explicit offset. */
export const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
