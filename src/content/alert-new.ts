// `npm run new -- --alert`: a new alert file, starting at the next full hour in the
// language's time zone and lasting two hours. Until districts are named it is an editor
// error and shows nowhere, so a half-written alert cannot go out by accident.
import fs from "node:fs";
import path from "node:path";
import type { Config, Locale } from "../config.js";
import { ALERT_KINDS, ALERT_SEVERITIES } from "./alert-schema.js";
import { msg } from "./messages/index.js";
import { toIsoWithOffset, zoneOffsetMinutes } from "./dates.js";
import { NewArticleError, knownDistricts } from "./new-article.js";
import { slugify } from "./slug.js";

const HOUR = 3_600_000;

export interface NewAlertInput {
  readonly lang: Locale;
  readonly title: string;
  /** District ids, or ["all"]; none leaves `districts: []` for the editor to fill. */
  readonly districts?: readonly string[];
}

/** The next full hour after `now`, as the language's clocks show it. */
export function nextFullHour(now: number, timeZone: string): number {
  const offset = zoneOffsetMinutes(now, timeZone) * 60000;
  return Math.floor((now + offset) / HOUR) * HOUR + HOUR - offset;
}

const BODY: Record<Locale, string> = {
  bg: "Какво става и защо. Какво да направят засегнатите. На кой телефон да се обадят.",
  pl: "Co się dzieje i dlaczego. Co powinni zrobić mieszkańcy. Pod jakim numerem uzyskają pomoc.",
};

export function alertSource(lang: Locale, title: string, districts: readonly string[], start: string, end: string): string {
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    `kind: other            # ${ALERT_KINDS.join(" | ")}`,
    `severity: info         # ${ALERT_SEVERITIES.join(" | ")}`,
    `districts: ${districts.length === 1 && districts[0] === "all" ? "all" : `[${districts.join(", ")}]`}   # district ids, or the word: all`,
    `start: ${start}`,
    `end: ${end}`,
    `# area: ""             # optional: streets or places, shown with the alert`,
    "---",
    BODY[lang],
    "",
  ].join("\n");
}

export function createAlert(config: Pick<Config, "contentDir" | "timeZones">, input: NewAlertInput, now = Date.now()): { file: string; rel: string; slug: string } {
  const title = input.title.trim();
  if (!title || /[\r\n]/.test(title) || title.length > 200) throw new NewArticleError(msg("new.alertTitle", { max: 200 }));
  const known = knownDistricts(config.contentDir);
  const districts = input.districts ?? [];
  const unknown = districts.filter((d) => d !== "all" && !known.includes(d));
  if (unknown.length) throw new NewArticleError(msg("new.alertUnknownDistrict", { district: unknown[0]!, known: known.join(", ") }));
  const slug = slugify(title, input.lang);
  if (!slug) throw new NewArticleError(msg("new.titleNoLetters"));
  const tz = config.timeZones[input.lang];
  const start = nextFullHour(now, tz);
  const startText = toIsoWithOffset(start, tz);
  const rel = `alerts/${input.lang}/${startText.slice(0, 10)}-${slug}.md`;
  const file = path.join(config.contentDir, ...rel.split("/"));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, alertSource(input.lang, title, districts, startText, toIsoWithOffset(start + 2 * HOUR, tz)), { flag: "wx" });
  } catch (cause) {
    throw new NewArticleError(msg("new.alertCannotWrite", { file: rel, code: (cause as NodeJS.ErrnoException).code ?? "error" }), { cause });
  }
  return { file, rel, slug };
}
