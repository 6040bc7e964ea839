// One OASIS Common Alerting Protocol 1.2 message per alert version and language
// (https://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html), the format emergency
// systems exchange. Elements are written in the order the CAP 1.2 XML schema's sequences
// require (alert, info, area); times carry an offset, never "Z" (§3.3.2).
//
// Mapping, documented for receivers (also in README.md):
//   kind → category: water, heating, electricity, gas → Infra; roads, transport → Transport;
//                    weather → Met; other → Other.
//   severity → urgency / severity / certainty:
//     info      → Future    / Minor    / Likely
//     warning   → Expected  / Moderate / Likely
//     emergency → Immediate / Severe   / Observed
import type { AlertKind, AlertSeverity } from "../../content/alert-schema.js";
import { toIsoWithOffset } from "../../content/dates.js";
import type { AlertRow } from "../../index/alert-row.js";
import { XML_DECLARATION, el, xmlEscape } from "./xml.js";

export const CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
export const CAP_TYPE = "application/cap+xml";

export const CAP_CATEGORY: Record<AlertKind, string> = {
  water: "Infra",
  heating: "Infra",
  electricity: "Infra",
  gas: "Infra",
  roads: "Transport",
  transport: "Transport",
  weather: "Met",
  other: "Other",
};

export const CAP_GRADES: Record<AlertSeverity, { urgency: string; severity: string; certainty: string }> = {
  info: { urgency: "Future", severity: "Minor", certainty: "Likely" },
  warning: { urgency: "Expected", severity: "Moderate", certainty: "Likely" },
  emergency: { urgency: "Immediate", severity: "Severe", certainty: "Observed" },
};

const LANGUAGE = { bg: "bg-BG", pl: "pl-PL" } as const;

export interface CapInput {
  readonly alert: AlertRow;
  /** The sender: the host of BASE_URL (README: Configuration). */
  readonly sender: string;
  readonly timeZone: string;
  /** The kind in words (event), the publisher (senderName), the alert page (web). */
  readonly event: string;
  readonly senderName: string;
  readonly web: string;
  /** District names, then the area text. */
  readonly areaDesc: string;
}

export function capMessage(input: CapInput): string {
  const { alert: a, sender, timeZone } = input;
  const time = (ms: number) => toIsoWithOffset(ms, timeZone);
  const grades = CAP_GRADES[a.severity];
  const info = [
    "<info>",
    el("language", LANGUAGE[a.lang]),
    el("category", CAP_CATEGORY[a.kind]),
    el("event", input.event),
    el("urgency", grades.urgency),
    el("severity", grades.severity),
    el("certainty", grades.certainty),
    el("effective", time(a.sent)),
    el("onset", time(a.start)),
    el("expires", time(a.end)),
    el("senderName", input.senderName),
    el("headline", a.title),
    el("description", a.text),
    el("web", input.web),
    `<area>${el("areaDesc", input.areaDesc)}</area>`,
    "</info>",
  ].join("");
  return [
    XML_DECLARATION,
    `<alert xmlns="${CAP_NS}">`,
    el("identifier", a.identifier),
    el("sender", sender),
    el("sent", time(a.sent)),
    el("status", "Actual"),
    el("msgType", a.msgType),
    el("scope", "Public"),
    // §3.2.1: "sender,identifier,sent" of each message referred to, space-separated.
    a.references ? el("references", `${sender},${a.references.identifier},${time(a.references.sent)}`) : "",
    info,
    "</alert>\n",
  ].join("");
}

export interface AlertAtomEntry {
  readonly alert: AlertRow;
  readonly pageUrl: string;
  readonly capUrl: string;
  readonly summary: string;
  /** The body with absolute links (for JSON Feed; the Atom entry carries the summary). */
  readonly html: string;
}

export interface AlertAtomFeed {
  readonly lang: string;
  readonly timeZone: string;
  readonly title: string;
  readonly selfUrl: string;
  readonly pageUrl: string;
  readonly publisher: string;
  readonly updated: number;
  readonly entries: readonly AlertAtomEntry[];
}

/** Atom (RFC 4287) of current alerts; each entry links to its page and to its CAP message. */
export function alertAtom(feed: AlertAtomFeed): string {
  const time = (ms: number) => toIsoWithOffset(ms, feed.timeZone);
  const entries = feed.entries.map((e) =>
    [
      "<entry>",
      el("title", e.alert.title),
      el("id", `${feed.pageUrl}#${e.alert.identifier}`),
      `<link rel="alternate" type="text/html" href="${xmlEscape(e.pageUrl)}"/>`,
      `<link rel="alternate" type="${CAP_TYPE}" href="${xmlEscape(e.capUrl)}"/>`,
      el("updated", time(e.alert.sent)),
      `<category term="${xmlEscape(e.alert.kind)}"/>`,
      `<category term="${xmlEscape(e.alert.severity)}"/>`,
      `<summary type="text">${xmlEscape(e.summary)}</summary>`,
      "</entry>",
    ].join(""),
  );
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang)}">`,
    el("title", feed.title),
    el("id", feed.selfUrl),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>`,
    el("updated", time(feed.updated)),
    `<author>${el("name", feed.publisher)}</author>`,
    ...entries,
    "</feed>\n",
  ].join("\n");
}
