// Output of `npm run check` in three shapes: text for people, JSON for tools, and
// GitHub Actions workflow commands, which turn each problem into an annotation on the
// changed line of a pull request.
import path from "node:path";
import { formatIssue, type ContentIssue } from "../content/issues.js";

export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(issues: readonly ContentIssue[], files: number): Summary {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { files, errors, warnings: issues.length - errors };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "12 files checked: 2 errors, 1 warning" — the last line of the text output. */
export function summaryLine(s: Summary): string {
  const found = s.errors + s.warnings === 0 ? "no problems" : `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
  return `${plural(s.files, "file")} checked: ${found}`;
}

// The escaping rules of the Actions toolkit (@actions/core, command.ts): the message
// escapes %, CR and LF; property values additionally escape ":" and ",".
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=content/bg/x.md,line=3,title=date::message` with the path relative to the repository (cwd). */
export function githubCommand(i: ContentIssue, contentDir: string, cwd: string): string {
  const prefix = path.relative(cwd, contentDir).split(path.sep).join("/");
  const file = prefix ? `${prefix}/${i.file}` : i.file;
  return `::${i.severity} file=${escapeProperty(file)},line=${i.line},title=${escapeProperty(i.field)}::${escapeData(i.message)}`;
}

/**
 * The content folder as the editor would type it: relative to where the command runs
 * ("content/"), so terminals and editors turn `content/bg/x.md:3` into a link; absolute
 * when the folder is elsewhere.
 */
export function contentPrefix(contentDir: string, cwd: string): string {
  const rel = path.relative(cwd, contentDir);
  if (!rel) return "";
  const shown = rel.startsWith("..") || path.isAbsolute(rel) ? path.resolve(contentDir) : rel;
  return `${shown.split(path.sep).join("/")}/`;
}

export function render(format: Format, issues: readonly ContentIssue[], files: number, contentDir: string, cwd: string): string {
  const summary = summarize(issues, files);
  // `file` stays relative to the content folder; `contentDir` says where that is.
  if (format === "json") return `${JSON.stringify({ contentDir: contentPrefix(contentDir, cwd).replace(/\/$/, "") || ".", issues, summary }, null, 2)}\n`;
  const prefix = contentPrefix(contentDir, cwd);
  const lines = format === "github" ? issues.map((i) => githubCommand(i, contentDir, cwd)) : issues.map((i) => prefix + formatIssue(i));
  return `${[...lines, summaryLine(summary)].join("\n")}\n`;
}
