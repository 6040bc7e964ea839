import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { buildMatch } from "../../src/search/query.js";

// Articles written for these tests, so every expectation below names a word that is
// really in (or really absent from) the text.
const ARTICLES: Record<string, string> = {
  "bg/sredets/2026-11-01-sluzhitelite-na-rayona.md": `---
title: "Служителите на района завършиха курс"
date: 2026-11-01
tags: [обучение]
---
Курсът за служителите на администрацията в район Средец продължи четири дни.

## Какво научиха
Обучението беше посветено на обслужването на гражданите.
`,
  "bg/sredets/2026-11-02-parkirane.md": `---
title: "Нови места за паркиране"
date: 2026-11-02
---
Районът отваря нови места. Служителите на общината ще помагат на гражданите.
`,
  "pl/gdansk/2026-11-01-szkolenie-urzednikow.md": `---
title: "Szkolenie urzędników z dostępności"
date: 2026-11-01
tags: [szkolenia]
---
Urzędnicy z Gdańska i z Łodzi rozmawiali o dostępności. Na szkoleniu był też gość z Łódź Kaliska.

W Gdańsku kursuje więcej autobusów, a przy dworcu stoją nowe hulajnogi.
`,
  "pl/gdansk/2026-11-02-rozklad.md": `---
title: "Nowy rozkład jazdy"
date: 2026-11-02
---
Od poniedziałku autobus linii 199 jeździ częściej. O szkoleniach dla kierowców napiszemy osobno. Na przystanek można dojechać hulajnogą.
`,
};

let portal: TestPortal;

beforeAll(async () => {
  portal = await createTestPortal();
  for (const [rel, text] of Object.entries(ARTICLES)) {
    fs.mkdirSync(path.dirname(path.join(portal.contentDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(portal.contentDir, rel), text);
  }
  await portal.index.sync();
});
afterAll(() => portal.close());

function resultLinks(html: string): string[] {
  const list = /<ol class="card-list search-results">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]!);
}

async function search(locale: "bg" | "pl", q: string, extra: Record<string, string> = {}) {
  const path = locale === "bg" ? "/bg/tarsene/" : "/pl/szukaj/";
  return request(portal.app)
    .get(path)
    .query({ q, ...extra });
}

describe("language-aware matching", () => {
  it.each([
    ["bg", "служители", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "plural without the article finds the form with it"],
    ["bg", "служител", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "singular finds the plural with the article"],
    ["bg", "обучение", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "bare noun finds the noun with the article"],
    ["bg", "администрация", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "feminine noun in -ия finds -ията"],
    ["bg", "sredets", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "Latin keyboard finds Cyrillic"],
    ["bg", "obuchenie", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "Latin keyboard finds the inflected Cyrillic word"],
    ["bg", "СЛУЖИТЕЛИТЕ", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "case does not matter"],
    ["bg", "служ", "/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/", "a half-typed last word matches as a prefix"],
    ["pl", "szkolenie", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "same form"],
    ["pl", "szkoleniach", "/pl/aktualnosci/nowy-rozklad-jazdy/", "inflected query finds another case"],
    ["pl", "dostepnosc", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "no Polish letters"],
    ["pl", "lodz", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "ł and ó fold"],
    ["pl", "Gdańsk", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "Gdańsk finds Gdańsku"],
    ["pl", "autobus", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "autobus finds autobusów"],
    ["pl", "urzędnik", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "urzędnik finds urzędnicy"],
    ["pl", "szkol", "/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/", "prefix"],
  ] as const)("%s: %s → %s (%s)", async (locale, q, expected, _why) => {
    const res = await search(locale, q);
    expect(res.status).toBe(200);
    expect(resultLinks(res.text)).toContain(expected);
  });

  it("does not find a word that is not there", async () => {
    const res = await search("pl", "żyrafami");
    expect(resultLinks(res.text)).toEqual([]);
    expect(res.text).toContain("Brak wiadomości pasujących do „żyrafami”");
  });
});

describe("results", () => {
  it("ranks a title match above a body match", async () => {
    const links = resultLinks((await search("pl", "szkolenie")).text);
    expect(links.indexOf("/pl/aktualnosci/szkolenie-urzednikow-z-dostepnosci/")).toBeLessThan(links.indexOf("/pl/aktualnosci/nowy-rozklad-jazdy/"));
  });

  it("marks the matched words in the snippet, escaped", async () => {
    const res = await search("bg", "служители");
    expect(res.text).toMatch(/<mark>служителите<\/mark>/i);
    expect(res.text).toContain("<time datetime=");
  });

  it("counts with the right plural forms", async () => {
    expect((await search("pl", "hulajnoga")).text).toMatch(/Znaleziono 2 artykuły/);
    expect((await search("bg", "курс")).text).toMatch(/Намерена е 1 новина/);
  });

  it("filters by district and year", async () => {
    const other = await search("bg", "служители", { district: "lozenets" });
    expect(resultLinks(other.text)).toEqual([]);
    const inYear = await search("bg", "служители", { district: "sredets", year: "2026" });
    expect(resultLinks(inYear.text)).toContain("/bg/novini/sluzhitelite-na-rayona-zavarshiha-kurs/");
    const earlier = await search("bg", "служители", { year: "2019" });
    expect(resultLinks(earlier.text)).toEqual([]);
  });

  it("never finds unpublished articles", async () => {
    // The fixture's draft (bg/lozenets) and scheduled article (pl/gdynia, 2027).
    expect(resultLinks((await search("bg", "подрязване")).text)).toEqual([]);
    expect(resultLinks((await search("pl", "wielkogabarytowych")).text)).toEqual([]);
  });

  it("keeps search result pages out of search engines", async () => {
    expect((await search("bg", "курс")).text).toContain('<meta name="robots" content="noindex">');
  });
});

describe("freshness and paging", () => {
  function write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(portal.contentDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(portal.contentDir, rel), text);
  }

  it("finds an article as soon as it is indexed, and no longer once it is deleted", async () => {
    const rel = "pl/gdansk/2026-11-03-kormorany.md";
    expect(resultLinks((await search("pl", "kormorany")).text)).toEqual([]);
    write(rel, `---\ntitle: "Kormorany nad Motławą"\ndate: 2026-11-03\n---\nPtaki wróciły.\n`);
    await portal.index.sync();
    expect(resultLinks((await search("pl", "kormorany")).text)).toEqual(["/pl/aktualnosci/kormorany-nad-motlawa/"]);
    fs.rmSync(path.join(portal.contentDir, rel));
    await portal.index.sync();
    expect(resultLinks((await search("pl", "kormorany")).text)).toEqual([]);
  });

  it("puts the newer of two equally relevant articles first and pages through them without overlap", async () => {
    for (const day of ["04", "05", "06"]) {
      write(`bg/sredets/2026-11-${day}-chaplite.md`, `---\ntitle: "Чаплите на езерото ${day}"\ndate: 2026-11-${day}\n---\nЧаплите се завърнаха.\n`);
    }
    await portal.index.sync();
    const first = await search("bg", "чаплите");
    expect(resultLinks(first.text)).toEqual(["06", "05", "04"].map((d) => `/bg/novini/chaplite-na-ezeroto-${d}/`));
    const pages = [1, 2, 3, 4].map((page) => portal.index.search.search(buildMatch("чаплите", "bg")!, "bg", {}, page, 1));
    expect(pages.map((p) => p.hits.map((h) => h.article.slug))).toEqual([
      ["chaplite-na-ezeroto-06"],
      ["chaplite-na-ezeroto-05"],
      ["chaplite-na-ezeroto-04"],
      [],
    ]);
    // Past the last page the total is still known, so the route can answer 404.
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3]);
    expect((await search("bg", "чаплите", { page: "2" })).status).toBe(404);
  });

  it("counts an article published between two result pages", async () => {
    const page = (n: number) => portal.index.search.search(buildMatch("чаплите", "bg")!, "bg", {}, n, 1);
    expect(page(1).total).toBe(3);
    write("bg/sredets/2026-11-07-chaplite.md", `---\ntitle: "Чаплите на езерото 07"\ndate: 2026-11-07\n---\nЧаплите остават.\n`);
    await portal.index.sync();
    portal.index.version();
    expect(page(2).total).toBe(4);
  });
});

describe("hostile input", () => {
  it.each(['"', "AND", "OR NOT", "NEAR(a b", "*", "-x", "title:x", "\u0000", "😀", "a".repeat(10_000), '"a" OR "b', "((((", "^x", 'x"*'])(
    "%j gives 200",
    async (q) => {
      expect((await search("bg", q)).status).toBe(200);
    },
  );

  it.each([
    ["repeated q", "/bg/tarsene/?q=a&q=b"],
    ["array page", "/bg/tarsene/?q=a&page[]=1"],
    ["hex page", "/bg/tarsene/?q=a&page=0x10"],
    ["exponent page", "/bg/tarsene/?q=a&page=1e9"],
    ["bad district", "/bg/tarsene/?q=a&district=../../etc"],
    ["unknown district", "/bg/tarsene/?q=a&district=nowhere"],
    ["bad year", "/pl/szukaj/?q=a&year=99999"],
  ])("%s is a localized 400", async (_name, url) => {
    const res = await request(portal.app).get(url);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Невалидна заявка|Nieprawidłowe żądanie/);
  });

  it("no query string makes the route fail (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300, unit: "binary" }), fc.constantFrom("bg", "pl"), async (q, locale) => {
        const res = await search(locale as "bg" | "pl", q);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    // 150 requests, each on its own supertest server: about 5 s on a busy 2-core machine.
  }, 30_000);
});

describe("search everywhere", () => {
  it("has a labelled GET search form in the header of every page", async () => {
    for (const url of ["/bg/", "/pl/aktualnosci/", "/bg/rayoni/sredets/"]) {
      const html = (await request(portal.app).get(url)).text;
      expect(html).toMatch(/<form class="search-form" role="search" method="get" action="\/(bg\/tarsene|pl\/szukaj)\/">/);
      expect(html).toMatch(/<label for="site-search">/);
      expect(html).toMatch(/<input id="site-search" type="search" name="q"/);
    }
  });

  it("links an OpenSearch description that points at the search page", async () => {
    const html = (await request(portal.app).get("/pl/")).text;
    expect(html).toContain('<link rel="search" type="application/opensearchdescription+xml"');
    const res = await request(portal.app).get("/pl/opensearch.xml");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("application/opensearchdescription+xml");
    expect(res.text).toContain('template="https://news.example.org/pl/szukaj/?q={searchTerms}"');
  });
});

describe("rate limit", () => {
  it("answers 429 with a localized page past the limit", async () => {
    const limited = await createTestPortal({ env: { SEARCH_RATE_LIMIT: "3" } });
    try {
      for (let i = 0; i < 3; i++) expect((await request(limited.app).get("/pl/szukaj/?q=a")).status).toBe(200);
      const res = await request(limited.app).get("/pl/szukaj/?q=a");
      expect(res.status).toBe(429);
      expect(res.text).toContain("Zbyt wiele zapytań");
      // Other pages are not limited.
      expect((await request(limited.app).get("/pl/")).status).toBe(200);
    } finally {
      limited.close();
    }
  });
});
