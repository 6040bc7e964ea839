// The single source of truth for what editors may write. Everything else (the loader,
// the index rows, the page models) uses the types inferred here.
import { z } from "zod";
import { LOCALES } from "../config.js";
import { dateProblem } from "./dates.js";
import { eventTimeProblem } from "./event-time.js";
import type { MessageId } from "./messages/index.js";
import { zodMessage as m } from "./zod-issues.js";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DISTRICT_ID_PATTERN = /^[a-z0-9-]+$/;

/** A required text field, trimmed and bounded; `what` completes "add …" in its messages. */
export const text = (what: MessageId, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? m("field.requiredWhat", { what: { id: what } }) : m("field.notText")) })
    .trim()
    .min(1, m("field.empty", { what: { id: what } }))
    .max(max, m("field.tooLong", { max }));

const dateString = z
  .string({ error: (issue) => (issue.input === undefined ? m("date.required") : m("date.notText")) })
  .superRefine((value, ctx) => {
    const problem = dateProblem(value.trim());
    if (problem) ctx.addIssue({ code: "custom", message: m(problem.id, problem.params) });
  })
  .transform((value) => value.trim());

const slug = z
  .string({ error: m("field.notTextPlain") })
  .regex(SLUG_PATTERN, m("slug.pattern"))
  .max(100, m("field.tooLong", { max: 100 }));

/** An old URL path that should answer 301 to the article. */
const aliasPath = z
  .string({ error: m("field.notTextPlain") })
  .regex(/^\/[a-z0-9/._~-]*$/i, m("aliases.pattern"))
  .refine((p) => !p.split("/").some((seg) => seg === ".." || seg === "."), m("aliases.dots"))
  .max(300, m("field.tooLong", { max: 300 }));

export const imageSchema = z.strictObject(
  {
    src: z
      .string({ error: m("image.srcRequired") })
      .min(1, m("image.srcEmpty"))
      .refine((s) => !/^[a-z]+:/i.test(s) && !s.startsWith("/") && !s.split(/[\\/]/).includes(".."), m("image.srcOutside")),
    alt: text("what.alt", 300),
    caption: text("what.caption", 500).optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? m("image.notGroup") : undefined) },
);

const eventTime = z
  .string({ error: (issue) => (issue.input === undefined ? m("event.timeRequired") : m("event.timeNotText")) })
  .superRefine((value, ctx) => {
    const problem = eventTimeProblem(value.trim());
    if (problem) ctx.addIssue({ code: "custom", message: m(problem.id, problem.params) });
  })
  .transform((value) => value.trim());

const coordinate = (what: string, limit: number) =>
  z
    .number({ error: m("geo.notNumber", { example: what === "lat" ? "42.68" : "23.32" }) })
    .min(-limit, m("field.numberRange", { min: -limit, max: limit }))
    .max(limit, m("field.numberRange", { min: -limit, max: limit }));

/** A happening the article announces: shown with "add to calendar", in iCalendar feeds and the events pages. */
export const eventSchema = z.strictObject(
  {
    start: eventTime,
    end: eventTime.optional(),
    place: text("what.place", 200),
    address: text("what.address", 300).optional(),
    geo: z
      .strictObject({ lat: coordinate("lat", 90), lon: coordinate("lon", 180) }, { error: (issue) => (issue.code === "invalid_type" ? m("geo.notGroup") : undefined) })
      .optional(),
    online: z.url({ protocol: /^https?$/, error: m("field.url") }).optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? m("event.notGroup") : undefined) },
);

/** One entry of an article's change history, shown at its end ("see all updates"). */
export const changeSchema = z.strictObject(
  {
    date: dateString,
    note: text("what.changeNote", 500),
  },
  { error: (issue) => (issue.code === "invalid_type" ? m("changes.notGroup") : undefined) },
);

export const frontMatterSchema = z.strictObject({
  title: text("what.title", 200),
  date: dateString,
  summary: text("what.summary", 400).optional(),
  tags: z
    .array(text("what.tag", 60), { error: m("tags.notList") })
    .max(20, m("tags.tooMany", { max: 20 }))
    .default([]),
  author: text("what.author", 200).optional(),
  updated: dateString.optional(),
  image: imageSchema.optional(),
  draft: z.boolean({ error: m("field.notBoolean") }).default(false),
  expires: dateString.optional(),
  slug: slug.optional(),
  translationKey: z
    .string({ error: m("field.notTextPlain") })
    .regex(/^[A-Za-z0-9._-]{1,100}$/, m("translationKey.pattern"))
    .optional(),
  aliases: z.array(aliasPath, { error: m("aliases.notList") }).max(50).default([]),
  event: eventSchema.optional(),
  // The newest note's date is the article's `updated` date everywhere (content/article.ts).
  changes: z
    .array(changeSchema, { error: m("changes.notList") })
    .max(100, m("changes.tooMany", { max: 100 }))
    .default([]),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type ImageFrontMatter = z.infer<typeof imageSchema>;
export type ChangeFrontMatter = z.infer<typeof changeSchema>;
export type EventFrontMatter = z.infer<typeof eventSchema>;

const localizedError = (issue: { code: string; input?: unknown }) =>
  issue.code === "invalid_type"
    ? issue.input === undefined
      ? m("localized.required", { langs: LOCALES.join(", ") })
      : m("localized.notGroup", { langs: LOCALES.join(", ") })
    : undefined;

const localized = (what: MessageId) =>
  z.strictObject({ bg: text(what, 2000), pl: text(what, 2000) }, { error: localizedError });

const localizedOptional = (what: MessageId) =>
  z.strictObject({ bg: text(what, 5000).optional(), pl: text(what, 5000).optional() }, { error: localizedError });

export const districtSchema = z.strictObject({
  name: localized("what.name"),
  municipality: localized("what.municipality"),
  description: localizedOptional("what.description").optional(),
  website: z
    .url({ protocol: /^https?$/, error: m("field.url") })
    .optional(),
  // The links a public body must show (district pages and the footer): its BIP page
  // (Poland: Biuletyn Informacji Publicznej), its "Достъп до информация" section (Bulgaria:
  // ЗДОИ art. 15a) and its accessibility statement.
  bip: z.url({ protocol: /^https?$/, error: m("district.link") }).optional(),
  accessToInformation: z.url({ protocol: /^https?$/, error: m("district.link") }).optional(),
  accessibilityStatement: z.url({ protocol: /^https?$/, error: m("district.link") }).optional(),
});

export type DistrictFile = z.infer<typeof districtSchema>;
