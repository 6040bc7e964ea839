// The single source of truth for what editors may write. Everything else (the loader,
// the index rows, the page models) uses the types inferred here.
import { z } from "zod";
import { LOCALES } from "../config.js";
import { dateProblem } from "./dates.js";
import { eventTimeProblem } from "./event-time.js";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DISTRICT_ID_PATTERN = /^[a-z0-9-]+$/;

/** A required text field, trimmed and bounded; `what` completes "add …" in its messages. */
export const text = (what: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required — add ${what}` : `must be text — put it in quotes`) })
    .trim()
    .min(1, `is empty — write ${what}`)
    .max(max, `is longer than ${max} characters — shorten it`);

const dateString = z
  .string({ error: (issue) => (issue.input === undefined ? "is required — add a date as YYYY-MM-DD" : "must be a date written as YYYY-MM-DD") })
  .superRefine((value, ctx) => {
    const problem = dateProblem(value.trim());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value.trim());

const slug = z
  .string({ error: "must be text" })
  .regex(SLUG_PATTERN, "may contain only lower-case letters a-z, digits and single hyphens, such as novi-parkove")
  .max(100, "is longer than 100 characters — shorten it");

/** An old URL path that should answer 301 to the article. */
const aliasPath = z
  .string({ error: "must be text" })
  .regex(/^\/[a-z0-9/._~-]*$/i, "must be a path starting with /, such as /bg/novini/stara-novina/")
  .refine((p) => !p.split("/").some((seg) => seg === ".." || seg === "."), "must not contain . or .. segments")
  .max(300, "is longer than 300 characters");

export const imageSchema = z.strictObject(
  {
    src: z
      .string({ error: "is required — name the image file, relative to the article" })
      .min(1, "is empty — name the image file")
      .refine((s) => !/^[a-z]+:/i.test(s) && !s.startsWith("/") && !s.split(/[\\/]/).includes(".."), "must be a file beside the article (relative path, no .., no URL)"),
    alt: text("a short description of the picture for people who cannot see it", 300),
    caption: text("a caption", 500).optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? "must be a group with src, alt and caption" : undefined) },
);

const eventTime = z
  .string({ error: (issue) => (issue.input === undefined ? "is required — add a day as YYYY-MM-DD or a time such as 2027-03-28T10:00" : "must be a day written as YYYY-MM-DD or a time such as 2027-03-28T10:00") })
  .superRefine((value, ctx) => {
    const problem = eventTimeProblem(value.trim());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value.trim());

const coordinate = (what: string, limit: number) =>
  z.number({ error: `must be a number, such as ${what === "lat" ? "42.68" : "23.32"}` }).min(-limit, `must be between -${limit} and ${limit}`).max(limit, `must be between -${limit} and ${limit}`);

/** A happening the article announces: shown with "add to calendar", in iCalendar feeds and the events pages. */
export const eventSchema = z.strictObject(
  {
    start: eventTime,
    end: eventTime.optional(),
    place: text("the name of the place, such as Читалище „Светлина“", 200),
    address: text("the street address", 300).optional(),
    geo: z
      .strictObject({ lat: coordinate("lat", 90), lon: coordinate("lon", 180) }, { error: (issue) => (issue.code === "invalid_type" ? "must be a group with lat and lon, such as lat: 42.68 and lon: 23.32" : undefined) })
      .optional(),
    online: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? "must be a group with start, place and optionally end, address, geo, online" : undefined) },
);

/** One entry of an article's change history, shown at its end ("see all updates"). */
export const changeSchema = z.strictObject(
  {
    date: dateString,
    note: text("what changed, in a sentence", 500),
  },
  { error: (issue) => (issue.code === "invalid_type" ? "must be a group with date and note, such as - date: 2026-11-03 / note: The meeting starts at 18:00" : undefined) },
);

export const frontMatterSchema = z.strictObject({
  title: text("a title", 200),
  date: dateString,
  summary: text("a summary", 400).optional(),
  tags: z
    .array(text("a tag", 60), { error: "must be a list, such as [obuchenie, transport]" })
    .max(20, "has more than 20 tags — keep the few that matter")
    .default([]),
  author: text("the author", 200).optional(),
  updated: dateString.optional(),
  image: imageSchema.optional(),
  draft: z.boolean({ error: "must be true or false" }).default(false),
  expires: dateString.optional(),
  slug: slug.optional(),
  translationKey: z
    .string({ error: "must be text" })
    .regex(/^[A-Za-z0-9._-]{1,100}$/, "may contain only letters a-z, digits, '.', '_' and '-'")
    .optional(),
  aliases: z.array(aliasPath, { error: "must be a list of paths" }).max(50).default([]),
  event: eventSchema.optional(),
  // The newest note's date is the article's `updated` date everywhere (content/article.ts).
  changes: z
    .array(changeSchema, { error: "must be a list of changes, each with - date: and note:" })
    .max(100, "has more than 100 changes — keep those readers need")
    .default([]),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type ImageFrontMatter = z.infer<typeof imageSchema>;
export type ChangeFrontMatter = z.infer<typeof changeSchema>;
export type EventFrontMatter = z.infer<typeof eventSchema>;

const localizedError = (issue: { code: string; input?: unknown }) =>
  issue.code === "invalid_type"
    ? issue.input === undefined
      ? `is required — add ${LOCALES.join(" and ")} entries`
      : `must have one entry per language: ${LOCALES.join(", ")}`
    : undefined;

const localized = (what: string) =>
  z.strictObject({ bg: text(what, 2000), pl: text(what, 2000) }, { error: localizedError });

const localizedOptional = (what: string) =>
  z.strictObject({ bg: text(what, 5000).optional(), pl: text(what, 5000).optional() }, { error: localizedError });

export const districtSchema = z.strictObject({
  name: localized("the name"),
  municipality: localized("the municipality"),
  description: localizedOptional("a description").optional(),
  website: z
    .url({ protocol: /^https?$/, error: "must be a web address starting with https://" })
    .optional(),
  // The links a public body must show (district pages and the footer): its BIP page
  // (Poland: Biuletyn Informacji Publicznej), its "Достъп до информация" section (Bulgaria:
  // ЗДОИ art. 15a) and its accessibility statement.
  bip: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional(),
  accessToInformation: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional(),
  accessibilityStatement: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional(),
});

export type DistrictFile = z.infer<typeof districtSchema>;
