// End-to-end check against real SQLite FTS5: analyzeText() on the index side
// and buildMatch() on the query side must meet, and no user input may make
// FTS5 raise a syntax error.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/search/analyze.js";
import { analyzeText } from "../../src/search/analyze.js";
import { buildMatch } from "../../src/search/query.js";
import { LOCALES } from "../../src/config.js";
import { searchTable, searchTableSql } from "../../src/index/schema.js";
import { HOSTILE } from "./hostile-queries.js";

type Doc = { id: number; lang: Lang; title: string; summary: string; body: string };

const DOCS: readonly Doc[] = [
  { id: 1, lang: "pl", title: "Zaproszenie", summary: "Spotkanie mieszkańców", body: "Po szkoleniu urzędnicy wrócili do pracy." },
  { id: 2, lang: "pl", title: "Dostępność urzędu", summary: "Nowe podjazdy", body: "Dbamy o dostępność budynków." },
  { id: 3, lang: "pl", title: "Łódź", summary: "Wizyta", body: "Delegacja odwiedziła Łódź w maju." },
  { id: 4, lang: "pl", title: "Festiwal", summary: "Koncert", body: "Wielki koncert odbył się w Gdańsku." },
  { id: 5, lang: "pl", title: "Komunikacja", summary: "Rozkład jazdy", body: "Zmiana tras autobusów od poniedziałku." },
  { id: 6, lang: "pl", title: "Kursy", summary: "Oferta", body: "Zajęcia prowadzone są szkoleniami online." },
  { id: 7, lang: "bg", title: "Район Средец", summary: "Новини", body: "Кметът на Средец откри парка." },
  { id: 8, lang: "bg", title: "Обучение", summary: "Администрация", body: "Приключи обучението на районната администрация." },
  { id: 9, lang: "bg", title: "Среща", summary: "Екип", body: "Служителите на общината се срещнаха с гражданите." },
];

let db: Database.Database;

beforeAll(() => {
  db = new Database(":memory:");
  // The production definition (tokenize='ascii', contentless), one table per language.
  for (const lang of LOCALES) db.exec(searchTableSql(lang));
  for (const d of DOCS) {
    db.prepare(`INSERT INTO ${searchTable(d.lang)} (rowid, title, summary, body) VALUES (?, ?, ?, ?)`).run(
      d.id,
      analyzeText(d.title, d.lang),
      analyzeText(d.summary, d.lang),
      analyzeText(d.body, d.lang),
    );
  }
});

afterAll(() => db.close());

function search(q: string, lang: Lang): number[] {
  const m = buildMatch(q, lang);
  if (m === null) return [];
  const table = searchTable(lang);
  const rows = db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(m.match) as { rowid: number }[];
  return rows.map((r) => r.rowid);
}

describe("FTS5 with analyzeText + buildMatch", () => {
  it.each([
    ["szkolenie", "pl", 1, "szkoleniu"],
    ["dostepnosc", "pl", 2, "dostępność"],
    ["lodz", "pl", 3, "Łódź"],
    ["Gdańsk", "pl", 4, "w Gdańsku"],
    ["autobus", "pl", 5, "autobusów"],
    ["szkol", "pl", 6, "szkoleniami (prefix)"],
    ["sredets", "bg", 7, "Средец"],
    ["obuchenie", "bg", 8, "обучението"],
    ["служители", "bg", 9, "служителите"],
    ["служител", "bg", 9, "служителите"],
    ["СРЕДЕЦ", "bg", 7, "Средец"],
  ] as const)("%s (%s) finds document %i (%s)", (q, lang, id, _found) => {
    expect(search(q, lang)).toContain(id);
  });

  it("needs every query word (AND)", () => {
    expect(search("koncert Gdańsk", "pl")).toEqual([4]);
    expect(search("koncert Łódź", "pl")).toEqual([]);
  });

  it("does not return unrelated documents", () => {
    expect(search("autobus", "pl")).toEqual([5]);
    expect(search("sredets", "bg")).toEqual([7]);
  });

  it("treats operator words as plain words, not operators", () => {
    // As operators, "koncert OR Łódź" would find 3 and 4; as words it finds nothing.
    expect(search("koncert OR Łódź", "pl")).toEqual([]);
    expect(search("NOT koncert", "pl")).toEqual([]);
  });

  it.each(HOSTILE.map((q) => [q.slice(0, 40), q] as const))("hostile %j runs without an SQLite error", (_label, q) => {
    for (const lang of ["bg", "pl"] as const) {
      const m = buildMatch(q, lang);
      if (m === null) continue;
      const table = searchTable(lang);
      expect(() => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all(m.match)).not.toThrow();
    }
  });
});
