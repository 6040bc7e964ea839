// Markdown → HTML at index time. Raw HTML is off, so an article can never inject
// markup or script; links are limited to safe schemes; quotes follow the locale.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Locale } from "../config.js";
import { pictureData } from "../media/picture.js";
import { decodeUriLeniently } from "../text/uri.js";

/** Where a relative image in an article body is served, and its size. */
export interface ResolvedImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** jpeg, png, gif or webp: the fallback <img> keeps JPEG, the rest become PNG (media/urls.ts). */
  readonly format: string;
}

export interface RenderContext {
  /** Maps an image path relative to the article to its public URL, or null when missing. */
  readonly resolveImage: (src: string) => ResolvedImage | null;
}

export interface RenderedMarkdown {
  readonly html: string;
  /** Plain text of the body, block by block, for search and summaries. */
  readonly text: string;
  /** Plain text of the first real paragraph (not a heading, not a lone picture). */
  readonly firstParagraph: string;
  /** Relative link targets found in the body, for `npm run check`. */
  readonly links: readonly string[];
  /** Image sources that did not resolve. */
  readonly missingImages: readonly string[];
}

// Bulgarian „…“ with ‚…‘ inside; Polish „…” with «…» inside (the usual Polish nesting).
const QUOTES: Record<Locale, string> = { bg: "„“‚‘", pl: "„”«»" };
const SAFE_LINK = /^(?:https?:|mailto:|tel:|[/#?.]|[^:]*$)/i;

export const MAX_BODY_BYTES = 512 * 1024;

/** For Markdown that has no pictures, or whose pictures are not ours to resolve. */
const NO_PICTURES: RenderContext = { resolveImage: () => null };

function figureRule(state: { tokens: Token[] }): void {
  const tokens = state.tokens;
  const shift = tokens.some((t) => t.type === "heading_open" && t.tag === "h1") ? 1 : 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // The article title is the page's only h1 (WCAG 1.3.1): body headings move one level down.
    if (shift && (t.type === "heading_open" || t.type === "heading_close")) {
      t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + shift)}`;
    }
    const inline = tokens[i + 1];
    const close = tokens[i + 2];
    if (t.type === "paragraph_open" && inline?.type === "inline" && close?.type === "paragraph_close") {
      const children = (inline.children ?? []).filter((c) => !(c.type === "text" && c.content.trim() === "") && c.type !== "softbreak");
      const only = children.length === 1 ? children[0] : undefined;
      if (only?.type === "image") {
        t.tag = close.tag = "figure";
        only.meta = { figure: true };
      }
    }
  }
}

function createRenderer(locale: Locale): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true, quotes: QUOTES[locale] });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.core.ruler.push("figure", figureRule);
  md.renderer.rules.image = (tokens, idx, _options, env: { ctx: RenderContext; missing: string[] }) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    const alt = md.utils.escapeHtml(token.children ? md.renderer.renderInlineAsText(token.children, md.options, env) : token.content);
    const title = token.attrGet("title");
    const resolved = /^[a-z]+:/i.test(src) ? null : env.ctx.resolveImage(decodeUriLeniently(src));
    if (!resolved) {
      env.missing.push(src);
      return `<span class="missing-image">${alt}</span>`;
    }
    // The same AVIF/WebP variants, srcset and sizes as the lead picture (views/partials/picture.njk).
    const p = pictureData(resolved);
    const attr = md.utils.escapeHtml;
    const sources = p.sources.map((x) => `<source type="${x.type}" srcset="${attr(x.srcset)}" sizes="${attr(p.sizes)}">`).join("");
    const img = `<picture>${sources}<img src="${attr(p.src)}" srcset="${attr(p.srcset)}" sizes="${attr(p.sizes)}" alt="${alt}" width="${p.width}" height="${p.height}" loading="lazy" decoding="async"></picture>`;
    const caption = token.meta?.figure && title ? `<figcaption>${md.utils.escapeHtml(title)}</figcaption>` : "";
    return img + caption;
  };
  return md;
}

const renderers = new Map<Locale, MarkdownIt>();

function renderer(locale: Locale): MarkdownIt {
  let md = renderers.get(locale);
  if (!md) renderers.set(locale, (md = createRenderer(locale)));
  return md;
}

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : ""))
    .join("");
}

export function renderMarkdown(body: string, locale: Locale, ctx: RenderContext): RenderedMarkdown {
  const md = renderer(locale);
  const env = { ctx, missing: [] as string[] };
  const tokens = md.parse(body, env);
  const blocks: string[] = [];
  const links: string[] = [];
  let firstParagraph = "";
  tokens.forEach((t, i) => {
    if (t.type !== "inline") return;
    const text = inlineText(t).trim();
    if (text) blocks.push(text);
    if (!firstParagraph && text && tokens[i - 1]?.type === "paragraph_open" && tokens[i - 1]?.tag === "p") {
      firstParagraph = text;
    }
    for (const c of t.children ?? []) {
      const href = c.type === "link_open" ? c.attrGet("href") : null;
      if (href && !/^[a-z]+:/i.test(href) && !href.startsWith("#")) links.push(href);
    }
  });
  const html = md.renderer.render(tokens, md.options, env);
  return { html, text: blocks.join("\n"), firstParagraph, links, missingImages: env.missing };
}

// Reading a summary without rendering the body (large fresh builds, see firstParagraphOf):
// one parser that only splits blocks, one that runs everything after that on one block.
const heads = new Map<Locale, { blocks: MarkdownIt; inline: MarkdownIt }>();

function headParsers(locale: Locale): { blocks: MarkdownIt; inline: MarkdownIt } {
  let p = heads.get(locale);
  if (!p) {
    const blocks = createRenderer(locale);
    blocks.core.ruler.enableOnly(["normalize", "block"]);
    const inline = createRenderer(locale);
    inline.core.ruler.disable(["normalize", "block"]);
    heads.set(locale, (p = { blocks, inline }));
  }
  return p;
}

// The head grows from about a paragraph until it holds one; past HEAD_LIMIT (UTF-16
// units) the body is rendered instead.
const HEAD_START = 256;
const HEAD_LIMIT = 4096;

/**
 * What renderMarkdown(body).firstParagraph is, from the body's first blocks only, or null
 * when that cannot be told without reading it all, or there is none (then render it).
 * A head ends where a blank line follows, and only a paragraph outside lists and quotes
 * counts: the blank line ends it, so it reads the same whatever comes after the head.
 * Everything after the block split (links, typography, quotes) runs on that paragraph
 * alone, as it would in the whole body. test/content/markdown-head.test.ts compares the
 * two on generated bodies.
 */
export function firstParagraphOf(body: string, locale: Locale): string | null {
  const plain = plainFirstParagraph(body);
  if (plain !== null) return plain;
  for (let want = HEAD_START; ; want *= 4) {
    const blank = want >= body.length ? -1 : body.indexOf("\n\n", want);
    const cut = blank < 0 ? body.length : blank;
    // A reference definition ("[1]: https://…", also in a quote or a list) after the head
    // changes how "[…][1]" in it reads.
    if (cut > HEAD_LIMIT || (cut < body.length && body.includes("]:", cut))) return null;
    const found = paragraphIn(body.slice(0, cut), locale);
    if (found !== undefined) return found;
    if (cut === body.length) return null;
  }
}

// Most articles open with a paragraph of plain prose, whose text is its lines, trimmed and
// joined by spaces (as markdown-it reads a line break). It is plain when each line starts
// with a letter, a number that no list marker follows, or an opening bracket or quote;
// holds only letters, digits, spaces and punctuation that open no Markdown construct; and
// has none of the typographic replacements ("--", "(c)") and automatic links
// ("gdansk.pl/%D0%B0", "//localhost/%D0%B0", whose text markdown-it decodes) those can
// still spell. The workers of a large cold build then never run markdown-it, which they
// would first have to warm up: 0.45 s less CPU for 10,000 articles (7.16 against 7.6 s).
const PLAIN_LINE = /^ {0,3}(?:\p{L}|\p{N}+(?![.)\p{N}])|[(„“«‚])[\p{L}\p{M}\p{N} ,.;:?!%()„“”«»‚‘’–—/№§°+-]*$/u;
const NOT_PLAIN = /\.\.|,,|\?\?\?\?|!!!!|--|\+-|\((?:c|r|tm|p)\)|\.\p{L}|\/\//iu;
const BLANK_LINE = /^[ \t]*$/;

/** The first block's text when it is a paragraph of plain prose (see PLAIN_LINE), else null. */
function plainFirstParagraph(body: string): string | null {
  const lines: string[] = [];
  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf("\n", start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end);
    start = end + 1;
    if (BLANK_LINE.test(line)) {
      if (lines.length > 0) break;
      continue;
    }
    if (!PLAIN_LINE.test(line) || NOT_PLAIN.test(line)) return null;
    lines.push(line.trim());
  }
  return lines.length > 0 ? lines.join(" ") : null;
}

/** The first paragraph's text; null if it is nested (a list, a quote); undefined if there is none. */
function paragraphIn(head: string, locale: Locale): string | null | undefined {
  const { blocks, inline } = headParsers(locale);
  const env = { ctx: NO_PICTURES, missing: [] as string[] };
  const tokens = blocks.parse(head, env);
  for (let i = 1; i < tokens.length; i++) {
    const open = tokens[i - 1]!;
    if (tokens[i]!.type !== "inline" || open.type !== "paragraph_open" || open.tag !== "p") continue;
    const state = new inline.core.State("", inline, env);
    state.tokens = tokens.slice(i - 1, i + 2);
    inline.core.process(state);
    const text = state.tokens[0]!.tag === "p" ? inlineText(state.tokens[1]!).trim() : "";
    if (!text) continue;
    // In a list item or a quote, lines after the head may still belong to it.
    return open.level === 0 ? text : null;
  }
  return undefined;
}

/** What a body left for later (ParseOptions.bodyLater) is stored as. */
export type RenderedLater = Pick<RenderedMarkdown, "html" | "text" | "links">;

/** Renders a body left for later: it has no pictures to resolve. */
export function renderBodyLater(body: string, locale: Locale): RenderedLater {
  const { html, text, links } = renderMarkdown(body, locale, NO_PICTURES);
  return { html, text, links };
}

/** Renders a short Markdown fragment (district descriptions) with the same rules. */
export function renderInlineMarkdown(source: string, locale: Locale): string {
  return renderMarkdown(source, locale, NO_PICTURES).html;
}

/** A summary for lists and meta descriptions: whole words, at most `max` characters. */
export function truncateText(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
