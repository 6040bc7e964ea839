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
