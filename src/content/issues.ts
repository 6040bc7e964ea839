// Problems found in the content tree, worded for editors: which file, which line,
// which field, what is wrong and what to do. The wording is the catalogue's
// (./messages/), in English in `message` and in the editor's language when shown.
import { isMessage, msg, say, type EditorLang, type Message, type MessageId, type Param } from "./messages/index.js";

export type Severity = "error" | "warning";

export interface ContentIssue {
  /** Path relative to the content folder, with forward slashes. */
  readonly file: string;
  /** 1-based line in the file; 1 when the problem concerns the whole file. */
  readonly line: number;
  /** The front-matter field (dotted for nested ones), or a word for the whole file such as "file". */
  readonly field: string;
  /** The catalogue id of the message, stable across releases (tools may match on it). */
  readonly id: MessageId;
  readonly params?: Readonly<Record<string, Param>>;
  /** The message in English; `wording` gives it in another language. */
  readonly message: string;
  readonly severity: Severity;
}

export function issue(file: string, line: number, field: string, m: Message, severity: Severity = "error"): ContentIssue {
  return { file, line, field, id: m.id, ...(m.params ? { params: m.params } : {}), message: say(m), severity };
}

/** The issue's message in `lang` (an issue stored by an older release has only English). */
export function wording(i: ContentIssue, lang: EditorLang): string {
  if (lang === "en") return i.message;
  const m = { id: i.id, params: i.params };
  return isMessage(m) ? say(m, lang) : i.message;
}

/** The issues with `message` in `lang`, for the JSON, GitHub and GitLab outputs. */
export function inLanguage(issues: readonly ContentIssue[], lang: EditorLang): ContentIssue[] {
  return lang === "en" ? [...issues] : issues.map((i) => ({ ...i, message: wording(i, lang) }));
}

/**
 * A file that made the portal itself fail while reading it (an exception from a parser,
 * not a rule of the editor guide): the file is kept off the site and named, with the
 * reason, while every other file is published. The reason is the error's first line,
 * without the server's folders (the list of problems is shown on the dev banner and by
 * `npm run check`).
 */
export function unexpectedProblem(file: string, line: number, field: string, cause: unknown, contentDir: string): ContentIssue {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const reason = text.split("\n")[0]!.split(contentDir).join("").slice(0, 200);
  return issue(file, line, field, msg("file.unexpected", { reason }));
}

/** A folder or file the scan cannot read: what the site had from it stays published (src/index/sync.ts). */
export function unreadableIssue(rel: string, code: string): ContentIssue {
  return issue(rel, 1, "file", msg("file.unreadable", { code }));
}

/** An article or district file that is a symbolic link: never followed; what the site had from it stays. */
export function linkedFileIssue(rel: string): ContentIssue {
  return issue(rel, 1, "file", msg("file.symlink"));
}

/** When a file that was published becomes invalid, the site keeps its last valid version (src/index/sync.ts). */
export function heldBackIssue(file: string, since: number): ContentIssue {
  const when = `${new Date(since).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return issue(file, 1, "file", msg("file.heldBack", { when }), "warning");
}

/** `bg/sredets/2017-09-29-obuchenie.md:3: date: "2017-02-30" is not a real date — use YYYY-MM-DD` */
export function formatIssue(i: ContentIssue): string {
  return formatIssueIn(i, "en");
}

/** The same line in the editor's language. */
export function formatIssueIn(i: ContentIssue, lang: EditorLang): string {
  const prefix = i.severity === "warning" ? `${say(msg("label.warning"), lang)}: ` : "";
  return `${i.file}:${i.line}: ${i.field}: ${prefix}${wording(i, lang)}`;
}

export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}
