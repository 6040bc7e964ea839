// Turns zod's validation issues into editor messages: one per field, with the line
// of the offending key, and a suggestion for misspelt field names ("titel" → "title").
import type { z } from "zod";
import { issue, type ContentIssue } from "./issues.js";

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The allowed key closest to a misspelt one, when it is close enough to be a typo. */
export function suggestKey(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of allowed) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestScore) [best, bestScore] = [candidate, d];
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    if (!shape || typeof key !== "string") return [];
    node = shape[key];
  }
  const shape = (unwrap(node) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(node: unknown): unknown {
  // Optional and default wrappers keep the object schema in `def.innerType`.
  let n = node as { def?: { innerType?: unknown } } | undefined;
  while (n?.def?.innerType) n = n.def.innerType as typeof n;
  return n;
}

/** The value at `path` in the parsed YAML, or undefined when a key on the way is absent. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) node = node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/**
 * `data` (the parsed YAML), when given, drops the consequence of a misspelt key: with
 * `municipalty:` the real `municipality` is absent, and "is required" for it would be a
 * second, misleading message for the one mistake ("did you mean" already names it).
 */
export function zodToIssues(
  error: z.ZodError,
  schema: z.ZodType,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  data?: unknown,
): ContentIssue[] {
  const out: ContentIssue[] = [];
  const misspelt = new Set<string>();
  if (data !== undefined) {
    for (const i of error.issues) {
      if (i.code !== "unrecognized_keys") continue;
      const allowed = allowedKeysAt(schema, i.path);
      for (const key of i.keys) {
        const hint = suggestKey(key, allowed);
        if (hint && valueAt(data, [...i.path, hint]) === undefined) misspelt.add([...i.path, hint].join("."));
      }
    }
  }
  for (const i of error.issues) {
    if (i.code !== "unrecognized_keys" && misspelt.has(i.path.join("."))) continue;
    if (i.code === "unrecognized_keys") {
      const allowed = allowedKeysAt(schema, i.path);
      for (const key of i.keys) {
        if (key === "") {
          // "? " or ": x" in YAML: a key with no name, which would print as an empty field.
          out.push(issue(file, lineOf([...i.path, key]), i.path.length ? i.path.join(".") : "front matter", "a field has no name — write each field as name: value"));
          continue;
        }
        const field = [...i.path, key].join(".");
        const hint = suggestKey(key, allowed);
        const what = hint ? `did you mean "${hint}"?` : `allowed fields are ${allowed.join(", ")}`;
        out.push(issue(file, lineOf([...i.path, key]), field, `unknown field — ${what}`));
      }
      continue;
    }
    const field = i.path.length ? i.path.join(".") : "front matter";
    out.push(issue(file, lineOf(i.path), field, i.message));
  }
  return out;
}
