// Checks that need the whole tree: districts that exist, unique slugs and aliases per
// language, translation keys. Decides which valid articles are active (servable), and
// the address of each when several ask for the same one.
import type { Locale } from "../config.js";
import { issue, type ContentIssue } from "./issues.js";
import { msg } from "./messages/index.js";

/** The few fields of an article that cross-file checks read (cheap to load from the index). */
export interface ArticleKey {
  readonly file: string;
  readonly lang: Locale;
  readonly district: string;
  /** The address the file asks for: its `slug:`, else the one made from its title. */
  readonly slug: string;
  /** Publication time (epoch ms): of the articles asking for one address, the earliest gets it. */
  readonly date: number;
  readonly aliases: readonly string[];
  readonly translationKey?: string | undefined;
  readonly lines: Readonly<Record<string, number>>;
}

export interface CrossCheckResult {
  /** Files of the articles that may be served. */
  readonly active: Set<string>;
  /** File → the slug each active article is served at (see `addresses`). */
  readonly slugs: Map<string, string>;
  readonly issues: ContentIssue[];
  /** Old path (with trailing slash) → file of the article it now leads to. */
  readonly aliases: Map<string, string>;
}

/** Oldest first; equal times by file name (code units, the same on every machine). */
const byAge = (a: ArticleKey, b: ArticleKey): number => a.date - b.date || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * The address of every article, when several ask for the same one (a title published
 * every month, titles that differ only after the 80 characters a slug keeps, or the same
 * `slug:` twice): the earliest article (by date, then file name) gets it; each later one
 * gets its own date added, "grafik-2026-10-01" (its day in its language's time zone), and
 * "-2", "-3"… after that when several share the day too. Every plain address is handed out
 * before any dated one, so a dated address never takes another article's own. The rule
 * reads only the tree: every replica, and every order of indexing, gives the same
 * addresses; a later article never moves an earlier one's. Each later article gets a
 * warning that says how to keep its address for good (content/README.md).
 */
function addresses(sorted: readonly ArticleKey[], dayOf: (a: ArticleKey) => string, articlePath: (lang: Locale, slug: string) => string): { slugs: Map<string, string>; issues: ContentIssue[] } {
  const owner = new Map<string, string>();
  const slugs = new Map<string, string>();
  const issues: ContentIssue[] = [];
  const later: ArticleKey[] = [];
  for (const a of sorted) {
    const key = `${a.lang}/${a.slug}`;
    if (owner.has(key)) {
      later.push(a);
    } else {
      owner.set(key, a.file);
      slugs.set(a.file, a.slug);
    }
  }
  for (const a of later) {
    const day = dayOf(a);
    let slug = `${a.slug}-${day}`;
    for (let n = 2; owner.has(`${a.lang}/${slug}`); n++) slug = `${a.slug}-${day}-${n}`;
    owner.set(`${a.lang}/${slug}`, a.file);
    slugs.set(a.file, slug);
    const first = owner.get(`${a.lang}/${a.slug}`)!;
    const own = a.lines.slug !== undefined;
    const published = articlePath(a.lang, slug);
    const what = own ? msg("cross.slugTaken", { slug: a.slug, first, path: published, newSlug: slug }) : msg("cross.addressTaken", { address: articlePath(a.lang, a.slug), first, path: published, newSlug: slug });
    issues.push(issue(a.file, (own ? a.lines.slug : a.lines.title) ?? 1, own ? "slug" : "title", what, "warning"));
  }
  return { slugs, issues };
}

/**
 * `dayOf`: an article's publication day, YYYY-MM-DD in its language's time zone (the
 * dated addresses of `addresses`).
 */
/**
 * `brokenDistricts`: ids of district files that exist but are invalid (never valid, or no
 * last valid version to keep): their articles are told to fix that file, not to create it.
 */
export function crossCheck(
  articles: readonly ArticleKey[],
  districtIds: ReadonlySet<string>,
  articlePath: (lang: Locale, slug: string) => string,
  dayOf: (a: ArticleKey) => string,
  brokenDistricts: ReadonlySet<string> = new Set(),
): CrossCheckResult {
  const active = new Set<string>();
  const issues: ContentIssue[] = [];
  const aliases = new Map<string, string>();
  const keys = new Map<string, string>();
  // One order for every rule: of two articles claiming one address, alias or key, the
  // earlier keeps it (one sort: at 10,000 articles each costs a sync several ms).
  const sorted = [...articles].sort(byAge);
  for (const a of sorted) {
    if (!districtIds.has(a.district)) {
      if (brokenDistricts.has(a.district)) {
        issues.push(issue(a.file, 1, "district", msg("cross.districtBroken", { district: a.district })));
        continue;
      }
      issues.push(issue(a.file, 1, "district", msg("cross.districtMissing", { district: a.district })));
      continue;
    }
    active.add(a.file);
  }
  const placed = addresses(sorted.filter((a) => active.has(a.file)), dayOf, articlePath);
  issues.push(...placed.issues);
  const ownPaths = new Map<string, string>();
  for (const a of sorted) if (active.has(a.file)) ownPaths.set(articlePath(a.lang, placed.slugs.get(a.file)!), a.file);
  for (const a of sorted) {
    if (!active.has(a.file)) continue;
    a.aliases.forEach((alias) => {
      const normal = alias.endsWith("/") ? alias : `${alias}/`;
      const other = aliases.get(normal) ?? ownPaths.get(normal);
      if (other && other !== a.file) {
        issues.push(issue(a.file, a.lines.aliases ?? 1, "aliases", msg("cross.aliasTaken", { alias, other })));
      } else {
        aliases.set(normal, a.file);
      }
    });
    if (a.translationKey) {
      const k = `${a.lang}/${a.translationKey}`;
      const other = keys.get(k);
      if (other) {
        issues.push(issue(a.file, a.lines.translationKey ?? 1, "translationKey", msg("cross.keyTaken", { key: a.translationKey, other })));
      } else {
        keys.set(k, a.file);
      }
    }
  }
  return { active, slugs: placed.slugs, issues, aliases };
}
