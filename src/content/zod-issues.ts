// Turns zod's validation issues into editor messages: one per field, with the line
// of the offending key, and a suggestion for misspelt field names ("titel" → "title").
// The one place zod's issues become catalogue messages: zod's own English ("Invalid
// input: expected string, received undefined") never reaches an editor.
import type { z } from "zod";
import { issue, type ContentIssue } from "./issues.js";
import { isMessage, msg, type Message, type MessageId, type Param } from "./messages/index.js";

// A zod message is a string; a schema names a catalogue message through this marker
// (NUL cannot appear in zod's own wording), decoded by `messageOf` below.
const MARK = "\u0000msg:";

/** A catalogue message as a zod error message, for the `error` options of the schemas. */
export function zodMessage(id: MessageId, params?: Readonly<Record<string, Param>>): string {
  return MARK + JSON.stringify(msg(id, params));
}

/** The catalogue message a zod issue stands for: the schema's own, else one by zod's issue code. */
export function messageOf(i: z.core.$ZodIssue, value: unknown): Message {
  if (i.message.startsWith(MARK)) {
    const m: unknown = JSON.parse(i.message.slice(MARK.length));
    if (isMessage(m)) return m;
  }
  switch (i.code) {
    case "invalid_type":
      if (value === undefined) return msg("field.required");
      return msg(KIND[i.expected] ?? "field.wrongValue");
    case "too_small":
      if (i.origin === "string") return Number(i.minimum) <= 1 ? msg("field.emptyPlain") : msg("field.invalid");
      if (i.origin === "array" || i.origin === "set") return msg("field.tooFew", { min: Number(i.minimum) });
      return msg("field.invalid");
    case "too_big":
      if (i.origin === "string") return msg("field.tooLong", { max: Number(i.maximum) });
      if (i.origin === "array" || i.origin === "set") return msg("field.tooMany", { max: Number(i.maximum) });
      return msg("field.invalid");
    case "invalid_format":
      if (i.format === "url") return msg("field.url");
      if (i.format === "email") return msg("field.email");
      return msg("field.format");
    case "invalid_value":
      return msg("field.oneOf", { values: i.values.map(String).join(", ") });
    default:
      return msg("field.invalid");
  }
}

const KIND: Partial<Record<string, MessageId>> = {
  string: "field.notTextPlain",
  number: "field.notNumber",
  boolean: "field.notBoolean",
  array: "field.notList",
  object: "field.notGroup",
};

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
 * `data` is the parsed YAML (a missing field is told "is required"). `misspelt: "drop"`
 * drops the consequence of a misspelt key: with `municipalty:` the real `municipality`
 * is absent, and "is required" for it would be a second, misleading message for the one
 * mistake ("did you mean" already names it).
 */
export function zodToIssues(
  error: z.ZodError,
  schema: z.ZodType,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  data: unknown,
  misspelt: "drop" | "keep" = "keep",
): ContentIssue[] {
  const out: ContentIssue[] = [];
  const dropped = new Set<string>();
  if (misspelt === "drop") {
    for (const i of error.issues) {
      if (i.code !== "unrecognized_keys") continue;
      const allowed = allowedKeysAt(schema, i.path);
      for (const key of i.keys) {
        const hint = suggestKey(key, allowed);
        if (hint && valueAt(data, [...i.path, hint]) === undefined) dropped.add([...i.path, hint].join("."));
      }
    }
  }
  for (const i of error.issues) {
    if (i.code !== "unrecognized_keys" && dropped.has(i.path.join("."))) continue;
    if (i.code === "unrecognized_keys") {
      const allowed = allowedKeysAt(schema, i.path);
      for (const key of i.keys) {
        if (key === "") {
          // "? " or ": x" in YAML: a key with no name, which would print as an empty field.
          out.push(issue(file, lineOf([...i.path, key]), i.path.length ? i.path.join(".") : "front matter", msg("field.noName")));
          continue;
        }
        const field = [...i.path, key].join(".");
        const hint = suggestKey(key, allowed);
        const what = hint ? msg("field.unknown", { hint }) : msg("field.unknownAllowed", { allowed: allowed.join(", ") });
        out.push(issue(file, lineOf([...i.path, key]), field, what));
      }
      continue;
    }
    const field = i.path.length ? i.path.join(".") : "front matter";
    out.push(issue(file, lineOf(i.path), field, messageOf(i, valueAt(data, i.path))));
  }
  return out;
}
