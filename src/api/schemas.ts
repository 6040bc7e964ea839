// The JSON API's shapes, defined once: the routes build responses of these types, the
// tests validate every response against the OpenAPI document generated from them
// (openapi.ts), and the query schemas both parse requests and describe the parameters.
// v1 only ever grows: a field may be added, none renamed, retyped or removed.
import { z } from "zod";
import { LOCALES } from "../config.js";
import { ALERT_KINDS, ALERT_SEVERITIES } from "../content/alert-schema.js";
import { DISTRICT_ID_PATTERN, SLUG_PATTERN } from "../content/schema.js";

/** Components of the OpenAPI document, by name. */
export const registry = z.registry<{ id: string }>();

const isoDateTime = z.string().describe("ISO 8601 date-time with the offset of the article's time zone, e.g. 2026-11-12T00:00:00+02:00");
const absoluteUrl = z.string().describe("Absolute URL");

export const Lang = z.enum(LOCALES).describe("Language: bg (Sofia districts) or pl (Gdańsk–Gdynia–Sopot)");

export const PictureVariant = z
  .object({
    url: absoluteUrl,
    width: z.int(),
    height: z.int(),
    type: z.string().describe("Media type: image/avif, image/webp, image/jpeg or image/png"),
  })
  .register(registry, { id: "PictureVariant" });

export const Picture = z
  .object({
    url: absoluteUrl.describe("The original file"),
    width: z.int(),
    height: z.int(),
    bytes: z.int(),
    type: z.string(),
    alt: z.string(),
    caption: z.string().nullable(),
    variants: z.array(PictureVariant).describe("Resized copies, made on first request; never wider than the original"),
  })
  .register(registry, { id: "Picture" });

export const TagRef = z.object({ slug: z.string(), name: z.string(), url: absoluteUrl }).register(registry, { id: "TagRef" });

export const DistrictRef = z.object({ id: z.string(), name: z.string(), url: absoluteUrl }).register(registry, { id: "DistrictRef" });

export const Event = z
  .object({
    start: z.string().describe("A day (YYYY-MM-DD) for an all-day event, else a date-time with offset"),
    end: z.string().nullable(),
    allDay: z.boolean(),
    place: z.string(),
    address: z.string().nullable(),
    geo: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    online: z.string().nullable(),
    ics: absoluteUrl.describe('The event as iCalendar, for "add to calendar"'),
  })
  .register(registry, { id: "Event" });

export const ArticleSummary = z
  .object({
    id: z.string().describe("Stable id: language/slug, the same on every server built from the same content"),
    lang: Lang,
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    published: isoDateTime,
    updated: isoDateTime.describe("Last change (the newest change note, else the file's last edit); equals published when never changed"),
    district: DistrictRef,
    tags: z.array(TagRef),
    author: z.string().nullable(),
    image: Picture.nullable(),
    event: Event.nullable().describe("The event the article announces, if any"),
    url: absoluteUrl.describe("Canonical page of the article"),
    api: absoluteUrl.describe("This article in the API"),
  })
  .register(registry, { id: "ArticleSummary" });

export const Translation = z
  .object({ id: z.string(), lang: Lang, title: z.string(), url: absoluteUrl, api: absoluteUrl })
  .register(registry, { id: "Translation" });

export const ChangeNote = z.object({ date: isoDateTime, note: z.string() }).register(registry, { id: "ChangeNote" });

export const Article = ArticleSummary.extend({
  expires: isoDateTime.nullable(),
  translationKey: z.string().nullable(),
  aliases: z.array(z.string()).describe("Old paths that redirect to the article"),
  html: z.string().describe("Rendered body (HTML, relative links made absolute)"),
  text: z.string().describe("Plain-text body"),
  translations: z.array(Translation),
  changes: z.array(ChangeNote).describe("What changed since publication, newest first; the newest date is `updated`"),
}).register(registry, { id: "Article" });

export const ArticlePage = z
  .object({
    items: z.array(ArticleSummary),
    next: absoluteUrl.nullable().describe("The next page (same filters, a cursor); null on the last page"),
  })
  .register(registry, { id: "ArticlePage" });

/** One value per language ({ bg, pl }). */
const perLang = <T extends z.ZodType>(value: T) => z.object(Object.fromEntries(LOCALES.map((l) => [l, value])) as Record<(typeof LOCALES)[number], T>);

export const District = z
  .object({
    id: z.string(),
    name: perLang(z.string()),
    municipality: perLang(z.string()),
    website: z.string().nullable(),
    articles: perLang(z.int()).describe("Published articles per language"),
    url: perLang(absoluteUrl),
  })
  .register(registry, { id: "District" });

export const DistrictList = z.object({ items: z.array(District) }).register(registry, { id: "DistrictList" });

export const Tag = z.object({ slug: z.string(), name: z.string(), articles: z.int(), url: absoluteUrl, api: absoluteUrl }).register(registry, { id: "Tag" });

export const TagList = z.object({ items: z.array(Tag) }).register(registry, { id: "TagList" });

export const SearchHit = z
  .object({ article: ArticleSummary, snippet: z.string().describe("Text around the words found") })
  .register(registry, { id: "SearchHit" });

export const SearchResults = z
  .object({
    query: z.string(),
    total: z.int(),
    page: z.int(),
    pages: z.int(),
    items: z.array(SearchHit),
    next: absoluteUrl.nullable(),
  })
  .register(registry, { id: "SearchResults" });

export const EventPage = z
  .object({
    items: z.array(ArticleSummary).describe("Articles with an event: upcoming first (soonest first), then past (latest first)"),
    page: z.int(),
    pages: z.int(),
    next: absoluteUrl.nullable(),
  })
  .register(registry, { id: "EventPage" });

export const Alert = z
  .object({
    id: z.string().describe("Stable id: language/slug (the alert's address), the same on every server built from the same content"),
    identifier: z.string().describe("CAP identifier of this version of the alert; changes when the alert is edited"),
    lang: Lang,
    title: z.string(),
    kind: z.enum(ALERT_KINDS).describe("What is affected"),
    severity: z.enum(ALERT_SEVERITIES),
    state: z.enum(["current", "upcoming", "ended"]).describe("At the time of the response"),
    allDistricts: z.boolean().describe("True when the alert concerns every district (then `districts` is empty)"),
    districts: z.array(DistrictRef),
    start: isoDateTime,
    end: isoDateTime,
    area: z.string().nullable().describe("Streets or places concerned, as free text"),
    html: z.string().describe("Body (HTML, relative links made absolute)"),
    text: z.string().describe("Plain-text body"),
    url: absoluteUrl.describe("The alert's page"),
    cap: absoluteUrl.describe("This version as a CAP 1.2 message (application/cap+xml)"),
  })
  .register(registry, { id: "Alert" });

export const AlertPage = z
  .object({
    items: z.array(Alert).describe("Current and upcoming alerts by start; ended ones latest end first"),
    page: z.int(),
    pages: z.int(),
    next: absoluteUrl.nullable(),
  })
  .register(registry, { id: "AlertPage" });

/** RFC 9457 problem details. */
export const Problem = z
  .object({
    type: z.string().describe("about:blank: the status code says it all"),
    title: z.string().describe("Short description in the language asked for (lang, else Accept-Language)"),
    status: z.int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string() }))
      .optional()
      .describe("One entry per invalid query parameter"),
  })
  .register(registry, { id: "Problem" });

// ---- Query parameters: strict, so an unknown parameter is a 400, never silently ignored.

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("A calendar day, YYYY-MM-DD (in the language's time zone)");
const dateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?$/)
  .describe("YYYY-MM-DD, or a date-time with offset such as 2026-11-01T00:00:00Z");

export const ArticlesQuery = z.strictObject({
  lang: Lang.optional(),
  district: z.string().regex(DISTRICT_ID_PATTERN).max(100).optional().describe("District id, from /api/v1/districts"),
  tag: z.string().regex(SLUG_PATTERN).max(100).optional().describe("Tag slug, from /api/v1/tags"),
  from: date.optional().describe("Published on or after this day"),
  to: date.optional().describe("Published on or before this day"),
  updated_since: dateOrTime.optional().describe("Changed (or published) at or after this moment"),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/)
    .transform(Number)
    .refine((n) => n <= 100, "at most 100")
    .optional()
    .describe("Items per page, 1–100 (default 20)"),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/)
    .optional()
    .describe("Opaque: copy it from `next`"),
});

export const LangOnlyQuery = z.strictObject({ lang: Lang.optional().describe("Language of problem titles") });

export const TagsQuery = z.strictObject({ lang: Lang });

export const EventsQuery = z.strictObject({
  lang: Lang,
  district: z.string().regex(DISTRICT_ID_PATTERN).max(100).optional().describe("District id, from /api/v1/districts"),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/)
    .transform(Number)
    .optional()
    .describe("Page, 20 events each"),
});

export const AlertsQuery = z.strictObject({
  lang: Lang,
  district: z.string().regex(DISTRICT_ID_PATTERN).max(100).optional().describe("District id, from /api/v1/districts: its alerts and those for every district"),
  state: z.enum(["current", "upcoming", "ended"]).optional().describe("Only alerts in this state now (default: current and upcoming)"),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/)
    .transform(Number)
    .optional()
    .describe("Page, 20 alerts each"),
});

export const SearchQuery = z.strictObject({
  lang: Lang,
  q: z.string().min(1).max(200),
  district: z.string().regex(DISTRICT_ID_PATTERN).max(100).optional(),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/)
    .transform(Number)
    .optional()
    .describe("Result page, 10 results each"),
});

export type ArticleSummaryT = z.infer<typeof ArticleSummary>;
export type ArticleT = z.infer<typeof Article>;
