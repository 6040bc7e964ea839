// Output of `npm run check` in four shapes: text for people, JSON for tools, GitHub
// Actions workflow commands, which turn each problem into an annotation on the changed
// line of a pull request, and GitLab's code-quality report, which does the same in a
// merge request (deploy/content-ci/).
import { createHash } from "node:crypto";
import path from "node:path";
import { formatIssueIn, inLanguage, type ContentIssue } from "../content/issues.js";
import { msg, say, type EditorLang } from "../content/messages/index.js";

export const FORMATS = ["text", "json", "github", "gitlab"] as const;
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

/** "12 files checked: 2 errors, 1 warning" — the last line of the text output. */
export function summaryLine(s: Summary, lang: EditorLang = "en"): string {
  const found =
    s.errors + s.warnings === 0
      ? msg("cli.noProblems")
      : msg("cli.found", { errors: msg("count.errors", { count: s.errors }), warnings: msg("count.warnings", { count: s.warnings }) });
  return say(msg("cli.summary", { files: msg("count.files", { count: s.files }), found }), lang);
}

// The escaping rules of the Actions toolkit (@actions/core, command.ts): the message
// escapes %, CR and LF; property values additionally escape ":" and ",".
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=content/bg/x.md,line=3,title=date::message` with the path relative to the repository (cwd). */
export function githubCommand(i: ContentIssue, contentDir: string, cwd: string): string {
  const file = repoPath(i, contentDir, cwd);
  return `::${i.severity} file=${escapeProperty(file)},line=${i.line},title=${escapeProperty(i.field)}::${escapeData(i.message)}`;
}

/** The problem's file relative to the repository root (cwd), as CI systems name files. */
function repoPath(i: ContentIssue, contentDir: string, cwd: string): string {
  const prefix = path.relative(cwd, contentDir).split(path.sep).join("/");
  return prefix ? `${prefix}/${i.file}` : i.file;
}

/**
 * GitLab's code-quality report (a subset of the Code Climate format): one JSON array,
 * each problem with a stable fingerprint so GitLab can tell new problems from old ones.
 */
export function gitlabReport(issues: readonly ContentIssue[], contentDir: string, cwd: string, lang: EditorLang = "en"): string {
  const shown = inLanguage(issues, lang);
  const entries = issues.map((i, n) => {
    const file = repoPath(i, contentDir, cwd);
    return {
      description: shown[n]!.message,
      check_name: i.field,
      // From the English wording, so a problem keeps its fingerprint whatever the language.
      fingerprint: createHash("sha256").update(`${file}\0${i.field}\0${i.message}`).digest("hex"),
      severity: i.severity === "error" ? "major" : "minor",
      location: { path: file, lines: { begin: i.line } },
    };
  });
  return `${JSON.stringify(entries, null, 2)}\n`;
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

/** `lang`: the language of the messages (the JSON keeps each message's `id` for tools). */
export function render(format: Format, issues: readonly ContentIssue[], files: number, contentDir: string, cwd: string, lang: EditorLang = "en"): string {
  const summary = summarize(issues, files);
  // `file` stays relative to the content folder; `contentDir` says where that is.
  if (format === "gitlab") return gitlabReport(issues, contentDir, cwd, lang);
  if (format === "json")
    return `${JSON.stringify({ contentDir: contentPrefix(contentDir, cwd).replace(/\/$/, "") || ".", issues: inLanguage(issues, lang), summary }, null, 2)}\n`;
  const prefix = contentPrefix(contentDir, cwd);
  const lines =
    format === "github" ? inLanguage(issues, lang).map((i) => githubCommand(i, contentDir, cwd)) : issues.map((i) => prefix + formatIssueIn(i, lang));
  return `${[...lines, summaryLine(summary, lang)].join("\n")}\n`;
}
