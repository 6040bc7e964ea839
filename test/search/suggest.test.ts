// Issue 21: "Did you mean …?" on a results page that finds little, and OpenSearch
// suggestions (application/x-suggestions+json) referenced from opensearch.xml.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildVocabulary, closestWord, completions, editDistance } from "../../src/search/vocabulary.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
}, 60_000);
afterAll(() => portal.close());

describe("vocabulary", () => {
  const v = buildVocabulary(["Dostępność urzędu miejskiego", "Remont torowiska na alei Hallera", "Remont ulicy", "Sopot i Gdańsk"]);

  it("measures edit distance and stops past the limit", () => {
    expect(editDistance("remnot", "remont", 2)).toBe(2);
    expect(editDistance("kot", "kto", 2)).toBe(2);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("offers the closest word within two edits, none for a known word or a far one", () => {
    expect(closestWord(v, "dostempnosc")).toBe("Dostępność");
    expect(closestWord(v, "remnot")).toBe("Remont");
    expect(closestWord(v, "remont")).toBeNull();
    expect(closestWord(v, "qqqqqqq")).toBeNull();
  });

  it("completes a prefix with the more frequent words first", () => {
    expect(completions(v, "re", 5)).toEqual(["Remont"]);
    expect(completions(v, "so", 5)).toEqual(["Sopot"]);
  });
});

describe("Did you mean …?", () => {
  it("links a misspelt query that finds nothing to the spelling in the index", async () => {
    const res = await request(portal.app).get("/pl/szukaj/").query({ q: "dostempnosc urzedu" });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Czy chodziło o <a href="/pl/szukaj/?q=dost%C4%99pno%C5%9B%C4%87+urzedu">dostępność urzedu</a>?');
    const followed = await request(portal.app).get("/pl/szukaj/").query({ q: "dostępność urzedu" });
    expect(followed.text).toContain('class="card-title"');
  });

  it("says nothing when the query finds enough", async () => {
    const res = await request(portal.app).get("/pl/szukaj/").query({ q: "dostępność" });
    expect(res.text).not.toContain("Czy chodziło o");
  });

  it("works in Bulgarian too", async () => {
    const res = await request(portal.app).get("/bg/tarsene/").query({ q: "служитили" });
    expect(res.text).toContain("Може би търсите <a href=");
  });
});

describe("OpenSearch suggestions", () => {
  it("is referenced from opensearch.xml", async () => {
    const res = await request(portal.app).get("/pl/opensearch.xml");
    expect(res.text).toContain('<Url type="application/x-suggestions+json" method="get" template="https://news.example.org/pl/suggest.json?q={searchTerms}"/>');
  });

  it("answers with the typed text and completions of its last word", async () => {
    const res = await request(portal.app).get("/pl/suggest.json").query({ q: "remont tor" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/x-suggestions+json; charset=utf-8");
    const [typed, words] = JSON.parse(res.text) as [string, string[]];
    expect(typed).toBe("remont tor");
    expect(words).toContain("remont torowiska");
  });

  // Issue 21: "sred" -> Средец; Bulgarian typed in Latin letters in any common system, and
  // Polish typed without its letters, complete the words as they are written.
  it.each([
    ["bg", "sred", "Средец"],
    ["bg", "Sred", "Средец"],
    ["bg", "car", "Цар"],
    ["bg", "tsar", "Цар"],
    ["bg", "obu4", "обучението"],
    ["bg", "obuch", "обучението"],
    ["bg", "služ", "служителите"],
    ["bg", "sluj", "служителите"],
    ["bg", "gradsk", "градския"],
    ["pl", "dostep", "dostępność"],
    ["pl", "polnoc", "Północnym"],
    ["pl", "brzez", "Brzeźna"],
  ] as const)("completes %s %j with %j", async (lang, typed, expected) => {
    const res = await request(portal.app).get(`/${lang}/suggest.json`).query({ q: typed });
    const [, words] = JSON.parse(res.text) as [string, string[]];
    expect(words).toContain(expected);
  });

  it("completes district names that no title or summary holds, in the page's language", async () => {
    const complete = async (lang: string, q: string) =>
      (JSON.parse((await request(portal.app).get(`/${lang}/suggest.json`).query({ q })).text) as [string, string[]])[1];
    expect(await complete("bg", "obor")).toContain("Оборище");
    expect(await complete("pl", "rumi")).toContain("Rumia");
  });

  it("answers hostile or empty input with an empty list", async () => {
    for (const q of ["", '"*) OR NOT', "x".repeat(5000), "\u0000"]) {
      const res = await request(portal.app).get("/bg/suggest.json").query({ q });
      expect(res.status).toBe(200);
      expect((JSON.parse(res.text) as unknown[])[1]).toEqual([]);
    }
  });

  it("answers within 10 ms once the vocabulary is built", () => {
    portal.index.version();
    portal.index.search.complete("re", "pl", 8);
    portal.index.search.complete("ре", "bg", 8);
    // The best of three tries per query: the machine running the tests is shared.
    const queries = [
      ["pl", "re"],
      ["pl", "dos"],
      ["pl", "sopo"],
      ["pl", "gda"],
      ["pl", "remont tor"],
      ["pl", "szko"],
      ["pl", "ul"],
      ["pl", "ka"],
      ["bg", "sred"],
      ["bg", "car iv"],
      ["bg", "ре"],
      ["bg", "4it"],
      ["bg", "sy"],
    ] as const;
    const times = queries.map(([lang, q]) =>
      Math.min(
        ...[0, 1, 2].map(() => {
          const t = performance.now();
          portal.index.search.complete(q, lang, 8);
          return performance.now() - t;
        }),
      ),
    );
    expect(Math.max(...times)).toBeLessThan(10);
  });
});
