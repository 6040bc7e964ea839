// Alert checks that need the whole tree: the districts named exist, and each alert's
// address (language + slug) and translation key are its own. Decides which alerts are shown.
import { issue, type ContentIssue } from "./issues.js";
import { msg } from "./messages/index.js";
import type { Locale } from "../config.js";

/** The fields of an alert these checks read. */
export interface AlertKey {
  readonly file: string;
  readonly lang: Locale;
  readonly slug: string;
  readonly districts: readonly string[] | "all";
  readonly translationKey?: string | undefined;
  readonly lines: Readonly<Record<string, number>>;
}

export function crossCheckAlerts(alerts: readonly AlertKey[], districtIds: ReadonlySet<string>): { active: Set<string>; issues: ContentIssue[] } {
  const active = new Set<string>();
  const issues: ContentIssue[] = [];
  const slugs = new Map<string, string>();
  const keys = new Map<string, string>();
  const known = [...districtIds].sort().join(", ");
  for (const a of [...alerts].sort((x, y) => x.file.localeCompare(y.file))) {
    const line = (key: string) => a.lines[key] ?? 1;
    const unknown = a.districts === "all" ? [] : a.districts.filter((d) => !districtIds.has(d));
    if (unknown.length) {
      for (const d of unknown) issues.push(issue(a.file, line("districts"), "districts", msg("alert.unknownDistrict", { district: d, known })));
      continue;
    }
    const slugKey = `${a.lang}/${a.slug}`;
    const taken = slugs.get(slugKey);
    if (taken) {
      issues.push(issue(a.file, line("title"), "title", msg("alert.sameAddress", { other: taken })));
      continue;
    }
    if (a.translationKey) {
      const k = `${a.lang}/${a.translationKey}`;
      const other = keys.get(k);
      if (other) {
        issues.push(issue(a.file, line("translationKey"), "translationKey", msg("alert.keyTaken", { key: a.translationKey, other })));
        continue;
      }
      keys.set(k, a.file);
    }
    slugs.set(slugKey, a.file);
    active.add(a.file);
  }
  return { active, issues };
}
