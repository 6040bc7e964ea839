// What the content loader hands the index: one parsed file, and the way many are parsed
// (in this thread, or on worker threads for a cold start; see parallel.ts).
import type { Alert } from "../alert.js";
import type { Article } from "../article.js";
import type { District } from "../district.js";
import type { ContentIssue } from "../issues.js";
import type { ContentFile } from "../scan.js";

export interface Parsed {
  readonly file: ContentFile;
  readonly article?: Article | null;
  readonly district?: District | null;
  /** An alert file (alerts/<lang>/<name>.md); null when it is broken (its last good version stays). */
  readonly alert?: Alert | null;
  readonly issues: ContentIssue[];
}

/**
 * Parses the given files and hands the results to `emit` in the files' order, a batch
 * at a time; the cold-start path replaces the in-thread default with worker threads.
 */
export type ParseMany = ((files: ContentFile[], emit: (batch: Parsed[]) => void, options?: ParseManyOptions) => void | Promise<void>) & {
  /**
   * A fresh build is about to parse about this many files (the Markdown files the walk of
   * the content folder found): worker threads can load the parser while the scan finishes.
   */
  readonly warm?: (files: number) => void;
};

export interface ParseManyOptions {
  /** See ParseOptions.bodyLater (src/content/article.ts). */
  readonly bodyLater?: boolean;
}
