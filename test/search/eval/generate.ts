// Generates the word-form evaluation sets (pl.tsv, bg.tsv beside this file) from the
// Hunspell dictionaries of the dictionary-pl and dictionary-bg packages (devDependencies):
// each dictionary entry is a lemma, and its suffix rules make its inflected forms, so the
// pairs come from the dictionaries' authors, not from us. Run with
//   npx tsx test/search/eval/generate.ts
// The sample is drawn with a fixed seed, so a run on the same package versions gives the
// same files. See README.md beside this file for the sources and their licences.

import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Affixes, type DicEntry, expand, parseAff, parseDic } from "../../../src/search/hunspell.js";
import { prng } from "../../../bench/corpus.js";
import { IRREGULAR_BG } from "../../../src/search/irregular.js";
import { IRREGULAR_PL } from "../../../src/search/irregular-pl.js";

const here = dirname(fileURLToPath(import.meta.url));

type Lang = "pl" | "bg";
type Pair = { kind: "same" | "unrelated"; category: string; form: string; lemma: string };

async function load(lang: Lang): Promise<{ affixes: Affixes; entries: DicEntry[] }> {
  const { default: dictionary } = lang === "pl" ? await import("dictionary-pl") : await import("dictionary-bg");
  const text = new TextDecoder("utf-8");
  return { affixes: parseAff(text.decode(dictionary.aff)), entries: parseDic(text.decode(dictionary.dic)) };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const PLAIN = /^\p{L}{3,}$/u;
const isProper = (w: string): boolean => w[0] !== w[0]!.toLowerCase();

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The stem alternation a Polish form shows against its lemma, if any. */
function polishAlternation(lemma: string, form: string): string | undefined {
  const l = lemma.toLowerCase();
  const f = form.toLowerCase();
  const p = commonPrefix(l, f);
  const L = l.slice(p);
  const F = f.slice(p);
  const prev = l[p - 1];
  if (L.startsWith("ch") && F.startsWith("sz")) return "ch/sz";
  if (L.startsWith("g") && F.startsWith("dz")) return "g/dz";
  if (L.startsWith("k") && F.startsWith("c")) return "k/c";
  if (L.startsWith("t") && F.startsWith("c")) return "t/c";
  if (prev === "d" && F.startsWith("z") && !L.startsWith("z")) return "d/dz";
  if (prev === "r" && F.startsWith("z") && !L.startsWith("z")) return "r/rz";
  if (L.startsWith("ł") && F.startsWith("l")) return "ł/l";
  if ((L.startsWith("ą") && F.startsWith("ę")) || (L.startsWith("ę") && F.startsWith("ą"))) return "ą/ę";
  if (L.startsWith("ó") && F.startsWith("o")) return "ó/o";
  for (const e of ["ie", "e"]) {
    if (L.startsWith(e) && L.length > e.length && F[0] === L[e.length]) return "fleeting-e";
  }
  return undefined;
}

function polishCategory(entry: DicEntry, forms: string[]): string {
  if (isProper(entry.word)) return "proper";
  // Verbs end in "-ć" (or "-c": móc, piec) and have a past tense in "-ł"; nouns in
  // "-ość" end in "ć" too but have no such form.
  if (/[ćc]$/u.test(entry.word) && forms.some((f) => f.endsWith("ł"))) return "verb";
  if (/[yi]$/u.test(entry.word) && forms.some((f) => f.endsWith("ego"))) return "adj";
  return "noun";
}

const BG_ARTICLE = /(ът|ят|та|то|те|ия|ият)$/u;

function bulgarianCategory(entry: DicEntry, forms: string[]): string {
  if (isProper(entry.word)) return "proper";
  // Verbs have dozens of forms (tenses, participles); adjectives have the masculine
  // definite "-ият" and a plural "-и" from one base.
  if (forms.length >= 25) return "verb";
  if (forms.some((f) => f === `${entry.word}ият` || f.endsWith("ият")) && forms.some((f) => f.endsWith("ите"))) {
    return "adj";
  }
  return "noun";
}

// Local place names the portal writes about; the forms still come from the dictionary.
const PLACES: Record<Lang, readonly string[]> = {
  pl: [
    "Gdańsk",
    "Gdynia",
    "Sopot",
    "Żukowo",
    "Oliwa",
    "Wrzeszcz",
    "Orłowo",
    "Rumia",
    "Reda",
    "Wejherowo",
    "Pruszcz",
    "Kartuzy",
    "Puck",
    "Hel",
    "Chylonia",
    "Oksywie",
    "Kraków",
    "Warszawa",
    "Wrocław",
    "Poznań",
    "Łódź",
    "Gdańsk",
    "Kościerzyna",
    "Malbork",
    "Słupsk",
    "Tczew",
    "Lębork",
    "Bytów",
    "Chojnice",
    "Starogard",
    "Elbląg",
    "Toruń",
    "Bydgoszcz",
  ],
  bg: [
    "София",
    "Пловдив",
    "Варна",
    "Бургас",
    "Русе",
    "Стара",
    "Плевен",
    "Сливен",
    "Добрич",
    "Шумен",
    "Перник",
    "Хасково",
    "Ямбол",
    "Пазарджик",
    "Благоевград",
    "Велико",
    "Враца",
  ],
};

const QUOTAS: Record<Lang, Record<string, number>> = {
  pl: { noun: 700, adj: 400, verb: 500, proper: 250 },
  bg: { noun: 1000, adj: 550, verb: 650, proper: 200 },
};
const PER_ALTERNATION = 60;
const FORMS_PER_LEMMA = 3;
const UNRELATED = 1000;

async function generate(lang: Lang): Promise<Pair[]> {
  const { affixes, entries } = await load(lang);
  const random = prng(lang === "pl" ? 21 : 2021);
  const usable = entries.filter((e) => e.flags !== "" && PLAIN.test(e.word));
  const byWord = new Map(usable.map((e) => [e.word, e]));
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  const add = (pair: Pair): boolean => {
    const key = `${pair.kind}\t${pair.form}\t${pair.lemma}`;
    if (seen.has(key)) return false;
    seen.add(key);
    pairs.push(pair);
    return true;
  };
  const formsOf = (entry: DicEntry): string[] => expand(entry, affixes).filter((f) => PLAIN.test(f));

  // Local places first, all their forms.
  for (const name of PLACES[lang]) {
    const entry = byWord.get(name);
    if (entry === undefined) continue;
    for (const form of formsOf(entry)) add({ kind: "same", category: "place", form, lemma: entry.word });
  }

  const filled: Record<string, number> = {};
  const alternations: Record<string, number> = {};
  for (const entry of shuffle([...usable], random)) {
    const forms = formsOf(entry);
    if (forms.length === 0) continue;
    const category = lang === "pl" ? polishCategory(entry, forms) : bulgarianCategory(entry, forms);
    const quota = QUOTAS[lang][category] ?? 0;
    // Forms that show a stem alternation are taken whatever the category's fill, up
    // to a quota per alternation, so that each is measured on enough pairs.
    if (lang === "pl") {
      for (const form of forms) {
        const alt = polishAlternation(entry.word, form);
        if (alt === undefined || (alternations[alt] ?? 0) >= PER_ALTERNATION) continue;
        if (add({ kind: "same", category: `${category}:${alt}`, form, lemma: entry.word })) {
          alternations[alt] = (alternations[alt] ?? 0) + 1;
        }
      }
    }
    if ((filled[category] ?? 0) >= quota) continue;
    for (const form of shuffle(forms, random).slice(0, FORMS_PER_LEMMA)) {
      const tag = lang === "bg" && BG_ARTICLE.test(form) ? `${category}:article` : category;
      if (add({ kind: "same", category: tag, form, lemma: entry.word })) filled[category] = (filled[category] ?? 0) + 1;
    }
  }

  // Unrelated pairs: forms of two different lemmas, neither form belonging to the other's
  // paradigm. Half share their first four letters (the pairs a stemmer might wrongly
  // merge), half are drawn at random. Lemmas where one is the other plus a suffix
  // (derivations such as mieszkanie / mieszkaniec) are left out: they are related words.
  const lowered = usable.filter((e) => !isProper(e.word) && e.word.length >= 5);
  const byPrefix = new Map<string, DicEntry[]>();
  for (const e of lowered) {
    const key = e.word.slice(0, 4);
    const list = byPrefix.get(key);
    if (list === undefined) byPrefix.set(key, [e]);
    else list.push(e);
  }
  const groups = [...byPrefix.values()].filter((g) => g.length >= 2);
  const related = (a: string, b: string): boolean => {
    const la = a.slice(0, -1);
    const lb = b.slice(0, -1);
    return la.startsWith(lb) || lb.startsWith(la);
  };
  let unrelated = 0;
  for (let tries = 0; unrelated < UNRELATED && tries < UNRELATED * 50; tries++) {
    const hard = unrelated < UNRELATED / 2;
    let x: DicEntry;
    let y: DicEntry;
    if (hard) {
      const group = groups[Math.floor(random() * groups.length)]!;
      x = group[Math.floor(random() * group.length)]!;
      y = group[Math.floor(random() * group.length)]!;
    } else {
      x = lowered[Math.floor(random() * lowered.length)]!;
      y = lowered[Math.floor(random() * lowered.length)]!;
    }
    if (x.word === y.word || related(x.word, y.word)) continue;
    const fx = [x.word, ...formsOf(x)];
    const fy = [y.word, ...formsOf(y)];
    const a = fx[Math.floor(random() * fx.length)]!;
    const b = fy[Math.floor(random() * fy.length)]!;
    if (fy.includes(a) || fx.includes(b)) continue;
    if (add({ kind: "unrelated", category: hard ? "shared-prefix" : "random", form: a, lemma: b })) unrelated++;
  }

  // Irregular forms (issue 21: дете -> деца, човек -> хора, człowiek -> ludzie, rok -> lata,
  // dziecko -> dzieci), which no suffix rule makes: Polish from Morfologik (PoliMorf) via
  // src/search/irregular-pl.ts, the lemmas whole and a sample of the others;
  // Bulgarian from the hand-written list of src/search/irregular.ts (the Bulgarian
  // dictionary has none, see README.md).
  const lines = (lang === "pl" ? IRREGULAR_PL : IRREGULAR_BG).split("\n").map((l) => l.trim().split(/\s+/u));
  const sample = prng(lang === "pl" ? 2121 : 212121);
  const named = new Set(["człowiek", "rok", "dziecko", "brat", "oko", "ucho", "ksiądz"]);
  for (const words of lines) {
    const lemma = words.pop()!;
    if (lang === "pl" && !named.has(lemma) && (!PLAIN.test(lemma) || sample() > 0.12)) continue;
    for (const form of lang === "bg" || named.has(lemma) ? words : words.slice(0, 2)) {
      if (PLAIN.test(form)) add({ kind: "same", category: "noun:irregular", form, lemma });
    }
  }
  return pairs;
}

for (const lang of ["pl", "bg"] as const) {
  const pairs = await generate(lang);
  const lines = ["kind\tcategory\tform\tlemma", ...pairs.map((p) => `${p.kind}\t${p.category}\t${p.form}\t${p.lemma}`)];
  writeFileSync(join(here, `${lang}.tsv`), `${lines.join("\n")}\n`);
  const counts: Record<string, number> = {};
  for (const p of pairs) counts[p.category.split(":")[1] ?? p.category] = (counts[p.category.split(":")[1] ?? p.category] ?? 0) + 1;
  console.log(lang, pairs.filter((p) => p.kind === "same").length, "pairs,", UNRELATED, "unrelated", counts);
}
