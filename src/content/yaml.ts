// YAML with safe settings: the core schema (no custom tags), unique keys, and aliases
// capped against "billion laughs". Problems carry the file line, for editors. Apart from
// frontmatter.ts so that serving (the accessibility statement) does not load the
// Markdown stack.
import { AppError } from "../errors.js";
import { issue, type ContentIssue } from "./issues.js";
import { msg, say, type Message } from "./messages/index.js";
import { normalizeNewlines } from "../text/newlines.js";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from "yaml";

/** A file's YAML or front matter cannot be read: the editor message and its line. */
export class FrontMatterError extends AppError {
  override name = "FrontMatterError";
  constructor(
    readonly problem: Message,
    readonly line: number,
    options?: { cause?: unknown },
  ) {
    super(say(problem), options);
  }
}

/** The editor message for a file whose YAML cannot be read (any other error is the portal's own: rethrown). */
export function yamlIssue(rel: string, field: string, cause: unknown): ContentIssue {
  if (cause instanceof FrontMatterError) return issue(rel, cause.line, field, cause.problem);
  throw cause;
}

/** 1-based line of a path in the document (deepest part found), or 1. */
export function yamlLineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === 0 ? 1 : counter.linePos(offset).line;
}

/** Syntax errors and custom tags (`!!js/function`, `!include`) end parsing with the line. */
function checkYaml(doc: Document, counter: LineCounter): void {
  const tag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  const problem = doc.errors[0] ?? tag;
  if (!problem) return;
  const line = counter.linePos(problem.pos[0]).line;
  // The reason is the yaml library's own (English) wording of the syntax error.
  const message = problem === tag ? msg("yaml.tags") : msg("yaml.syntax", { reason: problem.message.split("\n")[0]! });
  throw new FrontMatterError(message, line, { cause: problem });
}

/** Parses YAML text; throws FrontMatterError with the line of the first problem. */
export function readYaml(source: string): { data: unknown; doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(source, { schema: "core", customTags: [], uniqueKeys: true, lineCounter: counter, prettyErrors: false });
  checkYaml(doc, counter);
  try {
    return { data: doc.toJS({ maxAliasCount: 20 }), doc, counter };
  } catch (cause) {
    throw new FrontMatterError(msg("yaml.aliases"), 1, { cause });
  }
}

/**
 * A district file or an accessibility statement is a few paragraphs (the largest is 7 KB).
 * A 16 MB file put in districts/ by mistake (1.5 million keys) held a start for over a
 * minute at 1.5 GB, and the statement is read while serving. The cost of a YAML map grows
 * faster than its size (duplicate keys, one message per unknown key): 62 KB of short keys
 * took 3 s here on an idle moment, so the cap is four times the largest real file.
 */
export const MAX_YAML_FILE_BYTES = 32 * 1024;

/** Parses a whole YAML file (district files, accessibility statements) with the same safe settings. */
export function parseYamlFile(raw: string): { data: unknown; lineOf: (path: readonly PropertyKey[]) => number } {
  if (raw.length > MAX_YAML_FILE_BYTES || Buffer.byteLength(raw) > MAX_YAML_FILE_BYTES) {
    throw new FrontMatterError(msg("file.yamlTooLarge", { kb: MAX_YAML_FILE_BYTES / 1024 }), 1);
  }
  const { data, doc, counter } = readYaml(normalizeNewlines(raw));
  return { data, lineOf: (path) => yamlLineOf(doc, counter, path) };
}
