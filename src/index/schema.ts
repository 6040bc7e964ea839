// The index schema. Bump SCHEMA_VERSION whenever it changes: an index of another
// version is rebuilt from the content at start, never migrated in place.
import { LOCALES, type Locale } from "../config.js";
import { ALERTS_SQL } from "./alerts.js";

export const SCHEMA_VERSION = 16;

/** The full-text table of one language, as the index creates it (tests build the same). */
export function searchTableSql(lang: Locale): string {
  return `CREATE VIRTUAL TABLE ${searchTable(lang)} USING fts5 (
  title, summary, body,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);`;
}

export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- One row per content file seen, so a restart re-parses only what changed.
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  mtime INTEGER NOT NULL,
  size INTEGER NOT NULL,
  issues TEXT NOT NULL DEFAULT '[]',
  -- Set while the file is invalid but its last valid version is still served (its
  -- article or district row is kept): the mtime of that version. NULL otherwise.
  held INTEGER
) WITHOUT ROWID;

CREATE TABLE districts (
  id TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  data TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  lang TEXT NOT NULL,
  district TEXT NOT NULL,
  -- Where the article is served; own_slug is what its file asks for (slug:, else from the
  -- title). They differ when several articles ask for one address (content/cross-check.ts).
  slug TEXT NOT NULL,
  own_slug TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  date INTEGER NOT NULL,
  updated INTEGER,
  -- updated, else the last git commit touching the file, else its mtime (content/git-dates.ts)
  modified INTEGER,
  expires INTEGER,
  draft INTEGER NOT NULL,
  author TEXT,
  tags TEXT NOT NULL,
  image TEXT,
  translation_key TEXT,
  aliases TEXT NOT NULL,
  links TEXT NOT NULL,
  lines TEXT NOT NULL,
  -- The change notes (front matter changes:), newest first, as JSON.
  changes TEXT NOT NULL DEFAULT '[]',
  -- The event the article announces (front matter event:), as JSON; NULL when none.
  event TEXT,
  hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 0,
  -- The large columns last: SQLite reads a row's columns in order and spills long rows to
  -- overflow pages, so the scans of the flags above (listings, cross-checks) stay on the
  -- row's first page instead of walking every article's HTML.
  html TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX articles_by_slug ON articles (lang, slug);
CREATE INDEX articles_by_translation ON articles (translation_key) WHERE translation_key IS NOT NULL;
CREATE INDEX articles_by_district ON articles (district, date DESC);
-- The API's keyset pages (api-articles.ts): (date, lang, slug) is the stable order, so a
-- page after a cursor is an index seek, whatever its depth.
CREATE INDEX articles_by_date ON articles (date, lang, slug);
-- The same order within a district: a district's last page would otherwise walk the
-- date index to its end for the row that shows no more follow (43 ms at 100,000).
CREATE INDEX articles_by_district_date ON articles (district, date, lang, slug);
-- The events pages and calendars (events.ts) read only the few articles with an event.
CREATE INDEX articles_with_event ON articles (lang, district) WHERE event IS NOT NULL;
-- Everything the content version reads (listing.ts refreshVersion), in its order: after an
-- edit it is computed from this index alone, not from every article row (10,000
-- articles: 6 ms instead of 35 ms of each edit's sync).
CREATE INDEX articles_published ON articles (file, hash, date, expires) WHERE active = 1 AND draft = 0;

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  lang TEXT NOT NULL,
  tag TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (lang, tag);

CREATE TABLE media (
  url TEXT PRIMARY KEY,
  rel TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  format TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX media_by_article ON media (article_id);

CREATE TABLE aliases (
  path TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL
) WITHOUT ROWID;

-- Published articles in display order per scope ("bg", "bg:d:sredets", "bg:t:remont"),
-- rebuilt on every change, so page N is a range lookup, not an OFFSET scan.
CREATE TABLE listing (
  scope TEXT NOT NULL,
  pos INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (scope, pos)
) WITHOUT ROWID;

-- Articles written by a large fresh build but not yet in the full-text tables: such a
-- build serves articles first and indexes them for search right after (see
-- the search filler, src/index/fill.ts); searches wait until this table is empty.
CREATE TABLE search_backlog (id INTEGER PRIMARY KEY);

-- The Markdown of articles whose body such a build left to render (html, text and links
-- are empty until then; pages render it from here meanwhile). Every entry is also in
-- search_backlog, and is rendered before it is indexed for search.
CREATE TABLE body_backlog (id INTEGER PRIMARY KEY, markdown TEXT NOT NULL);

-- Terms are folded and stemmed in TypeScript (src/search/analyze.ts); the raw text
-- stays in articles.text for snippets. Contentless: the index holds no copy of the text.
-- One table per language: a search only ever looks at one, and a word common to both
-- ("remont", also the Latin copy of "ремонт") would otherwise be scored twice as often.
-- The text arrives as space-separated terms, already folded: the 'ascii' tokenizer only
-- splits at the spaces (any non-ASCII character is part of a term), a fifth cheaper to
-- build than unicode61, which would re-classify every character.
${LOCALES.map((lang) => searchTableSql(lang)).join("\n")}
${ALERTS_SQL}`;

/** The full-text table of a language (names come from LOCALES, never from input). */
export function searchTable(lang: Locale): string {
  return `search_${lang}`;
}

/** One of something per full-text table (a prepared statement), by language. */
export function perSearchTable<T>(make: (table: string) => T): Record<Locale, T> {
  return Object.fromEntries(LOCALES.map((l) => [l, make(searchTable(l))])) as Record<Locale, T>;
}
