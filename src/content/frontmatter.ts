// Splits a Markdown file into YAML front matter and body. gray-matter evaluates
// `---js` front matter with eval() through its default engines, so every engine but
// YAML is replaced by one that refuses, and YAML is parsed with the `yaml` package's
// safe core schema (no custom tags, aliases capped against "billion laughs").
//
// Reading YAML was a third of the cost of indexing an article, so front matter of the
// usual shape is read by js-yaml (core schema: no custom types, duplicate keys refused),
// about ten times faster. `yaml` stays the authority: it reads everything else, and
// gives the lines of problems. "The usual shape" is where the two are known to agree:
// test/content/frontmatter.test.ts compares them on hundreds of thousands of damaged
// copies of real front matter. Measured again for issue 20 (the front matter of the
// 10,000-article bench corpus, one thread, interleaved, median of 5): 1.2 s with the
// fast path, 3.3 s with `yaml` alone, so both stay. gray-matter's own js-yaml 3 is
// installed with it but never runs: every engine is replaced below.
import { CORE_SCHEMA, load as loadJsYaml } from "js-yaml";
import matter from "gray-matter";
import { normalizeNewlines } from "../text/newlines.js";
import { FrontMatterError, readYaml, yamlLineOf } from "./yaml.js";
import { msg } from "./messages/index.js";

export { FrontMatterError } from "./yaml.js";

export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

export interface ParsedFile {
  readonly data: unknown;
  readonly body: string;
  /** 1-based line of the first body line in the file, to report body problems. */
  readonly bodyLine: number;
  /** 1-based file line of a front-matter path (deepest part found), or 1. */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

const refuse = (language: string) => () => {
  throw new FrontMatterError(msg("yaml.notYaml", { language }), 1);
};

const ENTRY = /^(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)|- +)(.*)$/;
// Anchors and aliases (a shared object is not a copy, and "billion laughs" is capped only
// by `yaml`) and carriage returns go to `yaml`.
const NOT_SIMPLE = /[&*\r]/;
// Plain scalars the two read as different numbers or strings (+.5, 0b1, -0x1F).
const NUMBERISH = /^[-+]?\.[0-9]/;
const TRAILING_COMMENT = /^(?:\s+#.*)?\s*$/;
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\.)*"/;
const SINGLE_QUOTED = /^'(?:[^']|'')*'/;
const FLOW_ITEM = /^\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'[\]{},#&*!|>%@`][^"'[\]{},#:]*?)\s*(?=[,\]])/;

/** A value that ends on its own line: quoted, a one-line list of such items, or plain text. */
function isOneLineValue(value: string): boolean {
  if (value === "") return true;
  const quoted = DOUBLE_QUOTED.exec(value) ?? SINGLE_QUOTED.exec(value);
  if (quoted) return TRAILING_COMMENT.test(value.slice(quoted[0].length));
  if (value.startsWith("[")) {
    let rest = value.slice(1);
    if (/^\s*\]/.test(rest)) return TRAILING_COMMENT.test(rest.replace(/^\s*\]/, ""));
    for (;;) {
      const item = FLOW_ITEM.exec(rest);
      if (!item) return false;
      rest = rest.slice(item[0].length);
      if (rest.startsWith("]")) return TRAILING_COMMENT.test(rest.slice(1));
      rest = rest.slice(1); // the comma
    }
  }
  // Plain text, without what would make YAML read more into it (": ", a leading indicator).
  return !/^[\s"'[\]{},#&*!|>%@`?:-]/.test(value) && !/: |:$|\s#|\t/.test(value);
}

/**
 * Top-level keys and their lines when every line is a plain `key: value` at column 0,
 * or an indented `key: value` or `- item` under a `key:` with no value, each value
 * ending on its own line; else null. Values spread over lines (block scalars, wrapped
 * quotes) are where js-yaml accepts what YAML refuses, so they go to `yaml`.
 */
function simpleKeyLines(source: string): Map<string, number> | null {
  const keys = new Map<string, number>();
  let open = false;
  let line = 0;
  for (const text of source.split("\n")) {
    line++;
    // Only spaces indent YAML (trimStart would also take tabs, NBSP and BOM).
    const body = text.replace(/^ +/, "");
    if (body === "" || body.startsWith("#")) continue;
    const indent = text.length - body.length;
    const entry = ENTRY.exec(body);
    if (!entry || !isOneLineValue(entry[2]!)) return null;
    if (indent === 0) {
      if (entry[1] === undefined) return null;
      keys.set(entry[1], line);
      open = entry[2] === "";
    } else if (!open) {
      return null;
    }
  }
  return keys;
}

/** Text, true/false, null, lists of text and groups of these: what front matter holds. */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "string") return !NUMBERISH.test(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === "string" && !NUMBERISH.test(v));
  if (typeof value === "object") return Object.values(value).every(isPlain);
  return false;
}

/** The fast reading of `source` (see the top of this file), or null to use `yaml`. */
export function readSimpleYaml(source: string): { data: unknown; keyLines: Map<string, number> } | null {
  if (NOT_SIMPLE.test(source)) return null;
  const keyLines = simpleKeyLines(source);
  if (!keyLines) return null;
  let data: unknown;
  try {
    data = loadJsYaml(source, { schema: CORE_SCHEMA });
  } catch {
    return null;
  }
  return isPlain(data ?? null) ? { data, keyLines } : null;
}

export interface ParseFileOptions {
  /** Always read the front matter with `yaml` (tests compare both readings). */
  readonly exact?: boolean;
  /** Hand gray-matter the whole file, not just its head (tests compare both). */
  readonly whole?: boolean;
}

/**
 * Where the front matter ends: the index just past the closing "---" that gray-matter
 * would find (the first "\n---" after the opening one), or -1 when it would not split
 * the file there (no front matter, no closing line). A first line "----" is refused
 * before this is asked (see `opener` below).
 */
function headEnd(text: string): number {
  if (!text.startsWith("---")) return -1;
  const close = text.indexOf("\n---", 3);
  return close < 0 ? -1 : close + 4;
}

/** Parses one Markdown file; throws FrontMatterError with the file line of the problem. */
export function parseMarkdownFile(source: string, options: ParseFileOptions = {}): ParsedFile {
  const raw = normalizeNewlines(source);
  const firstLine = raw.slice(0, raw.indexOf("\n") >>> 0);
  const opener = /^---[ \t]*(\S+)/.exec(firstLine.replace(/^\uFEFF/, ""));
  if (opener) refuse(opener[1] ?? "code")();

  let exact: ReturnType<typeof readYaml> | undefined;
  let fast: ReturnType<typeof readSimpleYaml> = null;
  let yamlSource = "";
  const yamlEngine = (source: string): object => {
    if (Buffer.byteLength(source) > MAX_FRONT_MATTER_BYTES) {
      throw new FrontMatterError(msg("yaml.frontMatterTooLarge", { kb: MAX_FRONT_MATTER_BYTES / 1024 }), 1);
    }
    yamlSource = source;
    fast = options.exact ? null : readSimpleYaml(source);
    if (!fast) exact = readYaml(source);
    const value = fast ? fast.data : exact!.data;
    if (value === null || value === undefined) return {};
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new FrontMatterError(msg("yaml.notFields"), 2);
    }
    return value;
  };

  // gray-matter copies its input to a Buffer and looks it up in a cache keyed by the
  // whole text, about 5 % of the cost of indexing an article: given only the head, it
  // reads the same front matter, and the body is what follows, as it would cut it.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const end = options.whole ? -1 : headEnd(text);
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(end < 0 ? raw : text.slice(0, end), {
      language: "yaml",
      engines: { yaml: yamlEngine, js: refuse("JavaScript"), javascript: refuse("JavaScript"), json: refuse("JSON"), coffee: refuse("CoffeeScript"), toml: refuse("TOML") },
    });
  } catch (cause) {
    if (cause instanceof FrontMatterError) throw cause;
    throw new FrontMatterError(msg("yaml.unreadable", { reason: (cause as Error).message }), 1, { cause });
  }
  const keyLines = (fast as ReturnType<typeof readSimpleYaml>)?.keyLines;
  const body = end < 0 ? file.content : text.slice(end).replace(/^\r?\n?/, "");
  const head = raw.length - body.length;
  return {
    data: file.data,
    body,
    bodyLine: raw.slice(0, head).split("\n").length,
    // gray-matter hands the engine the text right after the opening "---", newline
    // included, so YAML line numbers are already file line numbers.
    // Lines of nested fields (only asked for when reporting a problem) need `yaml`'s nodes.
    lineOf: (path) => {
      if (keyLines) {
        // Every top-level key is in keyLines; a missing one is on line 1, as below.
        const top = keyLines.get(String(path[0]));
        if (top === undefined || path.length === 1) return top ?? 1;
        exact ??= readYaml(yamlSource);
      }
      return exact ? yamlLineOf(exact.doc, exact.counter, path) : 1;
    },
  };
}
