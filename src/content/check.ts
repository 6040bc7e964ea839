// `npm run check`: every problem of the content tree at once, for editors and CI.
// The per-file and cross-file rules are the ones the portal applies when it indexes
// (so "check passes" means "the site shows everything"); this module adds the rules
// that only advise the editor: broken internal links, heavy or undescribed pictures,
// titles and summaries too long for search results, `updated` before `date`.
import fs from "node:fs";
import { posix } from "node:path";
import MarkdownIt from "markdown-it";
import type { Config } from "../config.js";
import { isoDay } from "../i18n/format.js";
import { parseFile } from "./load/parse-file.js";
import { contentPageAt, urls } from "../site/urls.js";
import type { Alert } from "./alert.js";
import { crossCheckAlerts } from "./alert-check.js";
import type { Article } from "./article.js";
import { historyIssues } from "./address-history.js";
import { crossCheck } from "./cross-check.js";
import { districtIdOf } from "./district.js";
import { parseMarkdownFile } from "./frontmatter.js";
import { pictureAdvice } from "./picture-advice.js";
import { issue, sortIssues, type ContentIssue } from "./issues.js";
import { msg, type Message } from "./messages/index.js";
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
function linkProblem(href: string, from: Article, site: Site): Message | null {
  let path: string;
  try {
    path = decodeURI(new URL(href, `http://portal${urls.article(from.lang, from.slug)}`).pathname);
  } catch {
    return msg("link.invalid", { href });
  }
  const page = path.endsWith("/") || /\.[a-z0-9]{1,8}$/i.test(path) ? path : `${path}/`;
  const target = contentPageAt(page);
  if (target?.kind === "article" && !site.articles.has(page) && !site.aliases.has(page)) {
    return msg("link.noArticle", { href });
  }
  if (target?.kind === "district" && !site.districts.has(target.id)) {
    return msg("link.noDistrict", { href, districts: [...site.districts].join(", ") });
  }
  if (target?.kind === "tag" && !site.tags.has(`${target.lang}/${target.tag}`)) {
    return msg("link.noTopic", { href, lang: target.lang });
  }
  return null;
}

function advise(a: Article, raw: string, site: Site): ContentIssue[] {
  const out: ContentIssue[] = [];
  const line = (key: string) => a.lines[key] ?? 1;
  if (a.title.length > MAX_TITLE) {
    out.push(issue(a.file, line("title"), "title", msg("check.titleLong", { count: a.title.length, max: MAX_TITLE }), "warning"));
  }
  if (a.lines.summary !== undefined && a.summary.length > MAX_SUMMARY) {
    out.push(issue(a.file, line("summary"), "summary", msg("check.summaryLong", { count: a.summary.length, max: MAX_SUMMARY }), "warning"));
  }
  if (a.updated !== undefined && a.updated < a.date) {
    out.push(issue(a.file, line("updated"), "updated", msg("check.updatedBeforeDate")));
  }
  // `updated` is the newest change note's date (content/article.ts); one later than every
  // note moved the date readers see without telling them what changed. Without git
  // history this is the reliable part of "updated moved without a note": articles that
  // keep a change history.
  if (a.event?.end !== undefined && a.event.end < a.event.start) {
    out.push(issue(a.file, line("event.end"), "event.end", msg("check.eventEndBeforeStart"), "warning"));
  }
  if (a.event && a.event.start < a.date) {
    out.push(issue(a.file, line("event.start"), "event.start", msg("check.eventBeforeDate"), "warning"));
  }
  const newestNote = a.changes[0]?.date;
  if (a.lines.updated !== undefined && newestNote !== undefined && a.updated !== undefined && a.updated > newestNote) {
    out.push(issue(a.file, line("updated"), "updated", msg("check.updatedNoNote"), "warning"));
  }
  // Over IMAGE_ERROR_BYTES the picture file itself is an error (content/picture-check.ts, run by
  // `npm run check`); here the article gets advice for pictures that are merely heavy
  // (over 2 MB or 3000 px on the long side: picture-advice.ts).
  const reported = new Set<string>();
  for (const m of a.media) {
    if (m.bytes > IMAGE_ERROR_BYTES || reported.has(m.rel)) continue;
    const name = posix.relative(posix.dirname(a.file), m.rel);
    const advice = pictureAdvice({ name, bytes: m.bytes, width: m.width, height: m.height });
    if (advice.length === 0) continue;
    reported.add(m.rel);
    const isCover = a.image?.rel === m.rel;
    // The name as the editor wrote it: relative to the article's folder.
    const rawLines = raw.split("\n");
    const where = isCover ? line("image") : (rawLines.findIndex((l) => l.includes(`(${name}`)) + 1 || rawLines.findIndex((l) => l.includes(posix.basename(name))) + 1 || 1);
    for (const x of advice) out.push(issue(a.file, where, isCover ? "image.src" : "body", x, "warning"));
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
    out.push(issue(a.file, img.line, "body", msg("check.imageNoAlt", { src: img.src }), "warning"));
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
