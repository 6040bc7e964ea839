// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), beside every RSS and Atom feed
// and made from the same Feed (feed-xml.ts), so the three always list the same items;
// and beside the Atom feed of current alerts, from the same AlertAtomFeed (cap-xml.ts).
import { toIsoWithOffset } from "../../content/dates.js";
import { CAP_TYPE, type AlertAtomFeed } from "./cap-xml.js";
import type { Feed } from "./feed-xml.js";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/** The top-level fields both kinds of feed share. */
function head(feed: Pick<Feed, "title" | "pageUrl" | "selfUrl">) {
  return { version: JSON_FEED_VERSION, title: feed.title, home_page_url: feed.pageUrl, feed_url: feed.selfUrl };
}

export function jsonFeed(feed: Feed): string {
  const date = (ms: number) => toIsoWithOffset(ms, feed.timeZone);
  return JSON.stringify({
    ...head(feed),
    description: feed.description,
    language: feed.lang,
    authors: [{ name: feed.publisher }],
    items: feed.items.map((i) => ({
      // The article's address: the same id as the Atom entry and the RSS guid.
      id: i.url,
      url: i.url,
      title: i.title,
      summary: i.summary,
      content_html: i.html,
      ...(i.image ? { image: i.image.url, attachments: [{ url: i.image.url, mime_type: i.image.type, size_in_bytes: i.image.bytes }] } : {}),
      date_published: date(i.published),
      date_modified: date(i.updated),
      authors: [{ name: i.author ?? feed.publisher }],
      ...(i.tags.length ? { tags: i.tags } : {}),
      language: feed.lang,
    })),
  });
}

/**
 * Current alerts as JSON Feed 1.1: the same entries and ids as the alert Atom feed, the
 * body as HTML, kind and severity as tags, and the alert's CAP message as an attachment.
 */
export function alertJsonFeed(feed: AlertAtomFeed): string {
  const date = (ms: number) => toIsoWithOffset(ms, feed.timeZone);
  return JSON.stringify({
    ...head(feed),
    language: feed.lang,
    authors: [{ name: feed.publisher }],
    items: feed.entries.map((e) => ({
      id: `${feed.pageUrl}#${e.alert.identifier}`,
      url: e.pageUrl,
      title: e.alert.title,
      summary: e.summary,
      content_html: e.html,
      date_published: date(e.alert.sent),
      date_modified: date(e.alert.sent),
      authors: [{ name: feed.publisher }],
      tags: [e.alert.kind, e.alert.severity],
      attachments: [{ url: e.capUrl, mime_type: CAP_TYPE, title: "CAP 1.2" }],
      language: feed.lang,
    })),
  });
}
