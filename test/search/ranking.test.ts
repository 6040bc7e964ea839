// Issue 21, ranking: a title match outranks passing mentions, the words as a phrase
// outrank the words apart, a query naming a district ranks its articles first, newer
// first among equals, and a query matching more than MAX_RANKED articles ranks only the
// newest of them.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/config.js";
import { createSearchQueries } from "../../src/index/search.js";
import { buildMatch } from "../../src/search/query.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;

function write(rel: string, title: string, date: string, body: string): void {
  const file = path.join(portal.contentDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `---\ntitle: "${title}"\nslug: ${path.basename(rel, ".md")}\ndate: ${date}\n---\n${body}\n`);
}

const day = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  portal = await createTestPortal();
  // Title vs passing mentions: the "zukowo" case, 20 newer short notices.
  write(
    "pl/gdynia/zukowo-park.md",
    "Żukowo: nowy park nad Radunią",
    day(1),
    "Gmina otwiera park z placem zabaw i ścieżką rowerową. Prace trwały dwa lata, a koszt wyniósł cztery miliony złotych. ".repeat(6),
  );
  for (let i = 0; i < 20; i++) write(`pl/gdynia/komunikat-${i}.md`, `Komunikat ${i + 1}`, day(100 + i), "Zebranie w Żukowie.");
  // Phrase: the older article has the words together.
  write("pl/gdansk/pergola-razem.md", "Nowe ławki", day(10), "W parku stanie zielona pergola obok fontanny, a dalej ławki.");
  write("pl/gdansk/pergola-osobno.md", "Nowe ławki", day(20), "Zielona fontanna w parku, a obok stanie pergola i ławki.");
  // Recency among equals: two articles with the same text.
  write("bg/sredets/stara-cheshma.md", "Чешма", day(30), "Ремонт на чешмата в градинката.");
  write("bg/sredets/nova-cheshma.md", "Чешма", day(40), "Ремонт на чешмата в градинката.");
  // A place named in the query: Lozenets's article has "Средец" only in its body and is
  // older; the Sredets one names the district in its body too.
  write("bg/lozenets/fontan-lozenets.md", "Фонтан до Средец и Лозенец", day(50), "Нов фонтан на границата на Лозенец със Средец.");
  write("bg/sredets/fontan-sredets.md", "Нов фонтан в градинката", day(45), "Фонтанът в район Средец работи отново.");
  // A title whose matching word is far from its start (the clipped headline).
  write(
    "bg/sredets/obuchenie-sluzhiteli.md",
    "Район „Средец“ започва тридневно обучение по деловодство на служителите",
    day(60),
    "Обучението е в сградата на района.",
  );
  await portal.index.sync();
  portal.index.version();
}, 60_000);

afterAll(() => portal.close());

function slugs(q: string, lang: Locale, places: string[] = []): string[] {
  return portal.index.search.search(buildMatch(q, lang)!, lang, { places }, 1, 30).hits.map((h) => h.article.slug);
}

async function pageTitles(url: string): Promise<string[]> {
  const html = (await request(portal.app).get(url)).text;
  return [...html.matchAll(/<h2 class="card-title"><a href="[^"]*">([\s\S]*?)<\/a><\/h2>/g)].map((m) => m[1]!.replace(/<\/?mark>/g, ""));
}

describe("search results page", () => {
  it("shows the whole title, not a window around the first hit", async () => {
    const titles = await pageTitles(
      "/bg/tarsene/?q=%D1%81%D0%BB%D1%83%D0%B6%D0%B8%D1%82%D0%B5%D0%BB%D0%B8%D1%82%D0%B5%20%D0%B4%D0%B5%D0%BB%D0%BE%D0%B2%D0%BE%D0%B4%D1%81%D1%82%D0%B2%D0%BE",
    );
    expect(titles, JSON.stringify(titles)).toContain("Район „Средец“ започва тридневно обучение по деловодство на служителите");
  });
});

describe("search ranking", () => {
  it("puts the article whose title names the place before 20 newer passing mentions (zukowo)", () => {
    const found = slugs("zukowo", "pl");
    expect(found).toHaveLength(21);
    expect(found[0]).toBe("zukowo-park");
  });

  it("ranks the words as a phrase above the same words apart", () => {
    expect(slugs("zielona pergola", "pl").slice(0, 2)).toEqual(["pergola-razem", "pergola-osobno"]);
  });

  it("ranks the newer of two equal articles first", () => {
    expect(slugs("ремонт чешма", "bg").slice(0, 2)).toEqual(["nova-cheshma", "stara-cheshma"]);
  });

  it("ranks articles of a district the query names first, through the route", async () => {
    const titles = await pageTitles("/bg/tarsene/?q=%D1%84%D0%BE%D0%BD%D1%82%D0%B0%D0%BD%20%D1%81%D1%80%D0%B5%D0%B4%D0%B5%D1%86");
    // "фонтан средец": without the place, the Lozenets article (both words in its title)
    // would lead; it comes after every article of Средец.
    expect(titles).toContain("Нов фонтан в градинката");
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.at(-1)).toBe("Фонтан до Средец и Лозенец");
  });

  it("reads the district in Latin letters too (sredec)", async () => {
    const titles = await pageTitles("/bg/tarsene/?q=fontan%20sredec");
    expect(titles).toContain("Нов фонтан в градинката");
    expect(titles.at(-1)).toBe("Фонтан до Средец и Лозенец");
  });

  it("ranks only the newest matches when there are more than the limit", () => {
    const search = createSearchQueries(portal.index.db, (ids) => portal.index.articles.byIds(ids), { maxRanked: 5 });
    const result = search.search(buildMatch("zukowo", "pl")!, "pl", {}, 1, 30);
    expect(result.total).toBe(21);
    expect(result.capped).toBe(true);
    // The five newest notices, none of the older ones, not even the title match.
    expect(result.hits.map((h) => h.article.slug).sort()).toEqual(["komunikat-15", "komunikat-16", "komunikat-17", "komunikat-18", "komunikat-19"]);
    expect(search.search(buildMatch("zukowo", "pl")!, "pl", {}, 2, 30).hits).toEqual([]);
  });

  it("ranks only the newest matches with a filter too, and only when the filtered matches pass the limit", () => {
    const search = createSearchQueries(portal.index.db, (ids) => portal.index.articles.byIds(ids), { maxRanked: 5 });
    const zukowo = buildMatch("zukowo", "pl")!;
    const found = (r: { hits: { article: { slug: string } }[] }) => r.hits.map((h) => h.article.slug).sort();
    // All 21 are Gdynia's: the district filter leaves 21, more than the limit.
    const district = search.search(zukowo, "pl", { district: "gdynia" }, 1, 30);
    expect([district.total, district.capped]).toEqual([21, true]);
    expect(found(district)).toEqual(["komunikat-15", "komunikat-16", "komunikat-17", "komunikat-18", "komunikat-19"]);
    // A date range holding the title match and ten notices (half days: dates are local midnights): the newest five of those.
    const from = Date.UTC(2026, 0, 1);
    const range = search.search(zukowo, "pl", { district: "gdynia", from, to: from + 109.5 * 86_400_000 }, 1, 30);
    expect([range.total, range.capped]).toEqual([11, true]);
    expect(found(range)).toEqual(["komunikat-5", "komunikat-6", "komunikat-7", "komunikat-8", "komunikat-9"]);
    // A range holding three: all ranked, no note, though the query alone passes the limit.
    const few = search.search(zukowo, "pl", { from: from + 116.5 * 86_400_000 }, 1, 30);
    expect([few.total, few.capped]).toEqual([3, false]);
    expect(found(few)).toEqual(["komunikat-17", "komunikat-18", "komunikat-19"]);
    expect(search.search(zukowo, "pl", { district: "sopot" }, 1, 30).total).toBe(0);
  });

  it("keeps the ranking within a filter: the title match before the newer mentions of its district", () => {
    const found = portal.index.search.search(buildMatch("zukowo", "pl")!, "pl", { district: "gdynia", from: Date.UTC(2026, 0, 1) }, 1, 30);
    expect(found.total).toBe(21);
    expect(found.hits[0]!.article.slug).toBe("zukowo-park");
  });
});
