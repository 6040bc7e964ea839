// Checks that need the whole tree: districts that exist, unique slugs and aliases per
// language, translation keys. Decides which valid articles are active (servable).
import type { Locale } from "../config.js";
import { issue, type ContentIssue } from "./issues.js";

/** The few fields of an article that cross-file checks read (cheap to load from the index). */
export interface ArticleKey {
  readonly file: string;
  readonly lang: Locale;
  readonly district: string;
  readonly slug: string;
  readonly aliases: readonly string[];
  readonly translationKey?: string | undefined;
  readonly lines: Readonly<Record<string, number>>;
}

export interface CrossCheckResult {
  /** Files of the articles that may be served. */
  readonly active: Set<string>;
  readonly issues: ContentIssue[];
  /** Old path (with trailing slash) → file of the article it now leads to. */
  readonly aliases: Map<string, string>;
}

/**
 * `brokenDistricts`: ids of district files that exist but are invalid (never valid, or no
 * last valid version to keep): their articles are told to fix that file, not to create it.
 */
export function crossCheck(
  articles: readonly ArticleKey[],
  districtIds: ReadonlySet<string>,
  articlePath: (lang: Locale, slug: string) => string,
  brokenDistricts: ReadonlySet<string> = new Set(),
): CrossCheckResult {
  const active = new Set<string>();
  const issues: ContentIssue[] = [];
  const slugs = new Map<string, string>();
  const aliases = new Map<string, string>();
  const keys = new Map<string, string>();
  const sorted = [...articles].sort((a, b) => a.file.localeCompare(b.file));
  for (const a of sorted) {
    if (!districtIds.has(a.district)) {
      if (brokenDistricts.has(a.district)) {
        issues.push(issue(a.file, 1, "district", `district "${a.district}" is not published: districts/${a.district}.yml has errors — fix that file`));
        continue;
      }
      issues.push(issue(a.file, 1, "district", `there is no district "${a.district}" — create districts/${a.district}.yml or move the article to an existing district folder`));
      continue;
    }
    const slugKey = `${a.lang}/${a.slug}`;
    const taken = slugs.get(slugKey);
    if (taken) {
      issues.push(issue(a.file, a.lines.slug ?? a.lines.title ?? 1, "slug", `"${a.slug}" is already used by ${taken} — set a different slug: in this article`));
      continue;
    }
    slugs.set(slugKey, a.file);
    active.add(a.file);
  }
  const ownPaths = new Map<string, string>();
  for (const a of sorted) if (active.has(a.file)) ownPaths.set(articlePath(a.lang, a.slug), a.file);
  for (const a of sorted) {
    if (!active.has(a.file)) continue;
    a.aliases.forEach((alias) => {
      const normal = alias.endsWith("/") ? alias : `${alias}/`;
      const other = aliases.get(normal) ?? ownPaths.get(normal);
      if (other && other !== a.file) {
        issues.push(issue(a.file, a.lines.aliases ?? 1, "aliases", `"${alias}" is already used by ${other} — remove it from one of the two articles`));
      } else {
        aliases.set(normal, a.file);
      }
    });
    if (a.translationKey) {
      const k = `${a.lang}/${a.translationKey}`;
      const other = keys.get(k);
      if (other) {
        issues.push(issue(a.file, a.lines.translationKey ?? 1, "translationKey", `"${a.translationKey}" is already used by ${other} in the same language — a translation key links articles of different languages`));
      } else {
        keys.set(k, a.file);
      }
    }
  }
  return { active, issues, aliases };
}
