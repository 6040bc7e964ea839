// Splits a Markdown file into YAML front matter and body. gray-matter evaluates
// `---js` front matter with eval() through its default engines, so every engine but
// YAML is replaced by one that refuses, and YAML is parsed with the `yaml` package's
// safe core schema (no custom tags, aliases capped against "billion laughs").
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from "yaml";

export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

export interface ParsedFile {
  readonly data: unknown;
  readonly body: string;
  /** 1-based line of the first body line in the file, to report body problems. */
  readonly bodyLine: number;
  /** 1-based file line of a front-matter path (deepest part found), or 1. */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

export class FrontMatterError extends Error {
  override name = "FrontMatterError";
  constructor(
    message: string,
    readonly line: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const refuse = (language: string) => () => {
  throw new FrontMatterError(`front matter written as ${language} is not allowed — use YAML between --- lines`, 1);
};

function yamlLineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
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
  const message = problem === tag
    ? "YAML tags such as !!js/function are not allowed — write plain values"
    : `YAML cannot be read: ${problem.message.split("\n")[0]} — check indentation, colons and quotes`;
  throw new FrontMatterError(message, line, { cause: problem });
}

/** Parses one Markdown file; throws FrontMatterError with the file line of the problem. */
export function parseMarkdownFile(raw: string): ParsedFile {
  const firstLine = raw.slice(0, raw.indexOf("\n") >>> 0);
  const opener = /^---[ \t]*(\S+)/.exec(firstLine.replace(/^\uFEFF/, ""));
  if (opener) refuse(opener[1] ?? "code")();

  let doc: Document | undefined;
  let counter = new LineCounter();
  const yamlEngine = (source: string): object => {
    if (Buffer.byteLength(source) > MAX_FRONT_MATTER_BYTES) {
      throw new FrontMatterError(`front matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024} KB — move long text into the body`, 1);
    }
    counter = new LineCounter();
    doc = parseDocument(source, { schema: "core", customTags: [], uniqueKeys: true, lineCounter: counter, prettyErrors: false });
    checkYaml(doc, counter);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 20 });
    } catch (cause) {
      throw new FrontMatterError("YAML uses too many aliases (&/*) — write the values out", 1, { cause });
    }
    if (value === null || value === undefined) return {};
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new FrontMatterError("front matter must be a list of fields such as title: …", 2);
    }
    return value;
  };

  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(raw, {
      language: "yaml",
      engines: { yaml: yamlEngine, js: refuse("JavaScript"), javascript: refuse("JavaScript"), json: refuse("JSON"), coffee: refuse("CoffeeScript"), toml: refuse("TOML") },
    });
  } catch (cause) {
    if (cause instanceof FrontMatterError) throw cause;
    throw new FrontMatterError(`front matter cannot be read: ${(cause as Error).message}`, 1, { cause });
  }
  const parsedDoc = doc;
  const lineCounter = counter;
  const head = raw.length - file.content.length;
  return {
    data: file.data,
    body: file.content,
    bodyLine: raw.slice(0, head).split("\n").length,
    // gray-matter hands the engine the text right after the opening "---", newline
    // included, so YAML line numbers are already file line numbers.
    lineOf: (path) => (parsedDoc ? yamlLineOf(parsedDoc, lineCounter, path) : 1),
  };
}

/** Parses a whole YAML file (district files) with the same safe settings. */
export function parseYamlFile(raw: string): { data: unknown; lineOf: (path: readonly PropertyKey[]) => number } {
  const counter = new LineCounter();
  const doc = parseDocument(raw, { schema: "core", customTags: [], uniqueKeys: true, lineCounter: counter, prettyErrors: false });
  checkYaml(doc, counter);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 });
  } catch (cause) {
    throw new FrontMatterError("YAML uses too many aliases (&/*) — write the values out", 1, { cause });
  }
  return { data, lineOf: (path) => yamlLineOf(doc, counter, path) };
}
