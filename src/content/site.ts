// The deployment's identity, from content/site.yml rather than code: the city's name in
// both languages, its crest or logo, the colour of the header and links, the publisher's
// contact details and the footer links. Read once at start (src/app.ts) and by
// `npm run check`; without the file the portal shows its neutral default identity.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { z } from "zod";
import { LOCALES, type Locale } from "../config.js";
import { imageSize } from "../media/image-size.js";
import { issue, type ContentIssue } from "./issues.js";
import { text } from "./schema.js";
import { msg, type MessageId } from "./messages/index.js";
import { FrontMatterError, parseYamlFile } from "./yaml.js";
import { zodMessage, zodToIssues } from "./zod-issues.js";

export const SITE_FILE = "site.yml";
/** The neutral default: the link colour of public/css/site.css (7.9:1 on white). */
export const DEFAULT_COLOUR = "#0b5394";
/** A crest is a small drawing; a larger file is a photograph or an export with embedded fonts. */
export const MAX_LOGO_BYTES = 100 * 1024;
/** WCAG 2.x AA for normal text (1.4.3): the header text and links must reach it. */
export const AA_CONTRAST = 4.5;

const both = (what: MessageId, max: number) => z.strictObject({ bg: text(what, max), pl: text(what, max) });
const webAddress = z.url({ protocol: /^https?$/, error: zodMessage("district.link") });

export const siteSchema = z.strictObject({
  name: both("what.siteName", 80),
  tagline: both("what.tagline", 200).optional(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, zodMessage("site.colour")).optional(),
  logo: z
    .strictObject({
      src: z.string().regex(/^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9._/-]*\.(svg|png)$/, zodMessage("site.logoPath")),
      alt: both("what.logoAlt", 200),
    })
    .optional(),
  publisher: z
    .strictObject({
      name: both("what.publisher", 200),
      address: both("what.postalAddress", 300).optional(),
      phone: text("what.phone", 40).optional(),
      email: z.email().optional(),
    })
    .optional(),
  links: z.array(z.strictObject({ label: both("what.linkText", 80), url: webAddress })).max(8).default([]),
});

export type SiteFile = z.infer<typeof siteSchema>;

export interface SiteLogo {
  readonly body: Buffer;
  readonly type: "image/svg+xml" | "image/png";
  /** Served as /site/logo.<hash>.<ext> (src/web/routes/site.ts). */
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly alt: Readonly<Record<Locale, string>>;
}

export interface SiteIdentity {
  /** The name per language; null: the portal's own name (site.name in the UI strings). */
  readonly name: Readonly<Record<Locale, string>> | null;
  readonly tagline: Readonly<Record<Locale, string>> | null;
  /** Header background and link colour, checked for AA contrast on white. */
  readonly colour: string;
  readonly logo: SiteLogo | null;
  readonly publisher: SiteFile["publisher"] | null;
  readonly links: SiteFile["links"];
}

export const DEFAULT_SITE: SiteIdentity = Object.freeze({ name: null, tagline: null, colour: DEFAULT_COLOUR, logo: null, publisher: null, links: [] });

// WCAG 2.x relative luminance and contrast ratio (the definitions in the WCAG glossary):
// four lines of arithmetic, not worth a colour library.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Script, event handlers, embedded objects and references to other files: none belong in a crest. */
const UNSAFE_SVG = /<script|<foreignObject|<!ENTITY|<iframe|<embed|<object|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["'](?!#)|url\(\s*["']?(?!#)/i;

function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return null;
  const viewBox = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root);
  const w = Number(/\swidth\s*=\s*["']([\d.]+)(?:px)?["']/i.exec(root)?.[1] ?? viewBox?.[1]);
  const h = Number(/\sheight\s*=\s*["']([\d.]+)(?:px)?["']/i.exec(root)?.[1] ?? viewBox?.[2]);
  return w > 0 && h > 0 ? { width: Math.round(w), height: Math.round(h) } : null;
}

/** The logo file, read only from a real file inside the content folder. */
function readLogo(contentDir: string, spec: NonNullable<SiteFile["logo"]>, line: number, issues: ContentIssue[]): SiteLogo | null {
  const full = path.resolve(contentDir, spec.src);
  let body: Buffer;
  try {
    const root = fs.realpathSync(contentDir);
    const stat = fs.lstatSync(full);
    const real = fs.realpathSync(full);
    if (!stat.isFile() || !real.startsWith(root + path.sep)) throw new Error("not a file inside the content folder");
    body = fs.readFileSync(real);
  } catch {
    issues.push(issue(SITE_FILE, line, "logo.src", msg("site.logoMissing", { file: spec.src })));
    return null;
  }
  const svg = spec.src.endsWith(".svg");
  const broken = () => issue(SITE_FILE, line, "logo.src", msg("site.logoBroken", { file: spec.src, format: svg ? "SVG" : "PNG", max: MAX_LOGO_BYTES / 1024 }));
  if (body.length > MAX_LOGO_BYTES) {
    issues.push(broken());
    return null;
  }
  let size: { width: number; height: number } | null;
  if (svg) {
    const source = body.toString("utf8");
    if (UNSAFE_SVG.test(source)) {
      issues.push(issue(SITE_FILE, line, "logo.src", msg("site.logoScript", { file: spec.src })));
      return null;
    }
    size = svgSize(source);
  } else {
    const png = imageSize(body);
    size = png?.format === "png" ? png : null;
  }
  if (!size) {
    issues.push(broken());
    return null;
  }
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { body, type: svg ? "image/svg+xml" : "image/png", file: `logo.${hash}.${svg ? "svg" : "png"}`, ...size, alt: spec.alt };
}

/** Reads content/site.yml; every problem is an editor message, and what is wrong falls back to the default. */
export function loadSite(contentDir: string): { site: SiteIdentity; issues: ContentIssue[] } {
  const file = path.join(contentDir, SITE_FILE);
  let raw: string;
  try {
    if (!fs.lstatSync(file).isFile()) throw new Error("not a file");
    raw = fs.readFileSync(file, "utf8");
  } catch {
    return { site: DEFAULT_SITE, issues: [] };
  }
  let parsed;
  try {
    parsed = parseYamlFile(raw);
  } catch (cause) {
    return { site: DEFAULT_SITE, issues: [issue(SITE_FILE, cause instanceof FrontMatterError ? cause.line : 1, "file", cause instanceof FrontMatterError ? cause.problem : msg("file.unexpected", { reason: (cause as Error).message }))] };
  }
  const result = siteSchema.safeParse(parsed.data ?? {});
  if (!result.success) return { site: DEFAULT_SITE, issues: zodToIssues(result.error, siteSchema, SITE_FILE, parsed.lineOf, parsed.data) };
  const data = result.data;
  const issues: ContentIssue[] = [];
  let colour = DEFAULT_COLOUR;
  if (data.colour) {
    const ratio = contrastRatio(data.colour, "#ffffff");
    if (ratio >= AA_CONTRAST) colour = data.colour.toLowerCase();
    else issues.push(issue(SITE_FILE, parsed.lineOf(["colour"]), "colour", msg("site.contrast", { colour: data.colour, ratio: ratio.toFixed(2) })));
  }
  const logo = data.logo ? readLogo(contentDir, data.logo, parsed.lineOf(["logo", "src"]), issues) : null;
  return {
    site: Object.freeze({ name: data.name, tagline: data.tagline ?? null, colour, logo, publisher: data.publisher ?? null, links: data.links }),
    issues,
  };
}

/** The UI strings the identity replaces (the name in titles, feeds and shared links). */
export function siteStrings(site: SiteIdentity): Partial<Record<Locale, Record<string, string>>> {
  if (!site.name) return {};
  return Object.fromEntries(
    LOCALES.map((l) => [l, { "site.name": site.name![l], ...(site.publisher ? { "site.publisher": site.publisher.name[l] } : {}), ...(site.tagline ? { "site.tagline": site.tagline[l] } : {}) }]),
  );
}
