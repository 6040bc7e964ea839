// The search measurements of `npm run bench` (issue 21): uncached result pages without
// filters, with the district filter, the year filter and both (p95 ≤ 20 ms at 10,000
// articles, ≤ 50 ms at 100,000), the OpenSearch suggestions (≤ 10 ms), and whether the
// page says "showing the most recent matches" exactly when more than MAX_RANKED match.
// Every URL is asked for once: the portal keeps recent result pages, and this measures
// the pages it has not made yet. It also keeps the ids of a query's matches (20 queries
// per content version, src/index/search.ts): the filtered searches reuse the same ten
// words, so most of them find those kept, as a resident narrowing a search would; the
// cost with nothing kept is measured in-process (deploy/README.md, Measured).
import { slugify } from "../src/content/slug.js";
import { MAX_RANKED } from "../src/index/search.js";
import { urls } from "../src/site/urls.js";
import { sequential } from "./load.js";
import { timedGet } from "./proc.js";
import { atMost, info, type Row } from "./report.js";
import { METRO, SOFIA } from "./words.js";

type Lang = "bg" | "pl";

const TERMS: Record<Lang, readonly string[]> = {
  bg: ["ремонт", "транспорт", "паркове", "училище", "бюджет"],
  pl: ["remont", "komunikacja", "parki", "szkoła", "budżet"],
};
const DISTRICTS: Record<Lang, readonly string[]> = { bg: SOFIA.map(([id]) => id), pl: METRO.map((name) => slugify(name, "pl")) };
/** The corpus spans 2012 to mid-2025 (bench/corpus.ts). */
const YEARS = Array.from({ length: 14 }, (_, i) => String(2012 + i));
// Prefixes as residents type them: Cyrillic, Bulgarian in Latin letters (several systems),
// Polish without its letters.
const PREFIXES: Record<Lang, readonly string[]> = {
  bg: [
    "рем",
    "тран",
    "учил",
    "бюдж",
    "sred",
    "remo",
    "trans",
    "uchi",
    "mlad",
    "lozen",
    "car",
    "park",
    "vito",
    "ulits",
    "4ita",
    "ob6t",
    "zele",
    "sport",
    "detsk",
    "pazar",
  ],
  pl: [
    "rem",
    "tran",
    "szko",
    "budz",
    "zuk",
    "lak",
    "gdan",
    "sopo",
    "oliw",
    "wrze",
    "park",
    "ulic",
    "osie",
    "przy",
    "dzie",
    "mlod",
    "sred",
    "kosz",
    "zwie",
    "swie",
  ],
};

/** `n` distinct result-page URLs, the two languages in turn, built by `params(lang, i)`. */
function distinct(base: string, n: number, params: (lang: Lang, i: number) => Record<string, string>): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < n && i < n * 4; i++) {
    const lang: Lang = i % 2 ? "pl" : "bg";
    out.add(`${base}${urls.search(lang)}?${new URLSearchParams(params(lang, Math.floor(i / 2))).toString()}`);
  }
  return [...out];
}

// The i-th search of a language: term i mod 5 with the (i div 5)-th district or year, so
// that 50 searches per language are 50 different pairs (5 terms × 24 / 55 districts, × 14 years).
const term = (lang: Lang, i: number): string => TERMS[lang][i % TERMS[lang].length]!;
const district = (lang: Lang, i: number): string => DISTRICTS[lang][Math.floor(i / 5) % DISTRICTS[lang].length]!;
const year = (i: number): string => YEARS[Math.floor(i / 5) % YEARS.length]!;

export async function searchRows(base: string, p95Ms: number, suggestMs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const search = (lang: Lang, q: string) => `${base}${urls.search(lang)}?q=${encodeURIComponent(q)}`;
  const up = (await timedGet(search("bg", "ремонт"))).status === 200 && (await timedGet(search("pl", "remont"))).status === 200;
  const p95 = async (metric: string, list: string[]): Promise<void> => {
    const r = up ? await sequential(list) : null;
    // A page that failed would make the figure a lie: none may.
    const failed = r !== null && r.failed > 0 ? `, ${r.failed} not 200` : "";
    rows.push(atMost(`${metric} (${list.length} distinct searches, uncached${failed})`, p95Ms, r === null || r.failed > 0 ? null : r.p95, "ms"));
  };
  // 10 terms × result pages 1-20.
  await p95(
    "search p95",
    distinct(base, 200, (lang, i) => {
      const page = Math.floor(i / 5) + 1;
      return { q: term(lang, i), ...(page > 1 ? { page: String(page) } : {}) };
    }),
  );
  await p95(
    "search p95 with the district filter",
    distinct(base, 100, (lang, i) => ({ q: term(lang, i), district: district(lang, i) })),
  );
  await p95(
    "search p95 with the year filter",
    distinct(base, 100, (lang, i) => ({ q: term(lang, i), year: year(i) })),
  );
  await p95(
    "search p95 with district and year filters",
    distinct(base, 100, (lang, i) => ({ q: term(lang, i), district: district(lang, i), year: YEARS[(i * 3) % YEARS.length]! })),
  );

  // The product decision on very common words (README, Search): a query matching more
  // than MAX_RANKED articles of a language ranks the newest MAX_RANKED and says so; a
  // filter that leaves fewer says nothing. The note is the page's only "count-note".
  if (up) {
    const html = async (url: string) => (await timedGet(url)).body;
    const total = (body: string) => Number((/<p class="count" role="status">[^<\d]*(\d[\d  .,]*)/u.exec(body)?.[1] ?? "0").replace(/\D/gu, ""));
    const plain = await html(search("bg", "ремонт"));
    const filtered = await html(`${search("bg", "ремонт")}&year=2020`);
    const noteShown = (body: string) => body.includes('class="count-note"');
    const right = (body: string) => noteShown(body) === total(body) > MAX_RANKED;
    rows.push(info(`matches of "ремонт" (bg), "most recent matches" note ${noteShown(plain) ? "shown" : "not shown"}`, total(plain), "articles"));
    rows.push(info(`matches of "ремонт" (bg) in 2020, note ${noteShown(filtered) ? "shown" : "not shown"}`, total(filtered), "articles"));
    rows.push({
      metric: `"most recent matches" note shown exactly when more than ${MAX_RANKED} match (with and without filters)`,
      target: "yes",
      measured: right(plain) && right(filtered) ? 1 : 0,
      unit: "",
      pass: right(plain) && right(filtered),
    });
  }

  // OpenSearch suggestions: each prefix once per language, the vocabulary already built
  // (one request per language first, as the browser's first keystroke would).
  const suggest = (lang: Lang, q: string) => `${base}/${lang}/suggest.json?q=${encodeURIComponent(q)}`;
  await timedGet(suggest("bg", "ре"));
  await timedGet(suggest("pl", "re"));
  const s = await sequential((["bg", "pl"] as const).flatMap((lang) => PREFIXES[lang].map((p) => suggest(lang, p))));
  rows.push(
    atMost(`suggestions p95 (${PREFIXES.bg.length + PREFIXES.pl.length} prefixes, incl. Latin-typed Bulgarian)`, suggestMs, s.failed > 0 ? null : s.p95, "ms"),
  );
  const sred = JSON.parse((await timedGet(suggest("bg", "sred"))).body) as [string, string[]];
  rows.push({ metric: '"sred" suggests Средец', target: "yes", measured: sred[1].includes("Средец") ? 1 : 0, unit: "", pass: sred[1].includes("Средец") });
  return rows;
}
