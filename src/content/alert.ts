// One alert file (alerts/<lang>/<name>.md) → a validated Alert, or the problems that
// keep it off the site. Checks that need other files (districts that exist, unique
// addresses) are in alert-check.ts.
import { createHash } from "node:crypto";
import type { Locale } from "../config.js";
import { ALERT_LONG_DAYS, alertSchema, type AlertFile } from "./alert-schema.js";
import { alertTimeToEpochMs } from "./alert-time.js";
import { parseMarkdownFile } from "./frontmatter.js";
import { yamlIssue } from "./yaml.js";
import { issue, type ContentIssue } from "./issues.js";
import { MAX_BODY_BYTES, renderMarkdown } from "./markdown.js";
import { slugify } from "./slug.js";
import { decodeUtf8 } from "../text/utf8.js";
import { zodToIssues } from "./zod-issues.js";
import { msg } from "./messages/index.js";

const DAY_MS = 86_400_000;

/** What the portal knows of a valid alert; field types come from the alert schema. */
export type Alert = Omit<AlertFile, "start" | "end" | "districts"> & {
  readonly file: string;
  readonly lang: Locale;
  readonly slug: string;
  /** District ids, or "all" for every district of the language. */
  readonly districts: readonly string[] | "all";
  readonly start: number;
  readonly end: number;
  readonly html: string;
  readonly text: string;
  readonly lines: Readonly<Record<string, number>>;
  readonly hash: string;
};

export type AlertParseResult = { alert: Alert | null; issues: ContentIssue[] };

/** `rel` is `alerts/<lang>/<name>.md`; `timeZone` reads times written without an offset. */
export function parseAlert(rel: string, source: string | Buffer, timeZone: string): AlertParseResult {
  const lang = rel.split("/")[1] as Locale;
  if ((typeof source === "string" ? Buffer.byteLength(source) : source.length) > MAX_BODY_BYTES) {
    return { alert: null, issues: [issue(rel, 1, "file", msg("file.alertTooLarge", { kb: MAX_BODY_BYTES / 1024 }))] };
  }
  const raw = typeof source === "string" ? source : decodeUtf8(source);
  let parsed;
  try {
    parsed = parseMarkdownFile(raw);
  } catch (cause) {
    return { alert: null, issues: [yamlIssue(rel, "front matter", cause)] };
  }
  const result = alertSchema.safeParse(parsed.data ?? {});
  if (!result.success) return { alert: null, issues: zodToIssues(result.error, alertSchema, rel, parsed.lineOf, parsed.data ?? {}) };
  const fm = result.data;
  const start = alertTimeToEpochMs(fm.start, timeZone);
  const end = alertTimeToEpochMs(fm.end, timeZone);
  const issues: ContentIssue[] = [];
  if (end <= start) {
    return { alert: null, issues: [issue(rel, parsed.lineOf(["end"]), "end", msg("alert.endNotAfterStart", { end: fm.end, start: fm.start }))] };
  }
  if (end - start > ALERT_LONG_DAYS * DAY_MS) {
    const days = Math.ceil((end - start) / DAY_MS);
    issues.push(issue(rel, parsed.lineOf(["end"]), "end", msg("alert.tooLong", { days, max: ALERT_LONG_DAYS }), "warning"));
  }
  const slug = slugify(fm.title, lang);
  if (!slug) {
    issues.push(issue(rel, parsed.lineOf(["title"]), "title", msg("alert.titleNoLetters")));
    return { alert: null, issues };
  }
  // Alerts carry no pictures: an image in the body is a missing one, and is reported.
  const rendered = renderMarkdown(parsed.body, lang, { resolveImage: () => null });
  for (const src of rendered.missingImages) {
    issues.push(issue(rel, parsed.bodyLine, "body", msg("alert.image", { src })));
  }
  const lines: Record<string, number> = {};
  for (const key of Object.keys(fm)) lines[key] = parsed.lineOf([key]);
  return {
    alert: {
      title: fm.title,
      kind: fm.kind,
      severity: fm.severity,
      area: fm.area,
      translationKey: fm.translationKey,
      file: rel,
      lang,
      slug,
      districts: fm.districts === "all" ? "all" : [...new Set(fm.districts)],
      start,
      end,
      html: rendered.html,
      text: rendered.text,
      lines,
      hash: createHash("sha256").update(source).digest("hex").slice(0, 16),
    },
    issues,
  };
}
