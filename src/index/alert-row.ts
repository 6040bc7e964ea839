// One alert as the index gives it to the web layer: the stored row turned into what CAP
// and the pages need (its identifier, Alert, Update or Cancel, what it references).
// No SQL here: every statement on the alerts table is in alerts.ts.
import { createHash } from "node:crypto";
import type { Locale } from "../config.js";
import type { AlertKind, AlertSeverity } from "../content/alert-schema.js";
import { decodeJson, stringList } from "./json.js";

/** An edit that moves the end to (about) the moment it was made ends the alert early: a CAP Cancel. */
const ENDED_NOW_MS = 5 * 60_000;

/** The districts column: JSON list of district ids, or the text all. */
export function decodeDistricts(column: string): readonly string[] | "all" {
  return column === "all" ? "all" : decodeJson(stringList, column, "alerts.districts");
}

export type AlertState = "upcoming" | "current" | "ended";
export type MsgType = "Alert" | "Update" | "Cancel";

export interface AlertRow {
  readonly file: string;
  readonly lang: Locale;
  readonly slug: string;
  readonly title: string;
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly districts: readonly string[] | "all";
  readonly start: number;
  readonly end: number;
  readonly area: string | null;
  readonly translationKey: string | null;
  readonly html: string;
  readonly text: string;
  readonly sent: number;
  /** Stable across restarts and replicas: the file and the bytes of this version. */
  readonly identifier: string;
  readonly msgType: MsgType;
  /** The message this one updates or cancels. */
  readonly references: { identifier: string; sent: number } | null;
  readonly removed: boolean;
}

/** The CAP identifier of one version of an alert file. */
export function alertIdentifier(file: string, hash: string): string {
  return `alert.${createHash("sha256").update(file).digest("hex").slice(0, 12)}.${hash}`;
}

export interface Raw {
  file: string;
  lang: Locale;
  slug: string;
  title: string;
  kind: AlertKind;
  severity: AlertSeverity;
  districts: string;
  start_at: number;
  end_at: number;
  area: string | null;
  translation_key: string | null;
  html: string;
  text: string;
  hash: string;
  sent: number;
  prev_identifier: string | null;
  prev_sent: number | null;
  prev_end: number | null;
  removed_at: number | null;
}

export function toRow(r: Raw): AlertRow {
  const own = alertIdentifier(r.file, r.hash);
  const removed = r.removed_at !== null;
  const endedEarly = r.prev_end !== null && r.end_at < r.prev_end && r.end_at <= r.sent + ENDED_NOW_MS;
  return {
    file: r.file,
    lang: r.lang,
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    severity: r.severity,
    districts: decodeDistricts(r.districts),
    start: r.start_at,
    end: r.end_at,
    area: r.area,
    translationKey: r.translation_key,
    html: r.html,
    text: r.text,
    sent: removed ? r.removed_at! : r.sent,
    identifier: removed ? `${own}.cancel` : own,
    msgType: removed || endedEarly ? "Cancel" : r.prev_identifier ? "Update" : "Alert",
    references: removed ? { identifier: own, sent: r.sent } : r.prev_identifier ? { identifier: r.prev_identifier, sent: r.prev_sent ?? r.sent } : null,
    removed,
  };
}

export function stateOf(a: Pick<AlertRow, "start" | "end">, now: number): AlertState {
  return now < a.start ? "upcoming" : now < a.end ? "current" : "ended";
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { emergency: 0, warning: 1, info: 2 };

/** Banner order: most severe first, then the soonest to end. */
export function bannerOrder(a: AlertRow, b: AlertRow): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.end - b.end || a.file.localeCompare(b.file);
}
