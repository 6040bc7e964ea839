// `npm run check`: every problem of the content tree at once, for editors and CI.
// The per-file and cross-file rules are the ones the portal applies when it indexes
// (so "check passes" means "the site shows everything"); this module adds the rules
// that only advise the editor: broken internal links, heavy or undescribed pictures,
// titles and summaries too long for search results, `updated` before `date`.
import fs from "node:fs";
import { posix } from "node:path";
import MarkdownIt from "markdown-it";
import { isLocale, type Config } from "../config.js";
import { isoDay } from "../i18n/format.js";
import { parseFile } from "../index/parse-file.js";
import { SEGMENTS, urls } from "../web/urls.js";
import type { Alert } from "./alert.js";
import { crossCheckAlerts } from "./alert-check.js";
import type { Article } from "./article.js";
import { historyIssues } from "./address-history.js";
import { crossCheck } from "./cross-check.js";
import { districtIdOf } from "./district.js";
import { parseMarkdownFile } from "./frontmatter.js";
import { issue, sortIssues, type ContentIssue } from "./issues.js";
import { scanContent } from "./scan.js";
import { loadSite } from "./site.js";
import { slugify } from "./slug.js";
import { normalizeNewlines } from "../text/newlines.js";

/** A check supplied by another module (e.g. image decoding), run on the whole tree. */
export type ExtraCheck = (contentDir: string) => ContentIssue[];

export interface CheckResult {
  readonly issues: ContentIssue[];
  /** Content files looked at (articles and district files). */
  readonly files: number;
}

const MB = 1024 * 1024;
export const IMAGE_WARN_BYTES = 5 * MB;
export const IMAGE_ERROR_BYTES = 20 * MB;
/** Search engines cut result snippets and titles at about these lengths. */
export const MAX_SUMMARY = 160;
export const MAX_TITLE = 70;

// A plain parser: only token positions are needed, not the portal's rendering rules.
const md = new MarkdownIt({ html: false });

interface BodyRefs {
  /** Link target → 1-based file line of its first use. */
  readonly links: Map<string, number>;
  /** Pictures written as ![](file) with no description. */
  readonly blindImages: { src: string; line: number }[];
}

function bodyRefs(raw: string): BodyRefs {
  const { body, bodyLine } = parseMarkdownFile(raw);
  const lines = body.split("\n");
  const links = new Map<string, number>();
  const blindImages: BodyRefs["blindImages"] = [];
  // Inline tokens only know their block's lines; find the line that holds the target.
  const lineOf = (map: [number, number] | null, needle: string): number => {
    const [from, to] = map ?? [0, 1];
    for (let i = from; i < to; i++) if (lines[i]?.includes(needle)) return bodyLine + i;
    return bodyLine + from;
  };
  for (const block of md.parse(body, {})) {
    if (block.type !== "inline") continue;
    for (const t of block.children ?? []) {
      if (t.type === "link_open") {
        const href = t.attrGet("href") ?? "";
        if (!links.has(href)) links.set(href, lineOf(block.map, `](${href}`));
      } else if (t.type === "image" && md.renderer.renderInlineAsText(t.children ?? [], md.options, {}).trim() === "") {
        const src = t.attrGet("src") ?? "";
        blindImages.push({ src, line: lineOf(block.map, src) });
      }
    }
  }
  return { links, blindImages };
}

interface Site {
  readonly articles: Set<string>;
  readonly aliases: Set<string>;
  readonly districts: ReadonlySet<string>;
  readonly tags: Set<string>;
}

/** Why an internal link leads nowhere, or null when it is fine (or not a page we know). */
function linkProblem(href: string, from: Article, site: Site): string | null {
  let path: string;
  try {
    path = decodeURI(new URL(href, `http://portal${urls.article(from.lang, from.slug)}`).pathname);
  } catch {
    return `link "${href}" is not a valid address — check it`;
  }
  const page = path.endsWith("/") || /\.[a-z0-9]{1,8}$/i.test(path) ? path : `${path}/`;
  const [, lang, section, id, ...rest] = page.split("/");
  if (!isLocale(lang) || !id || rest.length !== 1) return null;
  const seg = SEGMENTS[lang];
  if (section === seg.news && !site.articles.has(page) && !site.aliases.has(page)) {
    return `link "${href}" leads to no article — check the address or remove the link`;
  }
  if (section === seg.districts && !site.districts.has(id)) {
    return `link "${href}" leads to no district — the districts are ${[...site.districts].join(", ")}`;
  }
  if (section === seg.tags && !site.tags.has(`${lang}/${id}`)) {
    return `link "${href}" leads to no topic — no article in ${lang} has this tag`;
  }
  return null;
}

function advise(a: Article, raw: string, site: Site): ContentIssue[] {
  const out: ContentIssue[] = [];
  const line = (key: string) => a.lines[key] ?? 1;
  if (a.title.length > MAX_TITLE) {
    out.push(issue(a.file, line("title"), "title", `has ${a.title.length} characters, too long for search results — shorten to ${MAX_TITLE} or fewer`, "warning"));
  }
  if (a.lines.summary !== undefined && a.summary.length > MAX_SUMMARY) {
    out.push(issue(a.file, line("summary"), "summary", `has ${a.summary.length} characters, too long for search results — shorten to ${MAX_SUMMARY} or fewer`, "warning"));
  }
  if (a.updated !== undefined && a.updated < a.date) {
    out.push(issue(a.file, line("updated"), "updated", "is earlier than date — updated is the day of the last change, on or after date"));
  }
  // `updated` is the newest change note's date (content/article.ts); one later than every
  // note moved the date readers see without telling them what changed. Without git
  // history this is the reliable part of "updated moved without a note": articles that
  // keep a change history.
  if (a.event?.end !== undefined && a.event.end < a.event.start) {
    out.push(issue(a.file, line("event.end"), "event.end", "is before event.start — check both times", "warning"));
  }
  if (a.event && a.event.start < a.date) {
    out.push(issue(a.file, line("event.start"), "event.start", "is before the article's date — an event announced after it happened? Check the dates", "warning"));
  }
  const newestNote = a.changes[0]?.date;
  if (a.lines.updated !== undefined && newestNote !== undefined && a.updated !== undefined && a.updated > newestNote) {
    out.push(issue(a.file, line("updated"), "updated", "is later than the newest note under changes: — add a change with this date and a note saying what changed, or remove updated:", "warning"));
  }
  // Over IMAGE_ERROR_BYTES the picture file itself is an error (media/check.ts, run by
  // `npm run check`); here the article gets advice for pictures that are merely heavy.
  const reported = new Set<string>();
  for (const m of a.media) {
    if (m.bytes <= IMAGE_WARN_BYTES || m.bytes > IMAGE_ERROR_BYTES || reported.has(m.rel)) continue;
    reported.add(m.rel);
    const isCover = a.image?.rel === m.rel;
    // The name as the editor wrote it: relative to the article's folder.
    const name = posix.relative(posix.dirname(a.file), m.rel);
    const rawLines = raw.split("\n");
    const where = isCover ? line("image") : (rawLines.findIndex((l) => l.includes(`(${name}`)) + 1 || rawLines.findIndex((l) => l.includes(posix.basename(name))) + 1 || 1);
    const size = `${(m.bytes / MB).toFixed(1)} MB`;
    out.push(issue(a.file, where, isCover ? "image.src" : "body", `image "${name}" is ${size}, more than 5 MB — a smaller file loads faster on phones`, "warning"));
  }
  let refs: BodyRefs;
  try {
    refs = bodyRefs(raw);
  } catch {
    return out; // the file parsed moments ago; a concurrent edit is reported on the next run
  }
  for (const href of a.links) {
    const problem = linkProblem(href, a, site);
    if (problem) out.push(issue(a.file, refs.links.get(href) ?? 1, "body", problem));
  }
  for (const img of refs.blindImages) {
    out.push(issue(a.file, img.line, "body", `image "${img.src}" has no description — describe the picture between the brackets: ![what it shows](${img.src})`, "warning"));
  }
  return out;
}

/** Checks the whole content tree; `extra` checks (other modules) are added to the result. */
export function checkContent(config: Pick<Config, "contentDir" | "timeZones">, extra: readonly ExtraCheck[] = []): CheckResult {
  const scan = scanContent(config.contentDir);
  const issues: ContentIssue[] = [...scan.issues];
  const articles: Article[] = [];
  const districts = new Set<string>();
  const broken = new Set<string>();
  const alerts: Alert[] = [];
  for (const file of scan.files) {
    const p = parseFile(file, config);
    issues.push(...p.issues);
    if (p.alert) alerts.push(p.alert);
    if (p.article) articles.push(p.article);
    if (p.district) districts.add(p.district.id);
    else if (file.kind === "district") broken.add(districtIdOf(file.rel));
  }
  const cross = crossCheck(articles, districts, urls.article, (a) => isoDay(a.date, config.timeZones[a.lang]), broken);
  issues.push(...cross.issues, ...crossCheckAlerts(alerts, districts).issues);
  issues.push(...historyIssues(config, articles.filter((a) => cross.active.has(a.file)), districts, urls.article));
  const active = articles.filter((a) => cross.active.has(a.file));
  const site: Site = {
    articles: new Set(active.map((a) => urls.article(a.lang, cross.slugs.get(a.file) ?? a.slug))),
    aliases: new Set(cross.aliases.keys()),
    districts,
    tags: new Set(active.flatMap((a) => a.tags.map((t) => `${a.lang}/${slugify(t, a.lang)}`))),
  };
  for (const a of articles) {
    let raw = "";
    try {
      raw = normalizeNewlines(fs.readFileSync(`${config.contentDir}/${a.file}`, "utf8"));
    } catch {
      continue;
    }
    issues.push(...advise(a, raw, site));
  }
  // content/site.yml: the city's identity (name, crest, colour, contact details).
  issues.push(...loadSite(config.contentDir).issues);
  for (const check of extra) issues.push(...check(config.contentDir));
  return { issues: sortIssues(issues), files: scan.files.filter((f) => f.kind !== "page").length };
}
