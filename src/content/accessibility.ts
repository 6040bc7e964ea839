// The accessibility statements (Directive (EU) 2016/2102 art. 7; Bulgaria: e-Government
// Act art. 58c; Poland: act of 4 April 2019 on digital accessibility, art. 10) are kept
// by editors in content/accessibility/<locale>.yml. This module validates one file and
// caches it by mtime, so an edit shows up without a restart and without a parse per request.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Locale } from "../config.js";
import { dayProblem } from "./dates.js";
import { parseYamlFile, yamlIssue } from "./yaml.js";
import { issue, type ContentIssue } from "./issues.js";
import { msg } from "./messages/index.js";
import { zodMessage as m, zodToIssues } from "./zod-issues.js";

export const ACCESSIBILITY_FOLDER = "accessibility";

// The Polish technical conditions require dates as YYYY-MM-DD; a real calendar day is checked too.
const day = z.string().superRefine((value, ctx) => {
  const problem = dayProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: m(problem.id, problem.params) });
});
const text = z.string().trim().min(1, m("field.emptyPlain"));

export const statementSchema = z
  .strictObject({
    entity: text,
    siteName: text,
    siteUrl: z.url({ protocol: /^https?$/ }),
    published: day,
    updated: day,
    status: z.enum(["full", "partial", "non-compliant"]),
    nonAccessible: z.array(z.strictObject({ content: text, reason: text })).default([]),
    prepared: z.strictObject({ date: day, method: text, reviewed: day.optional() }),
    contact: z.strictObject({ person: text, email: z.email(), phone: text, address: text.optional() }),
    feedback: text,
    enforcement: z.strictObject({ body: text, text, url: z.url({ protocol: /^https?$/ }) }),
    architecture: text,
    mobileApps: text,
  })
  .refine((s) => s.status === "full" || s.nonAccessible.length > 0, {
    path: ["nonAccessible"],
    message: m("a11y.listRequired"),
  });

export type StatementData = z.infer<typeof statementSchema>;

/** Long texts are split into paragraphs at blank lines; templates print them escaped. */
export type Statement = Omit<StatementData, "feedback" | "architecture" | "mobileApps" | "enforcement"> & {
  readonly feedback: string[];
  readonly architecture: string[];
  readonly mobileApps: string[];
  readonly enforcement: { body: string; text: string[]; url: string };
};

export type StatementResult = { statement: Statement; issues: ContentIssue[] } | { statement: null; issues: ContentIssue[] };

const paragraphs = (s: string) => s.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);

export function statementFile(contentDir: string, locale: Locale): string {
  return path.join(contentDir, ACCESSIBILITY_FOLDER, `${locale}.yml`);
}

/** Validates one statement; `rel` names the file in the editor messages. */
export function parseStatement(rel: string, raw: string): StatementResult {
  let parsed: ReturnType<typeof parseYamlFile>;
  try {
    parsed = parseYamlFile(raw);
  } catch (cause) {
    return { statement: null, issues: [yamlIssue(rel, "file", cause)] };
  }
  const result = statementSchema.safeParse(parsed.data ?? {});
  if (!result.success) return { statement: null, issues: zodToIssues(result.error, statementSchema, rel, parsed.lineOf, parsed.data ?? {}) };
  const d = result.data;
  return {
    statement: {
      ...d,
      feedback: paragraphs(d.feedback),
      architecture: paragraphs(d.architecture),
      mobileApps: paragraphs(d.mobileApps),
      enforcement: { ...d.enforcement, text: paragraphs(d.enforcement.text) },
    },
    issues: [],
  };
}

/** Reads a locale's statement, for `npm run check` and for the loader below. */
export function readStatement(contentDir: string, locale: Locale): StatementResult {
  const rel = `${ACCESSIBILITY_FOLDER}/${locale}.yml`;
  let raw: string;
  try {
    raw = fs.readFileSync(statementFile(contentDir, locale), "utf8");
  } catch {
    return { statement: null, issues: [issue(rel, 1, "file", msg("a11y.missing"))] };
  }
  return parseStatement(rel, raw);
}

export interface StatementLoaderOptions {
  /**
   * Where the last valid statement is kept (DATA_DIR), so a restart serves it too. A typo
   * in the statement answered 500 on a page the law requires to be reachable.
   */
  readonly dataDir?: string;
  /** Told once per change of the file when it is invalid and its last valid version is served. */
  readonly onHeld?: (issues: ContentIssue[]) => void;
}

/**
 * A reader that re-parses only when the file's mtime or size changed (one cheap stat per
 * call). When the file becomes invalid (or missing, or unreadable), the last valid
 * statement stays served, like an article's (src/index/sync.ts), with the file's problems.
 */
export function statementLoader(contentDir: string, locale: Locale, options: StatementLoaderOptions = {}): () => StatementResult {
  let cache: { key: string; result: StatementResult } | null = null;
  const keptFile = options.dataDir ? path.join(options.dataDir, `accessibility-${locale}.last-valid.json`) : null;
  let lastValid: Statement | null = null;
  let keptText: string | null = null;
  const kept = (): Statement | null => {
    if (lastValid || !keptFile) return lastValid;
    try {
      return (lastValid = JSON.parse(fs.readFileSync(keptFile, "utf8")) as Statement);
    } catch {
      return null; // none kept yet, or not ours to read: nothing to fall back on
    }
  };
  const keep = (statement: Statement): void => {
    lastValid = statement;
    if (!keptFile) return;
    const text = JSON.stringify(statement);
    if (text === keptText) return;
    try {
      if (fs.existsSync(keptFile) && fs.readFileSync(keptFile, "utf8") === text) {
        keptText = text;
        return;
      }
      fs.writeFileSync(`${keptFile}.tmp`, text);
      fs.renameSync(`${keptFile}.tmp`, keptFile);
      keptText = text;
    } catch {
      // A read-only DATA_DIR only means a restart cannot fall back on this version.
    }
  };
  return () => {
    let key: string;
    try {
      const st = fs.statSync(statementFile(contentDir, locale), { throwIfNoEntry: false });
      key = st ? `${st.mtimeMs}:${st.size}` : "missing";
    } catch (cause) {
      key = `unreadable:${(cause as NodeJS.ErrnoException).code ?? ""}`;
    }
    if (cache?.key !== key) {
      let result = readStatement(contentDir, locale);
      if (result.statement) keep(result.statement);
      else {
        const held = kept();
        if (held) {
          options.onHeld?.(result.issues);
          result = { statement: held, issues: result.issues };
        }
      }
      cache = { key, result };
    }
    return cache.result;
  };
}
