// `npm run check` compares articles with their last git commit (one ls-tree, one diff,
// one cat-file --batch for every comparison):
// - it warns when an article's address is not the one it had: a corrected title (the
//   address is made from it), a changed `slug:`, or an earlier article with the same title
//   deleted or added (content/cross-check.ts) would otherwise move a published article,
//   and every link to it in social media, search engines and newsletters would break
//   (issue 19, item 10);
// - it warns when `updated:` moved later without a new `changes:` note: readers would
//   see "Updated" with nothing saying what changed (issue 26).
// Only the check reads git; what the portal serves depends on the files alone, so
// replicas of one commit agree.
import { execFileSync } from "node:child_process";
import type { Config, Locale } from "../config.js";
import { isoDay } from "../i18n/format.js";
import type { Article } from "./article.js";
import { crossCheck, type ArticleKey } from "./cross-check.js";
import { toEpochMs } from "./dates.js";
import { parseMarkdownFile } from "./frontmatter.js";
import { classify } from "./scan.js";
import { issue, type ContentIssue } from "./issues.js";
import { msg } from "./messages/index.js";
import { frontMatterSchema } from "./schema.js";
import { slugify } from "./slug.js";

const GIT_TIMEOUT_MS = 20_000;

/** What the comparisons need of one article, now or in the last commit. */
interface Known extends ArticleKey {
  readonly draft: boolean;
  /** The update date readers see (content/article.ts): `updated:` or the newest note. */
  readonly updated: number | undefined;
  /** Each change note as "<date ms> <note>". */
  readonly notes: readonly string[];
}

const noteKey = (c: { date: number; note: string }) => `${c.date} ${c.note}`;

function git(contentDir: string, args: readonly string[], input?: string): Buffer | null {
  try {
    return execFileSync("git", ["-C", contentDir, "-c", "core.quotePath=false", ...args], {
      encoding: "buffer",
      // A string input would be encoded with `encoding`, which "buffer" is not.
      input: input === undefined ? undefined : Buffer.from(input),
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ["pipe", "pipe", "ignore"],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    });
  } catch {
    return null; // no git, not a checkout, no commit yet: nothing to compare with
  }
}

/** The text of each `files` (relative to contentDir) in HEAD, through one `git cat-file`. */
function committedTexts(contentDir: string, files: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (files.length === 0) return texts;
  const out = git(contentDir, ["cat-file", "--batch"], files.map((f) => `HEAD:./${f}\n`).join(""));
  if (out === null) return texts;
  // Each answer: "<oid> blob <bytes>\n<content>\n", or "<name> missing\n".
  const bytes = out;
  let at = 0;
  for (const file of files) {
    const eol = bytes.indexOf(10, at);
    if (eol < 0) break;
    const header = bytes.subarray(at, eol).toString("utf8").split(" ");
    at = eol + 1;
    if (header[1] !== "blob") continue;
    const size = Number(header[2]);
    texts.set(file, bytes.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return texts;
}

/** The keys of an article as its text gives them, or null when it is not valid (front matter only). */
export function readArticleKey(file: string, text: string, timeZones: Config["timeZones"]): Known | null {
  try {
    const parsed = parseMarkdownFile(text);
    const fm = frontMatterSchema.safeParse(parsed.data);
    if (!fm.success) return null;
    const [lang, district] = file.split("/") as [Locale, string];
    const slug = fm.data.slug ?? slugify(fm.data.title, lang);
    const lines: Record<string, number> = fm.data.slug === undefined ? {} : { slug: 1 };
    const tz = timeZones[lang];
    const notes = fm.data.changes.map((c) => ({ date: toEpochMs(c.date, tz), note: c.note }));
    const newest = notes.length ? Math.max(...notes.map((c) => c.date)) : undefined;
    const updated = fm.data.updated === undefined ? newest : Math.max(toEpochMs(fm.data.updated, tz), newest ?? 0);
    return { file, lang, district, slug, date: toEpochMs(fm.data.date, tz), aliases: [], lines, draft: fm.data.draft, updated, notes: notes.map(noteKey) };
  } catch {
    return null;
  }
}

/** File → address (URL path) of every article, by the portal's own rule (cross-check.ts). */
function addressesOf(keys: readonly Known[], districts: ReadonlySet<string>, timeZones: Config["timeZones"], articlePath: (lang: Locale, slug: string) => string): Map<string, string> {
  const cross = crossCheck(keys, districts, articlePath, (a) => isoDay(a.date, timeZones[a.lang]));
  return new Map(keys.flatMap((k) => {
    const slug = cross.slugs.get(k.file);
    return slug === undefined ? [] : [[k.file, articlePath(k.lang, slug)] as const];
  }));
}

/**
 * Every article of the last commit as it was there (files unchanged since are taken from
 * `now`), or null when the content folder is not in git.
 */
function lastCommit(contentDir: string, now: ReadonlyMap<string, Known>, timeZones: Config["timeZones"]): Known[] | null {
  const listed = git(contentDir, ["ls-tree", "-r", "--name-only", "HEAD", "--", "."]);
  const changed = git(contentDir, ["diff", "--name-only", "--no-renames", "--relative", "HEAD", "--", "."]);
  if (listed === null || changed === null) return null;
  const isArticle = (f: string) => f !== "" && (classify(f) as { kind?: string } | null)?.kind === "article";
  const inHead = listed.toString("utf8").split("\n").filter(isArticle);
  const edited = new Set(changed.toString("utf8").split("\n").filter(isArticle));
  const texts = committedTexts(contentDir, inHead.filter((f) => edited.has(f) || !now.has(f)));
  const before: Known[] = [];
  for (const file of inHead) {
    const text = texts.get(file);
    const key = text === undefined ? now.get(file) : readArticleKey(file, text, timeZones);
    if (key) before.push(key);
  }
  return before;
}

/**
 * The warnings of the comparison with the last commit: addresses that moved
 * (addressChanges) and update dates moved without a note (updateChanges). Nothing when
 * the content folder is not in git.
 */
export function historyIssues(config: Pick<Config, "contentDir" | "timeZones">, articles: readonly Article[], districts: ReadonlySet<string>, articlePath: (lang: Locale, slug: string) => string): ContentIssue[] {
  const now = new Map(
    articles.map((a): [string, Known] => [a.file, { file: a.file, lang: a.lang, district: a.district, slug: a.slug, date: a.date, aliases: a.aliases, lines: a.lines, draft: a.draft, updated: a.updated, notes: a.changes.map(noteKey) }]),
  );
  const before = lastCommit(config.contentDir, now, config.timeZones);
  if (before === null) return [];
  return [...addressChanges(config, articles, before, now, districts, articlePath), ...updateChanges(config.timeZones, articles, before)];
}

/**
 * A warning for each article whose address differs from the one it had in the last
 * commit, unless that old address is already among its `aliases:`. Drafts in that commit
 * were not public and are left out.
 */
function addressChanges(config: Pick<Config, "timeZones">, articles: readonly Article[], before: readonly Known[], now: ReadonlyMap<string, Known>, districts: ReadonlySet<string>, articlePath: (lang: Locale, slug: string) => string): ContentIssue[] {
  const old = addressesOf(before, districts, config.timeZones, articlePath);
  const current = addressesOf([...now.values()], districts, config.timeZones, articlePath);
  const wasDraft = new Set(before.filter((k) => k.draft).map((k) => k.file));
  const out: ContentIssue[] = [];
  for (const a of articles) {
    const was = old.get(a.file);
    const is = current.get(a.file);
    if (!was || !is || was === is || wasDraft.has(a.file) || a.aliases.some((x) => (x.endsWith("/") ? x : `${x}/`) === was)) continue;
    const oldSlug = was.split("/").at(-2)!;
    const own = a.lines.slug !== undefined;
    const aliases = `aliases: [${[...a.aliases, was].join(", ")}]`;
    out.push(issue(a.file, (own ? a.lines.slug : a.lines.title) ?? 1, own ? "slug" : "title", msg(own ? "history.slugChanged" : "history.addressChanged", { was, is, oldSlug, aliases }), "warning"));
  }
  return out;
}

/**
 * A warning for each article whose `updated:` is later than the update date it had in the
 * last commit while no change note was added. Drafts in that commit were not public, and
 * an `updated:` later than every note is already a warning of its own (check.ts).
 */
function updateChanges(timeZones: Config["timeZones"], articles: readonly Article[], before: readonly Known[]): ContentIssue[] {
  const old = new Map(before.map((k) => [k.file, k]));
  const out: ContentIssue[] = [];
  for (const a of articles) {
    const was = old.get(a.file);
    const line = a.lines.updated;
    if (!was || was.draft || line === undefined || a.updated === undefined || a.updated <= (was.updated ?? a.date)) continue;
    if (a.changes.length > 0 && a.updated > a.changes[0]!.date) continue;
    const known = new Set(was.notes);
    if (a.changes.some((c) => !known.has(noteKey(c)))) continue;
    const day = (ms: number) => isoDay(ms, timeZones[a.lang]);
    const wasText = was.updated === undefined ? msg("history.notSet") : day(was.updated);
    out.push(issue(a.file, line, "updated", msg("history.updatedNoNote", { was: wasText, is: day(a.updated) }), "warning"));
  }
  return out;
}
