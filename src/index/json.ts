// JSON kept in TEXT columns, decoded through a zod schema instead of a cast: an index file
// written by another version of the portal (or damaged) fails loudly here, at the column
// that holds it, not as an undefined deep inside a template.
import { z } from "zod";
import type { ContentIssue } from "../content/issues.js";
import { isMessageId, type Param } from "../content/messages/index.js";

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
  z.looseObject({
    file: z.string(),
    line: z.number(),
    field: z.string(),
    id: z.string().refine(isMessageId, "is not a message id of this version"),
    // Text, a number or a nested message ({ id, params }), as issue() stored them.
    params: z
      .record(
        z.string(),
        z.custom<Param>((v) => typeof v === "string" || typeof v === "number" || (typeof v === "object" && v !== null)),
      )
      .optional(),
    message: z.string(),
    severity: z.enum(["error", "warning"]),
  }),
);
