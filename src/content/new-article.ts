// `npm run new`: the start of an article — a file in the right folder with valid front
// matter (a draft, so nothing is published by accident) and a body skeleton in the
// article's language. The generated file passes `npm run check` as written.
import fs from "node:fs";
import path from "node:path";
import type { Config, Locale } from "../config.js";
import { isoDay } from "../i18n/format.js";
import { AppError } from "../errors.js";
import { dayProblem } from "./dates.js";
import { msg, say, type EditorLang, type Message } from "./messages/index.js";
import { DISTRICT_ID_PATTERN } from "./schema.js";
import { slugify } from "./slug.js";
import { readArticleKey } from "./address-history.js";
import { crossCheck } from "./cross-check.js";
import { scanContent } from "./scan.js";

export interface NewArticleInput {
  readonly lang: Locale;
  readonly district: string;
  readonly title: string;
  /** YYYY-MM-DD; today in the language's time zone when absent. */
  readonly date?: string | undefined;
  /** A folder with index.md, for articles with pictures. */
  readonly bundle?: boolean | undefined;
}

export interface NewArticle {
  /** Absolute path of the file written. */
  readonly file: string;
  /** Path relative to the content folder. */
  readonly rel: string;
  /** The last part of the article's address (from the title). */
  readonly slug: string;
  readonly source: string;
}

/** A request the editor can correct (unknown district, file exists); the message says how. */
export class NewArticleError extends AppError {
  override name = "NewArticleError";
  constructor(
    readonly problem: Message,
    options?: { cause?: unknown },
  ) {
    super(say(problem), options);
  }
  /** The message in the editor's language. */
  in(lang: EditorLang): string {
    return say(this.problem, lang);
  }
}

/** District ids that have a district file, sorted. */
export function knownDistricts(contentDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(contentDir, "districts"));
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => n.replace(/\.ya?ml$/, ""))
    .filter((id) => DISTRICT_ID_PATTERN.test(id))
    .sort();
}

const SKELETON: Record<Locale, { summary: string; heading: string; paragraph: string }> = {
  bg: {
    summary: "Едно-две изречения (до 160 знака) за списъците с новини и за търсачките.",
    heading: "Подзаглавие",
    paragraph: "Първият абзац казва най-важното: какво, къде, кога и за кого. Подробностите идват след него.",
  },
  pl: {
    summary: "Jedno lub dwa zdania (do 160 znaków) do list aktualności i wyszukiwarek.",
    heading: "Śródtytuł",
    paragraph: "Pierwszy akapit mówi najważniejsze: co, gdzie, kiedy i dla kogo. Szczegóły są dalej.",
  },
};

/** The text of a new article. JSON strings are valid YAML double-quoted scalars (YAML 1.2 §7.3.1). */
export function articleSource(lang: Locale, title: string, date: string, slug: string): string {
  const s = SKELETON[lang];
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    // Written out, so that correcting the title later does not move the article (issue 19, item 10).
    `slug: ${slug}`,
    `date: "${date}"`,
    `# summary: ${JSON.stringify(s.summary)}`,
    "tags: []",
    "draft: true",
    "---",
    "",
    `## ${s.heading}`,
    "",
    s.paragraph,
    "",
  ].join("\n");
}

/**
 * `base`, or when an article of the language already asks for it or is served at it (a
 * title used every month), `base-<date>`, then `-2`, `-3`…: the address the portal would
 * give it anyway (content/cross-check.ts), now written in the file for good.
 */
function freeSlug(config: Pick<Config, "contentDir" | "timeZones">, lang: Locale, base: string, date: string): string {
  const keys = scanContent(config.contentDir).files.flatMap((f) => {
    if (f.kind !== "article" || !f.rel.startsWith(`${lang}/`)) return [];
    try {
      const key = readArticleKey(f.rel, fs.readFileSync(f.abs, "utf8"), config.timeZones);
      return key ? [key] : [];
    } catch {
      return [];
    }
  });
  const districts = new Set(keys.map((k) => k.district));
  const served = crossCheck(keys, districts, (_lang, s) => s, (a) => isoDay(a.date, config.timeZones[a.lang])).slugs;
  const taken = new Set([...keys.map((k) => k.slug), ...served.values()]);
  if (!taken.has(base)) return base;
  let slug = `${base}-${date}`;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${date}-${n}`;
  return slug;
}

/** Validates the request and writes the file; never overwrites. */
export function createArticle(config: Pick<Config, "contentDir" | "timeZones">, input: NewArticleInput, now = Date.now()): NewArticle {
  const title = input.title.trim();
  if (!title || /[\r\n]/.test(title)) throw new NewArticleError(msg("new.titleOneLine"));
  if (title.length > 200) throw new NewArticleError(msg("new.titleTooLong", { max: 200 }));
  const districts = knownDistricts(config.contentDir);
  if (!districts.includes(input.district)) {
    throw new NewArticleError(msg("new.unknownDistrict", { district: input.district, known: districts.length ? districts.join(", ") : msg("new.noDistricts") }));
  }
  const date = input.date ?? isoDay(now, config.timeZones[input.lang]);
  if (dayProblem(date)) throw new NewArticleError(msg("new.badDate", { date }));
  const base = slugify(title, input.lang);
  if (!base) throw new NewArticleError(msg("new.titleNoLetters"));
  const slug = freeSlug(config, input.lang, base, date);
  // The file name keeps the date once: 2026-12-01-komunikat.md for komunikat-2026-12-01.
  const name = `${date}-${slug.startsWith(`${base}-${date}`) ? base + slug.slice(base.length + date.length + 1) : slug}`;
  const folder = path.join(config.contentDir, input.lang, input.district);
  const taken = [`${name}.md`, name].find((n) => fs.existsSync(path.join(folder, n)));
  if (taken) throw new NewArticleError(msg("new.exists", { file: `${input.lang}/${input.district}/${taken}` }));
  const rel = input.bundle ? `${input.lang}/${input.district}/${name}/index.md` : `${input.lang}/${input.district}/${name}.md`;
  const file = path.join(config.contentDir, ...rel.split("/"));
  const source = articleSource(input.lang, title, date, slug);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, source, { flag: "wx" }); // "wx": fail rather than overwrite, even in a race
  } catch (cause) {
    throw new NewArticleError(msg("new.cannotWrite", { file: rel, code: (cause as NodeJS.ErrnoException).code ?? "error" }), { cause });
  }
  return { file, rel, slug, source };
}
