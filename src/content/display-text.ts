// Text that editors write in front matter or district files and the portal displays
// (titles, summaries, tags, names, picture descriptions) is cleaned once, where the file
// is read, so every output (pages, feeds, search, JSON-LD, sitemaps) shows the same clean
// text and none has to remember to clean it. What was removed is reported as a warning.
import { bidiControlsIn, stripBidiControls } from "../text/bidi.js";
import { issue, type ContentIssue } from "./issues.js";
import { msg } from "./messages/index.js";

/**
 * `data` (parsed YAML) with direction controls removed from every string value, and one
 * warning per value that had any. The data is copied only where something changes.
 */
export function cleanDisplayText(data: unknown, file: string, lineOf: (path: readonly PropertyKey[]) => number): { data: unknown; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === "string") {
      const found = bidiControlsIn(value);
      if (found.length === 0) return value;
      issues.push(issue(file, lineOf(path), path.join(".") || "front matter", msg("text.bidi", { chars: found.join(", ") }), "warning"));
      return stripBidiControls(value);
    }
    if (Array.isArray(value)) {
      const out = value.map((v, i) => walk(v, [...path, i]));
      return out.some((v, i) => v !== value[i]) ? out : value;
    }
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      let copy: Record<string, unknown> | null = null;
      for (const [k, v] of Object.entries(value)) {
        const cleaned = walk(v, [...path, k]);
        if (cleaned !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = cleaned;
      }
      return copy ?? value;
    }
    return value;
  };
  return { data: walk(data, []), issues };
}
