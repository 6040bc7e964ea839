// One article file → a validated Article, or the problems that keep it off the site.
import path from "node:path";
import { createHash } from "node:crypto";
import type { Locale } from "../config.js";
import { toEpochMs } from "./dates.js";
import { eventTimeToEpochMs, isAllDay } from "./event-time.js";
import { parseMarkdownFile } from "./frontmatter.js";
import { yamlIssue } from "./yaml.js";
import { issue, unexpectedProblem, type ContentIssue } from "./issues.js";
import { pictureProblem, type PictureProblem } from "./picture-problems.js";
import { msg } from "./messages/index.js";
import { readPictureSync } from "../media/source.js";
import { MEDIA_PREFIX } from "../site/media-urls.js";
import { firstParagraphOf, MAX_BODY_BYTES, renderMarkdown, truncateText, type RenderedMarkdown, type ResolvedImage } from "./markdown.js";
import { frontMatterSchema, type FrontMatter } from "./schema.js";
import { slugify } from "./slug.js";
import { stripBidiControls } from "../text/bidi.js";
import { normalizeNewlines } from "../text/newlines.js";
import { decodeUriLeniently, isUtf8Escaped } from "../text/uri.js";
import { cleanDisplayText } from "./display-text.js";
import { decodeUtf8 } from "../text/utf8.js";
import { zodToIssues } from "./zod-issues.js";

/** A picture that belongs to an article, served from /media/<path relative to content>. */
export interface MediaFile extends ResolvedImage {
  /** Path relative to the content folder. */
  readonly rel: string;
  readonly bytes: number;
}

export interface ArticleImage extends MediaFile {
  readonly alt: string;
  readonly caption: string | undefined;
}

/** What the portal knows of a valid article; field types come from the front-matter schema. */
/** A change note (front matter `changes:`), its date as epoch ms. */
export interface ChangeNote {
  readonly date: number;
  readonly note: string;
}

/** An event the article announces (front matter `event:`), its times as epoch ms. */
export interface ArticleEvent {
  readonly start: number;
  /** The last day of an all-day event (its local midnight), or the end time. */
  readonly end: number | undefined;
  /** Given as days: an all-day event. */
  readonly allDay: boolean;
  readonly place: string;
  readonly address: string | undefined;
  readonly geo: { readonly lat: number; readonly lon: number } | undefined;
  readonly online: string | undefined;
}

export type Article = Omit<FrontMatter, "date" | "updated" | "expires" | "image" | "slug" | "summary" | "changes" | "event"> & {
  readonly file: string;
  readonly lang: Locale;
  readonly district: string;
  readonly slug: string;
  readonly summary: string;
  readonly date: number;
  /** `updated`, or the newest change note's date when that is later. */
  readonly updated: number | undefined;
  /** The change history, newest first. */
  readonly changes: readonly ChangeNote[];
  readonly event: ArticleEvent | undefined;
  readonly expires: number | undefined;
  readonly image: ArticleImage | undefined;
  readonly html: string;
  readonly text: string;
  /** Relative links in the body, checked across the tree by `npm run check`. */
  readonly links: readonly string[];
  readonly media: readonly MediaFile[];
  /** Line of each front-matter field, to point cross-file problems at the right line. */
  readonly lines: Readonly<Record<string, number>>;
  readonly hash: string;
  /**
   * The Markdown body, when it is rendered after the index is served (ParseOptions
   * bodyLater); `html`, `text` and `links` stay empty until then.
   */
  readonly bodyLater?: string;
};

export interface ParseOptions {
  readonly contentDir: string;
  readonly timeZone: string;
  /**
   * A large fresh build: leave rendering the body for later (see ContentIndex.fillSearch)
   * when it can wait, i.e. it has no pictures (their files are checked and listed now)
   * and the summary is known without it.
   */
  readonly bodyLater?: boolean;
}

export type ParseResult = { article: Article; issues: ContentIssue[] } | { article: null; issues: ContentIssue[] };

/** The picture `src` of an article, or why it cannot be shown (picture-problems.ts words it). */
function readMedia(contentDir: string, articleDir: string, src: string): MediaFile | { problem: PictureProblem } {
  const abs = path.resolve(articleDir, src);
  const rel = path.relative(contentDir, abs).split(path.sep).join("/");
  if (rel.startsWith("..") || path.isAbsolute(rel)) return { problem: "missing" };
  const read = readPictureSync(contentDir, abs);
  if (!read.ok) return { problem: read.problem };
  const url = MEDIA_PREFIX + rel.split("/").map(encodeURIComponent).join("/");
  return { rel, url, width: read.size.width, height: read.size.height, bytes: read.body.length, format: read.size.format };
}

/** The problem found for a body picture; markdown.ts reports its `src` as written (percent-encoded). */
function bodyProblemOf(problems: ReadonlyMap<string, PictureProblem>, src: string): PictureProblem {
  return problems.get(decodeUriLeniently(src)) ?? problems.get(src) ?? "missing";
}

/**
 * Parses one article; `rel` is `<lang>/<district>/<name>.md` or `…/<name>/index.md`.
 * `source`: the text, or the file's bytes as read (checked to be UTF-8), which spares
 * encoding the text again to measure and hash it.
 */
export function parseArticle(rel: string, source: string | Buffer, options: ParseOptions): ParseResult {
  const [lang, district] = rel.split("/") as [Locale, string];
  const issues: ContentIssue[] = [];
  if ((typeof source === "string" ? Buffer.byteLength(source) : source.length) > MAX_BODY_BYTES) {
    return { article: null, issues: [issue(rel, 1, "file", msg("file.articleTooLarge", { kb: MAX_BODY_BYTES / 1024 }))] };
  }
  const raw = typeof source === "string" ? source : decodeUtf8(source);
  let parsed;
  try {
    parsed = parseMarkdownFile(raw);
  } catch (cause) {
    return { article: null, issues: [yamlIssue(rel, "front matter", cause)] };
  }
  const shown = cleanDisplayText(parsed.data, rel, parsed.lineOf);
  issues.push(...shown.issues);
  const result = frontMatterSchema.safeParse(shown.data);
  if (!result.success) {
    return { article: null, issues: [...issues, ...zodToIssues(result.error, frontMatterSchema, rel, parsed.lineOf, shown.data)] };
  }
  const fm = result.data;
  // `rest` goes last into the article below: V8 (Node 20) adds each property written
  // after a spread one by one, which cost about 10 µs per article.
  const { date, updated, expires, summary, slug: ownSlug, image: picture, changes: changeList, event: eventFm, ...rest } = fm;
  const event: ArticleEvent | undefined = eventFm && {
    start: eventTimeToEpochMs(eventFm.start, options.timeZone),
    end: eventFm.end === undefined ? undefined : eventTimeToEpochMs(eventFm.end, options.timeZone),
    allDay: isAllDay(eventFm.start),
    place: eventFm.place,
    address: eventFm.address,
    geo: eventFm.geo,
    online: eventFm.online,
  };
  const changes = changeList.map((c) => ({ date: toEpochMs(c.date, options.timeZone), note: c.note })).sort((a, b) => b.date - a.date);
  const updatedMs = updated === undefined ? undefined : toEpochMs(updated, options.timeZone);
  const newestNote = changes[0]?.date;
  const articleDir = path.dirname(path.join(options.contentDir, rel));
  const media: MediaFile[] = [];
  let image: ArticleImage | undefined;
  if (picture) {
    const m = readMedia(options.contentDir, articleDir, picture.src);
    if ("problem" in m) {
      issues.push(issue(rel, parsed.lineOf(["image", "src"]), "image.src", pictureProblem(picture.src, m.problem)));
    } else {
      image = { ...m, alt: picture.alt, caption: picture.caption };
      media.push(m);
    }
  }
  // Pictures are checked and listed now; a body without any can be rendered later. A body
  // picture that cannot be shown is rendered as its alt text (markdown.ts), never a broken <img>.
  const bodyProblems = new Map<string, PictureProblem>();
  let later: string | null;
  let rendered: RenderedMarkdown | null;
  try {
    later = options.bodyLater && !parsed.body.includes("![") ? (summary ?? firstParagraphOf(parsed.body, lang)) : null;
    rendered = later !== null ? null : renderMarkdown(parsed.body, lang, {
      resolveImage: (src) => {
        const m = readMedia(options.contentDir, articleDir, src);
        if ("problem" in m) {
          bodyProblems.set(src, m.problem);
          return null;
        }
        media.push(m);
        return m;
      },
    });
  } catch (cause) {
    // The body's Markdown made a library throw: name the body (parse-file.ts catches the rest).
    return { article: null, issues: [...issues, unexpectedProblem(rel, parsed.bodyLine, "body", cause, options.contentDir)] };
  }
  for (const src of rendered?.missingImages ?? []) {
    const at = parsed.body.indexOf(src);
    const line = parsed.bodyLine + (at < 0 ? 0 : parsed.body.slice(0, at).split("\n").length - 1);
    const problem = isUtf8Escaped(src) ? pictureProblem(src, bodyProblemOf(bodyProblems, src)) : msg("article.imageEscape", { src });
    issues.push(issue(rel, line, "body", msg("article.image", { problem })));
  }
  const slug = ownSlug ?? slugify(fm.title, lang);
  if (!slug) {
    issues.push(issue(rel, parsed.lineOf(["title"]), "title", msg("article.titleNoLetters")));
    return { article: null, issues };
  }
  const lines: Record<string, number> = {};
  for (const key of Object.keys(fm)) lines[key] = parsed.lineOf([key]);
  // Cross-field event checks (content/check.ts) point at the sub-field's own line.
  if (eventFm) for (const key of ["start", "end"] as const) lines[`event.${key}`] = parsed.lineOf(["event", key]);
  const article: Article = {
    file: rel,
    lang,
    district,
    slug,
    // A summary taken from the body is cleaned like one written in the front matter.
    summary: summary ?? stripBidiControls(truncateText(rendered ? rendered.firstParagraph || rendered.text : later!, 200)),
    date: toEpochMs(date, options.timeZone),
    // The newest change note moves `updated` (and so JSON-LD, sitemaps, feeds and the API).
    updated: newestNote === undefined ? updatedMs : Math.max(newestNote, updatedMs ?? newestNote),
    changes,
    event,
    expires: expires === undefined ? undefined : toEpochMs(expires, options.timeZone),
    image,
    html: rendered?.html ?? "",
    text: rendered?.text ?? "",
    links: rendered?.links ?? [],
    media,
    lines,
    // Over the text as read (LF), so saving a file with other line endings changes nothing.
    hash: createHash("sha256").update(raw.includes("\r") ? normalizeNewlines(raw) : source).digest("hex").slice(0, 16),
    ...(rendered ? {} : { bodyLater: parsed.body }),
    ...rest,
  };
  return { article, issues };
}
