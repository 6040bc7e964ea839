// A search without filters ranks in the FTS table alone and then looks up only the
// rows it needs (src/index/search.ts, rankedIds). These tests hold every result page to
// the plain definition: the published articles that match, by weighted bm25, the newer
// first on equal scores, and a total that counts only them.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Locale } from "../../src/config.js";
import { searchTable } from "../../src/index/schema.js";
import { buildMatch } from "../../src/search/query.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

interface Generated {
  /** As `articles.file`: relative to the content folder. */
  readonly file: string;
  readonly date: string;
  readonly published: boolean;
}

const WORD: Record<Locale, { word: string; filler: string[]; folder: string }> = {
  bg: { word: "чапла", filler: ["езеро", "мост", "парк", "река", "пейка"], folder: "bg/sredets" },
  pl: { word: "czapla", filler: ["jezioro", "most", "park", "rzeka", "ławka"], folder: "pl/gdansk" },
};

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` articles that mention the word 0-3 times in the title and body, on distinct
 * days; `tied` more share one text (equal scores); with `unpublished`, some are drafts,
 * scheduled or expired.
 */
function writeArticles(portal: TestPortal, lang: Locale, count: number, tied: number, unpublished: boolean): Generated[] {
  const { word, filler, folder } = WORD[lang];
  const next = random(count * 31 + tied);
  const pick = () => filler[Math.floor(next() * filler.length)]!;
  const out: Generated[] = [];
  for (let i = 0; i < count + tied; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const isTied = i >= count;
    const inTitle = isTied ? 1 : Math.floor(next() * 2);
    const inBody = isTied ? 2 : Math.floor(next() * 4);
    const title = [...Array.from({ length: inTitle }, () => word), isTied ? filler[0]! : pick(), `n${i}`].join(" ");
    const body = isTied
      ? `${word} ${filler[1]} ${word} ${filler[2]}.`
      : `${[...Array.from({ length: inBody }, () => word), ...Array.from({ length: 1 + Math.floor(next() * 12) }, pick)].join(" ")}.`;
    const kind = unpublished ? i % 7 : -1;
    const front = [`title: "${title}"`, kind === 3 ? "date: 2027-03-0" + String(1 + (i % 9)) : `date: ${day}`];
    if (kind === 1) front.push("draft: true");
    if (kind === 5) front.push("expires: 2026-01-01");
    const file = `${folder}/${day}-n${i}.md`;
    fs.mkdirSync(path.join(portal.contentDir, folder), { recursive: true });
    fs.writeFileSync(path.join(portal.contentDir, file), `---\n${front.join("\n")}\n---\n${body}\n`);
    out.push({ file, date: day, published: kind !== 1 && kind !== 3 && kind !== 5 });
  }
  return out;
}

/**
 * The definition, from the search table's own scores: published only, those with the
 * word in the title first (issue 21), then bm25, newest first.
 */
function expected(portal: TestPortal, lang: Locale, generated: Generated[]): string[] {
  const { match, title } = buildMatch(WORD[lang].word, lang)!;
  const t = searchTable(lang);
  const rows = portal.index.db
    .prepare(
      `SELECT a.file, a.slug, bm25(${t}, 10.0, 4.0, 1.0),
    s.rowid IN (SELECT rowid FROM ${t} WHERE ${t} MATCH @title)
    FROM ${t} s JOIN articles a ON a.id = s.rowid WHERE ${t} MATCH @match`,
    )
    .raw()
    .all({ match, title }) as [string, string, number, number][];
  const byFile = new Map(generated.map((g) => [g.file, g]));
  // Only generated articles carry the word.
  expect(rows.every(([file]) => byFile.has(file))).toBe(true);
  return rows
    .filter(([file]) => byFile.get(file)!.published)
    .sort((a, b) => b[3] - a[3] || a[2] - b[2] || byFile.get(b[0])!.date.localeCompare(byFile.get(a[0])!.date))
    .map(([, slug]) => slug);
}

function allPages(portal: TestPortal, lang: Locale, perPage: number): { slugs: string[]; totals: Set<number> } {
  const match = buildMatch(WORD[lang].word, lang)!;
  const slugs: string[] = [];
  const totals = new Set<number>();
  for (let page = 1; ; page++) {
    const result = portal.index.search.search(match, lang, {}, page, perPage);
    totals.add(result.total);
    if (result.hits.length === 0) break;
    slugs.push(...result.hits.map((h) => h.article.slug));
  }
  return { slugs, totals };
}

let portal: TestPortal | undefined;
afterEach(() => portal?.close());

describe("search ranking without filters", () => {
  it.each(["bg", "pl"] as const)("every page follows bm25 then date when every article is published (%s)", async (lang) => {
    portal = await createTestPortal();
    // The fixture's draft and expired article would make this the other case; its
    // scheduled one is published by 2028.
    fs.rmSync(path.join(portal.contentDir, "bg/lozenets/2026-11-12-grafik-za-podryazvane-na-darveta.md"));
    fs.rmSync(path.join(portal.contentDir, "bg/sredets/2025-11-17-zimna-gotovnost-2025.md"));
    portal.setNow(Date.UTC(2028, 0, 1));
    const generated = writeArticles(portal, lang, 60, 24, false);
    await portal.index.sync();
    portal.index.version();
    const want = expected(portal, lang, generated);
    expect(want.length).toBeGreaterThan(60);
    for (const perPage of [1, 7, 20]) {
      const got = allPages(portal, lang, perPage);
      expect(got.slugs).toEqual(want);
      expect([...got.totals]).toEqual([want.length]);
    }
  });

  it.each(["bg", "pl"] as const)("leaves out drafts, scheduled and expired articles, on every page and in the total (%s)", async (lang) => {
    portal = await createTestPortal();
    const generated = writeArticles(portal, lang, 70, 30, true);
    await portal.index.sync();
    portal.index.version();
    const want = expected(portal, lang, generated);
    expect(generated.filter((g) => !g.published).length).toBeGreaterThan(20);
    for (const perPage of [1, 6, 20]) {
      const got = allPages(portal, lang, perPage);
      expect(got.slugs).toEqual(want);
      expect([...got.totals]).toEqual([want.length]);
    }
  });
});
