// Alert files for tests (issue 23), written into a portal's copied content folder.
import fs from "node:fs";
import path from "node:path";

export interface AlertFields {
  title?: string;
  kind?: string;
  severity?: string;
  districts?: string;
  start: string;
  end: string;
  area?: string;
  translationKey?: string;
  body?: string;
}

export function alertFile(f: AlertFields): string {
  const lines = [
    `title: ${f.title ?? "Спиране на водата в кв. „Лозенец“"}`,
    `kind: ${f.kind ?? "water"}`,
    `severity: ${f.severity ?? "warning"}`,
    `districts: ${f.districts ?? "[lozenets]"}`,
    `start: ${f.start}`,
    `end: ${f.end}`,
    ...(f.area ? [`area: ${f.area}`] : []),
    ...(f.translationKey ? [`translationKey: ${f.translationKey}`] : []),
  ];
  return `---\n${lines.join("\n")}\n---\n${f.body ?? "Ремонт на водопровода. Телефон за връзка: 0700 121 21.\n"}`;
}

/** Writes alerts/<lang>/<name>.md; returns its path relative to the content folder. */
export function writeAlert(contentDir: string, lang: string, name: string, f: AlertFields | string): string {
  const rel = `alerts/${lang}/${name}.md`;
  fs.mkdirSync(path.join(contentDir, "alerts", lang), { recursive: true });
  fs.writeFileSync(path.join(contentDir, rel), typeof f === "string" ? f : alertFile(f));
  return rel;
}

/** ISO time with offset for an epoch ms (UTC), as an editor could write it. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
