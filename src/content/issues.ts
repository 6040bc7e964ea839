// Problems found in the content tree, worded for editors: which file, which line,
// which field, what is wrong and what to do. The wording is stable and tested.

export type Severity = "error" | "warning";

export interface ContentIssue {
  /** Path relative to the content folder, with forward slashes. */
  readonly file: string;
  /** 1-based line in the file; 1 when the problem concerns the whole file. */
  readonly line: number;
  /** The front-matter field (dotted for nested ones), or a word for the whole file such as "file". */
  readonly field: string;
  readonly message: string;
  readonly severity: Severity;
}

export function issue(file: string, line: number, field: string, message: string, severity: Severity = "error"): ContentIssue {
  return { file, line, field, message, severity };
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
  return issue(file, line, field, `cannot be read by the portal (${reason}) — simplify the text around this line, and report the file to the portal's developers`);
}

/** A folder or file the scan cannot read: what the site had from it stays published (src/index/sync.ts). */
export function unreadableIssue(rel: string, code: string): ContentIssue {
  return issue(rel, 1, "file", `cannot be read (${code}) — check the permissions (folders need r and x, files r for the portal's user); the site keeps serving what it had from here`);
}

/** An article or district file that is a symbolic link: never followed; what the site had from it stays. */
export function linkedFileIssue(rel: string): ContentIssue {
  return issue(rel, 1, "file", "is a symbolic link — the portal reads only real files inside the content folder; put the file itself here (the site keeps what it had from this path)");
}

/** When a file that was published becomes invalid, the site keeps its last valid version (src/index/sync.ts). */
export function heldBackIssue(file: string, since: number): ContentIssue {
  const when = `${new Date(since).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return issue(file, 1, "file", `held back: serving the version of ${when} — the site keeps it until the errors in this file are fixed (deleting the file unpublishes it)`, "warning");
}

/** `bg/sredets/2017-09-29-obuchenie.md:3: date: "2017-02-30" is not a real date — use YYYY-MM-DD` */
export function formatIssue(i: ContentIssue): string {
  const prefix = i.severity === "warning" ? "warning: " : "";
  return `${i.file}:${i.line}: ${i.field}: ${prefix}${i.message}`;
}

export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}
