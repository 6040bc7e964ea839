// Walks the content folder and classifies every file by the content contract:
// districts/<id>.yml, <lang>/<district>/<name>.md, <lang>/<district>/<name>/index.md.
import fs from "node:fs";
import path from "node:path";
import { isLocale } from "../config.js";
import { msg } from "./messages/index.js";
import { DISTRICT_ID_PATTERN } from "./schema.js";
import { issue, linkedFileIssue, unreadableIssue, type ContentIssue } from "./issues.js";

export interface ContentFile {
  readonly kind: "article" | "district" | "page" | "alert";
  /** Path relative to the content folder, forward slashes. */
  readonly rel: string;
  readonly abs: string;
  readonly mtimeMs: number;
  readonly size: number;
}

/** Folders at the top of the content tree that are not languages. */
export const RESERVED_FOLDERS = new Set(["districts", "pages", "accessibility", "privacy"]);

export interface ScanResult {
  readonly files: ContentFile[];
  readonly issues: ContentIssue[];
  /**
   * Folders and files the scan could not read (permissions, I/O errors): what the index
   * holds under them is not "gone", so the sync keeps it (src/index/sync.ts).
   */
  readonly unreadable?: readonly string[];
}

/** True when `rel` is one of `unreadable` or lies inside one of them. */
export function isUnder(rel: string, unreadable: readonly string[]): boolean {
  return unreadable.some((u) => rel === u || rel.startsWith(`${u}/`));
}

/** Names of the files the scan reads (articles, district files). */
const CONTENT_NAME = /\.(?:md|ya?ml)$/i;
/** Marks a symbolic link among the paths the scan could not read. */
const LINKED = Symbol("a symbolic link");

/** Gone between listing and reading: a deletion, not a fault. */
const isGone = (cause: unknown) => ["ENOENT", "ENOTDIR"].includes((cause as NodeJS.ErrnoException).code ?? "");

/** Hidden entries (.git, editors' swap files) and node_modules are never content. */
export function isSkipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * Collects [relative path with forward slashes, absolute path] of every file under `dir`.
 * A folder that cannot be read (chmod 000, EMFILE, EIO) goes to `failed`: skipping it
 * silently unpublished every article in it, with no message.
 */
function walk(dir: string, rel: string, out: [string, string][], failed: [string, unknown][], depth = 0): void {
  if (depth > 8) return; // content is at most a few levels deep; this stops symlink loops too
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (cause) {
    if (!isGone(cause)) failed.push([rel, cause]);
    return;
  }
  for (const e of entries) {
    if (isSkipped(e.name)) continue;
    // Built while walking: path.relative per file was a fifth of a warm start's scan.
    const abs = dir + path.sep + e.name;
    const childRel = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) walk(abs, childRel, out, failed, depth + 1);
    else if (e.isFile()) out.push([childRel, abs]);
    // Links are never followed (one to /etc/passwd must not be read); an article swapped
    // for one vanished from the site with no message. It is named, and kept as it was.
    else if (e.isSymbolicLink() && CONTENT_NAME.test(e.name)) failed.push([childRel, LINKED]);
  }
}

/** Classifies one path (relative, forward slashes); null for files that are not content (images, README). */
export function classify(rel: string): { kind: ContentFile["kind"] } | { problem: ContentIssue } | null {
  const parts = rel.split("/");
  const top = parts[0] ?? "";
  const ext = path.posix.extname(rel).toLowerCase();
  if (top === "districts") {
    if (parts.length !== 2 || (ext !== ".yml" && ext !== ".yaml")) return null;
    const id = path.posix.basename(rel, ext);
    if (!DISTRICT_ID_PATTERN.test(id)) {
      return { problem: issue(rel, 1, "file", msg("scan.districtName", { id })) };
    }
    return { kind: "district" };
  }
  if (top === "alerts") return classifyAlert(rel, parts, ext);
  if (top === "pages") return parts.length === 3 && ext === ".md" && isLocale(parts[1]) ? { kind: "page" } : null;
  if (RESERVED_FOLDERS.has(top)) return null; // read by their own loaders (accessibility/)
  if (ext !== ".md" || parts.length === 1) return null;
  if (!isLocale(top)) {
    return { problem: issue(rel, 1, "file", msg("scan.notLanguage", { folder: top })) };
  }
  const isBundle = parts.length === 4 && parts[3] === "index.md";
  if (parts.length !== 3 && !isBundle) {
    return { problem: issue(rel, 1, "file", msg("scan.articlePlace", { lang: top })) };
  }
  return { kind: "article" };
}

/** Service alerts (issue 23): alerts/<lang>/<name>.md, one file per alert and language. */
function classifyAlert(rel: string, parts: readonly string[], ext: string): ReturnType<typeof classify> {
  if (ext !== ".md") return null;
  if (parts.length === 3 && isLocale(parts[1])) return { kind: "alert" };
  return { problem: issue(rel, 1, "file", msg("scan.alertPlace")) };
}

const MARKDOWN = /\.md$/i;

export interface ScanOptions {
  /**
   * Told how many Markdown files the walk found, before they are classified and stat'ed
   * (most of a large scan's time): a cold build starts its parse workers then (see
   * ParseMany.warm). Pictures beside the articles are not counted.
   */
  readonly walked?: (markdownFiles: number) => void;
}

export function scanContent(contentDir: string, options: ScanOptions = {}): ScanResult {
  const paths: [string, string][] = [];
  const failed: [string, unknown][] = [];
  walk(path.resolve(contentDir), "", paths, failed);
  if (options.walked) options.walked(paths.reduce((n, [rel]) => (MARKDOWN.test(rel) ? n + 1 : n), 0));
  const files: ContentFile[] = [];
  const issues: ContentIssue[] = [];
  for (const [rel, abs] of paths.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const c = classify(rel);
    if (!c) continue;
    if ("problem" in c) {
      issues.push(c.problem);
      continue;
    }
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs, { throwIfNoEntry: false });
    } catch (cause) {
      // A folder readable but not searchable (chmod 644) lists its files and refuses their
      // stat: that failed every later sync, holding back every other editor's change.
      if (!isGone(cause)) failed.push([rel, cause]);
    }
    if (st) files.push({ kind: c.kind, rel, abs, mtimeMs: Math.trunc(st.mtimeMs), size: st.size });
  }
  for (const [rel, cause] of failed) issues.push(cause === LINKED ? linkedFileIssue(rel) : unreadableIssue(rel || ".", (cause as NodeJS.ErrnoException).code ?? "error"));
  return { files, issues, unreadable: failed.map(([rel]) => rel) };
}

export interface PathScan {
  /** The paths that exist, as content files. */
  readonly files: ContentFile[];
  /** The paths that no longer exist. */
  readonly missing: string[];
}

/**
 * Stats just the given paths (relative, forward slashes), as reported by the watcher, so
 * one saved article does not cost a walk of the whole tree. Null when any path is not
 * plainly an article or district file (a folder, a misplaced file, an image): only the
 * full scan knows what such a change means.
 */
export function scanPaths(contentDir: string, rels: readonly string[]): PathScan | null {
  const files: ContentFile[] = [];
  const missing: string[] = [];
  for (const rel of [...new Set(rels)].sort()) {
    const c = classify(rel);
    if (!c || "problem" in c || c.kind === "page") return null;
    const abs = path.join(contentDir, ...rel.split("/"));
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs, { throwIfNoEntry: false });
    } catch {
      return null; // cannot be stat'ed: the full scan names it and keeps what the index has
    }
    if (!st) missing.push(rel);
    else if (st.isFile()) files.push({ kind: c.kind, rel, abs, mtimeMs: Math.trunc(st.mtimeMs), size: st.size });
    else return null;
  }
  return { files, missing };
}
