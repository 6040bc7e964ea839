// JSON kept in TEXT columns, decoded through a zod schema instead of a cast: an index file
// written by another version of the portal (or damaged) fails loudly here, at the column
// that holds it, not as an undefined deep inside a template.
import { z } from "zod";
import type { ContentIssue } from "../content/issues.js";

/** Parses `text` (a TEXT column) as JSON of the given shape. */
export function decodeJson<T>(schema: z.ZodType<T>, text: string, column: string): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`The index column ${column} holds JSON of another shape: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

export const stringList = z.array(z.string());
/** Front-matter key → 1-based line (Article.lines, Alert.lines). */
export const lineMap = z.record(z.string(), z.number());

/** ContentIssue as stored (files.issues, the meta lists); fields added later pass through. */
export const issueList: z.ZodType<ContentIssue[]> = z.array(
  z.looseObject({ file: z.string(), line: z.number(), field: z.string(), message: z.string(), severity: z.enum(["error", "warning"]) }),
);
