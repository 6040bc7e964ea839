// Finds what is new in the content index since the last look and records who is to get
// it (items + deliveries, one transaction in the state database). Comparing the index
// with what the state database already knows, instead of listening to individual file
// events, covers every way an article becomes public — a new file, a draft made public,
// a scheduled date reached, a restart, a rebuilt index — and never takes an edit for news.
import { LOCALES } from "../config.js";
import { slugify } from "../content/slug.js";
import type { AlertRow } from "../index/alert-row.js";
import type { ContentIndex } from "../index/index.js";
import { urls } from "../site/urls.js";
import type { ItemTables } from "./items.js";
import type { QueueTables } from "./queue.js";
import type { SubscriberTable } from "./subscribers.js";

const HOUR_MS = 3_600_000;
/** An alert starting within this is mailed when published; a later one this long before its start. */
export const ALERT_AT_ONCE_MS = 48 * HOUR_MS;
export const ALERT_AHEAD_MS = 24 * HOUR_MS;
/** Set once the content known when subscriptions started has been recorded (not mailed). */
const BASELINE = "baseline_at";
/** How many of the latest ended alerts are looked at for an early end. */
const RECENTLY_ENDED = 50;

export interface Tables {
  readonly subscribers: SubscriberTable;
  readonly items: ItemTables;
  readonly queue: QueueTables;
}

export interface DetectResult {
  readonly articles: number;
  readonly alerts: number;
  readonly deliveries: number;
}

/** When the first e-mail about an alert first seen at `now` is due. */
export function alertDue(start: number, now: number): number {
  return start - now <= ALERT_AT_ONCE_MS ? now : start - ALERT_AHEAD_MS;
}

export function detectChanges(index: ContentIndex, t: Tables, now: number): DetectResult {
  const baseline = t.items.meta(BASELINE) === null;
  const version = index.version();
  const districts = new Map(index.districts.all(version).map((d) => [d.id, d]));
  let articles = 0;
  let alerts = 0;
  let deliveries = 0;

  for (const a of index.articles.published(now)) {
    if (t.items.isSeen(a.file)) continue;
    const tags = a.tags.map((tag) => slugify(tag, a.lang));
    if (baseline) {
      t.items.markSeen({ file: a.file, district: a.district, lang: a.lang, tags }, null, now);
      continue;
    }
    const key = `article:${a.file}`;
    t.items.addItem(
      key,
      a.lang,
      {
        type: "article",
        title: a.title,
        summary: a.summary,
        date: a.date,
        path: urls.article(a.lang, a.slug),
        district: a.district,
        districtName: districts.get(a.district)?.name[a.lang] ?? a.district,
      },
      now,
    );
    t.items.markSeen({ file: a.file, district: a.district, lang: a.lang, tags }, key, now);
    articles++;
    for (const reader of t.subscribers.articleReaders(a.lang, a.district, tags)) if (t.queue.addDelivery(reader, key, "article", now)) deliveries++;
  }

  const mailAlert = (a: AlertRow, change: "new" | "updated" | "cancelled") => {
    const key = `alert:${a.file}:${a.identifier}`;
    t.items.addItem(
      key,
      a.lang,
      {
        type: "alert",
        change,
        title: a.title,
        kind: a.kind,
        severity: a.severity,
        area: a.area,
        start: a.start,
        end: a.end,
        path: urls.alert(a.lang, a.slug),
        text: a.text,
      },
      now,
    );
    alerts++;
    for (const reader of t.subscribers.alertReaders(a.lang, a.districts)) if (t.queue.addDelivery(reader, key, "alert", now)) deliveries++;
  };

  for (const lang of LOCALES) {
    // Recently ended ones too: an alert ended early (its end moved to now) is no longer live.
    const ended = index.alerts.ended(lang, now, 1, RECENTLY_ENDED).items;
    for (const a of [...index.alerts.live(lang, now), ...ended]) {
      const st = t.items.alertState(a.file);
      const live = a.end > now;
      if (!st) {
        if (!live) continue;
        const due = alertDue(a.start, now);
        const mailNow = due <= now && !baseline && a.msgType !== "Cancel";
        if (mailNow) mailAlert(a, "new");
        t.items.saveAlert(a.file, a.identifier, due <= now ? a.identifier : null, due);
      } else if (st.sent_identifier === null) {
        if (!live) continue;
        // Not mailed yet: an edit may move the start, and with it the moment it is due.
        const due = st.identifier === a.identifier ? st.due_at : Math.max(now, a.start - ALERT_AHEAD_MS);
        if (due <= now && a.msgType !== "Cancel") {
          mailAlert(a, "new");
          t.items.saveAlert(a.file, a.identifier, a.identifier, due);
        } else if (st.identifier !== a.identifier || st.due_at !== due) t.items.saveAlert(a.file, a.identifier, null, due);
      } else if (st.sent_identifier !== a.identifier && !st.cancelled) {
        const change = a.msgType === "Cancel" ? "cancelled" : "updated";
        mailAlert(a, change);
        t.items.saveAlert(a.file, a.identifier, a.identifier, st.due_at, change === "cancelled");
      }
    }
    // Removed alert files: a cancellation for those already mailed; nothing for the others.
    for (const a of index.alerts.cancelled(lang)) {
      const st = t.items.alertState(a.file);
      if (!st) continue;
      if (st.sent_identifier && !st.cancelled && a.end > now) {
        mailAlert(a, "cancelled");
        t.items.saveAlert(a.file, a.identifier, a.identifier, st.due_at, true);
      } else if (!st.sent_identifier) t.items.dropAlert(a.file);
    }
  }
  if (baseline) t.items.setMeta(BASELINE, String(now));
  return { articles, alerts, deliveries };
}
