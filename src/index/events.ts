// Read queries for events (articles with an `event:` block): the events pages and the
// iCalendar feeds. Events are few next to articles, so a language's (or a district's)
// published events are read whole through articles_with_event and ordered here.
import type { Locale } from "../config.js";
import type { ArticleEvent } from "../content/article.js";
import { decodeEvent } from "./article-row.js";
import type { Db } from "./db.js";
import { PUBLISHED } from "./listing.js";

export interface EventRow {
  readonly id: number;
  readonly event: ArticleEvent;
}

export function createEventQueries(db: Db) {
  const ofLang = db.prepare(`SELECT a.id, a.event FROM articles a INDEXED BY articles_with_event
    WHERE a.lang = @lang AND a.event IS NOT NULL AND (@district IS NULL OR a.district = @district) AND ${PUBLISHED}`);

  return {
    /**
     * Published events of a language (and district), upcoming first (soonest first; an
     * event still under way counts as upcoming), then past ones (latest first).
     */
    ordered(lang: Locale, district: string | null, now: number): EventRow[] {
      const rows = (ofLang.all({ lang, district, now }) as { id: number; event: string }[]).map((r) => ({ id: r.id, event: decodeEvent(r)! }));
      const endOf = (e: ArticleEvent) => (e.allDay ? (e.end ?? e.start) + 86_400_000 : (e.end ?? e.start));
      const upcoming = rows.filter((r) => endOf(r.event) > now).sort((a, b) => a.event.start - b.event.start || a.id - b.id);
      const past = rows.filter((r) => endOf(r.event) <= now).sort((a, b) => b.event.start - a.event.start || a.id - b.id);
      return [...upcoming, ...past];
    },
  };
}

export type EventQueries = ReturnType<typeof createEventQueries>;
