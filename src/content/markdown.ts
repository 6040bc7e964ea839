// Markdown → HTML at index time. Raw HTML is off, so an article can never inject
// markup or script; links are limited to safe schemes; quotes follow the locale.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Locale } from "../config.js";

/** Where a relative image in an article body is served, and its size. */
export interface ResolvedImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
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
    const resolved = /^[a-z]+:/i.test(src) ? null : env.ctx.resolveImage(decodeURI(src));
    if (!resolved) {
      env.missing.push(src);
      return `<span class="missing-image">${alt}</span>`;
    }
    const img = `<img src="${md.utils.escapeHtml(resolved.url)}" alt="${alt}" width="${resolved.width}" height="${resolved.height}" loading="lazy" decoding="async">`;
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

/** Renders a short Markdown fragment (district descriptions) with the same rules. */
export function renderInlineMarkdown(source: string, locale: Locale): string {
  return renderMarkdown(source, locale, { resolveImage: () => null }).html;
}

/** A summary for lists and meta descriptions: whole words, at most `max` characters. */
export function truncateText(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
