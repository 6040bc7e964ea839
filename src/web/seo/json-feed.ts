// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), beside every RSS and Atom feed
// and made from the same Feed (feed-xml.ts), so the three always list the same items.
import { toIsoWithOffset } from "../../content/dates.js";
import type { Feed } from "./feed-xml.js";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export function jsonFeed(feed: Feed): string {
  const date = (ms: number) => toIsoWithOffset(ms, feed.timeZone);
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.selfUrl,
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
