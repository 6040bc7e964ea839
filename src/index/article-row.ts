// The articles table's row as SQLite returns it, and the decoding of its JSON columns
// through zod. One definition for every reader: the queries (articles.ts) and the last
// valid version read from a replaced index file (last-good.ts).
import { z } from "zod";
import type { Locale } from "../config.js";
import type { ArticleEvent, ArticleImage, ChangeNote } from "../content/article.js";
import { decodeJson, lineMap, stringList } from "./json.js";

export interface ArticleRow {
  id: number;
  file: string;
  lang: Locale;
  district: string;
  slug: string;
  title: string;
  summary: string;
  date: number;
  updated: number | null;
  modified: number | null;
  expires: number | null;
  draft: number;
  author: string | null;
  /** JSON list of tag names. */
  tags: string;
  /** JSON ArticleImage, NULL when none. */
  image: string | null;
  translation_key: string | null;
  /** JSON ArticleEvent, NULL when none; absent in an index made before events existed. */
  event?: string | null;
  /** Read by the page and last-good queries only (not by list pages). */
  aliases?: string;
  links?: string;
  lines?: string;
  /** JSON ChangeNote list; absent in an index made before change notes existed. */
  changes?: string;
  hash?: string;
  html?: string;
  text?: string;
  /** The Markdown of a body not rendered yet (body_backlog), selected by the page query. */
  later?: string | null;
}

// JSON.stringify leaves out undefined fields: each optional one is read back as undefined.
const imageSchema = z
  .object({
    url: z.string(),
    width: z.number(),
    height: z.number(),
    rel: z.string(),
    bytes: z.number(),
    format: z.string(),
    alt: z.string(),
    caption: z.string().optional(),
  })
  .transform((i): ArticleImage => ({
    url: i.url,
    width: i.width,
    height: i.height,
    rel: i.rel,
    bytes: i.bytes,
    format: i.format,
    alt: i.alt,
    caption: i.caption,
  }));

const eventSchema = z
  .object({
    start: z.number(),
    end: z.number().optional(),
    allDay: z.boolean(),
    place: z.string(),
    address: z.string().optional(),
    geo: z.object({ lat: z.number(), lon: z.number() }).optional(),
    online: z.string().optional(),
  })
  .transform((e): ArticleEvent => ({ start: e.start, end: e.end, allDay: e.allDay, place: e.place, address: e.address, geo: e.geo, online: e.online }));

const changesSchema = z.array(z.object({ date: z.number(), note: z.string() })) satisfies z.ZodType<ChangeNote[]>;

export const decodeTags = (r: Pick<ArticleRow, "tags">): string[] => decodeJson(stringList, r.tags, "articles.tags");
export const decodeImage = (r: Pick<ArticleRow, "image">): ArticleImage | undefined =>
  r.image ? decodeJson(imageSchema, r.image, "articles.image") : undefined;
export const decodeEvent = (r: Pick<ArticleRow, "event">): ArticleEvent | undefined =>
  r.event ? decodeJson(eventSchema, r.event, "articles.event") : undefined;
export const decodeChanges = (r: Pick<ArticleRow, "changes">): ChangeNote[] => decodeJson(changesSchema, r.changes ?? "[]", "articles.changes");
export const decodeList = (text: string | undefined, column: "aliases" | "links"): string[] => decodeJson(stringList, text ?? "[]", `articles.${column}`);
export const decodeLines = (text: string | undefined): Record<string, number> => decodeJson(lineMap, text ?? "{}", "articles.lines");
