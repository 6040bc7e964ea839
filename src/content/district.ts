// One district file → a District, or the problems found in it.
import path from "node:path";
import type { Locale } from "../config.js";
import { parseYamlFile, yamlIssue } from "./yaml.js";
import { cleanDisplayText } from "./display-text.js";
import type { ContentIssue } from "./issues.js";
import { renderInlineMarkdown } from "./markdown.js";
import { districtSchema, type DistrictFile } from "./schema.js";
import { zodToIssues } from "./zod-issues.js";

export type District = Omit<DistrictFile, "description"> & {
  readonly id: string;
  readonly file: string;
  /** Description rendered from Markdown, per locale. */
  readonly descriptionHtml: Partial<Record<Locale, string>>;
};

/** A district's id is its file name: districts/<id>.yml. */
export function districtIdOf(rel: string): string {
  return path.posix.basename(rel).replace(/\.ya?ml$/, "");
}

export function parseDistrict(rel: string, raw: string): { district: District | null; issues: ContentIssue[] } {
  const id = districtIdOf(rel);
  let parsed;
  try {
    parsed = parseYamlFile(raw);
  } catch (cause) {
    return { district: null, issues: [yamlIssue(rel, "file", cause)] };
  }
  const shown = cleanDisplayText(parsed.data ?? {}, rel, parsed.lineOf);
  const result = districtSchema.safeParse(shown.data);
  if (!result.success) return { district: null, issues: [...shown.issues, ...zodToIssues(result.error, districtSchema, rel, parsed.lineOf, shown.data, "drop")] };
  const { description, ...rest } = result.data;
  const descriptionHtml: Partial<Record<Locale, string>> = {};
  if (description?.bg) descriptionHtml.bg = renderInlineMarkdown(description.bg, "bg");
  if (description?.pl) descriptionHtml.pl = renderInlineMarkdown(description.pl, "pl");
  return { district: { ...rest, id, file: rel, descriptionHtml }, issues: shown.issues };
}
