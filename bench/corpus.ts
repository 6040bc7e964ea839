// A deterministic synthetic corpus in the content contract (districts/<id>.yml,
// <lang>/<district>/<name>.md) for the benchmark. A seeded PRNG (mulberry32) makes the
// same size produce byte-identical files on every machine, so figures are comparable.
// Usage: tsx bench/corpus.ts --size 10000 [--json]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { slugify } from "../src/content/slug.js";
import { BG, METRO, PL, SOFIA, type Vocabulary } from "./words.js";

export const CORPUS_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), ".corpus");
const GENERATOR = 2; // bump when the output changes, so old corpora are regenerated

export interface Corpus {
  readonly size: number;
  readonly dir: string;
  readonly articles: { bg: number; pl: number };
  /** The article whose file sorts last: the last one the index builds. */
  readonly last: { lang: "bg" | "pl"; slug: string; file: string };
  /** An article with an explicit slug, so a new title keeps its URL (edit-to-visible). */
  readonly editable: { lang: "bg" | "pl"; slug: string; file: string; title: string };
  readonly district: { lang: "bg" | "pl"; id: string };
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG (public domain, Tommy Ettinger). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const metroId = (name: string) => slugify(name, "pl");

function sentence(r: () => number, v: Vocabulary): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const s = `${pick(v.words)} ${pick(v.links)} ${pick(v.topics)} ${pick(v.places)} ${pick(v.ends)}`;
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function body(r: () => number, v: Vocabulary): string {
  const para = (n: number) => Array.from({ length: n }, () => sentence(r, v)).join(" ");
  const blocks = [para(3 + Math.floor(r() * 3))];
  const sections = 2 + Math.floor(r() * 3);
  for (let s = 0; s < sections; s++) {
    blocks.push(`## ${v.headings[(s + Math.floor(r() * 6)) % v.headings.length]!}`, para(2 + Math.floor(r() * 4)));
    if (r() < 0.5) blocks.push(Array.from({ length: 3 + Math.floor(r() * 3) }, () => `- ${sentence(r, v)}`).join("\n"));
    if (r() < 0.25) blocks.push(`> „${sentence(r, v)}“ ${v.quote}`);
  }
  return blocks.join("\n\n");
}

const yamlString = (s: string) => JSON.stringify(s);

function districtFiles(dir: string): { bg: string[]; pl: string[] } {
  fs.mkdirSync(path.join(dir, "districts"), { recursive: true });
  for (const [id, bg, pl] of SOFIA) {
    fs.writeFileSync(
      path.join(dir, "districts", `${id}.yml`),
      `name:\n  bg: ${yamlString(bg)}\n  pl: ${yamlString(pl)}\nmunicipality:\n  bg: "Столична община"\n  pl: "Sofia (Stołeczna gmina)"\n`,
    );
  }
  for (const name of METRO) {
    fs.writeFileSync(
      path.join(dir, "districts", `${metroId(name)}.yml`),
      `name:\n  bg: ${yamlString(name)}\n  pl: ${yamlString(name)}\nmunicipality:\n  bg: "Триместо (Гданск и Гдиня)"\n  pl: "Trójmiasto (Gdańsk i Gdynia)"\n`,
    );
  }
  return { bg: SOFIA.map(([id]) => id), pl: METRO.map(metroId) };
}

/** Writes the corpus unless a complete one of this size and generator is already there. */
export function ensureCorpus(size: number): Corpus {
  const dir = path.join(CORPUS_ROOT, String(size));
  const manifest = path.join(dir, ".manifest.json");
  try {
    const m = JSON.parse(fs.readFileSync(manifest, "utf8")) as Corpus & { generator: number };
    if (m.generator === GENERATOR && m.size === size) return m;
  } catch {
    // missing or from an older generator: write it again
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const districts = districtFiles(dir);
  const r = prng(0x5eed ^ size);
  const slugs = new Set<string>();
  const counts = { bg: 0, pl: 0 };
  let editable: Corpus["editable"] | null = null;
  const files: { lang: "bg" | "pl"; slug: string; file: string }[] = [];
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 5, 1) - start; // all in the past: every article is published
  for (let i = 0; i < size; i++) {
    const lang = i % 2 === 0 ? "bg" : "pl";
    const v = lang === "bg" ? BG : PL;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const district = pick(districts[lang]);
    const day = new Date(start + Math.floor(r() * span)).toISOString().slice(0, 10);
    const topic = pick(v.topics);
    const title = `${topic[0]!.toUpperCase()}${topic.slice(1)} ${pick(v.places)} ${pick(v.verbs)} (${Number(day.slice(8))} ${v.months[Number(day.slice(5, 7)) - 1]!} ${day.slice(0, 4)})`;
    let slug = slugify(title, lang);
    const explicit = slugs.has(`${lang}/${slug}`) || i === 1;
    if (explicit) slug = `${slug.slice(0, 70).replace(/-+$/, "")}-${i}`;
    slugs.add(`${lang}/${slug}`);
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(v.tags)))];
    const fm = [
      "---",
      `title: ${yamlString(title)}`,
      `date: "${day}"`,
      ...(explicit ? [`slug: ${slug}`] : []),
      `tags: [${tags.map(yamlString).join(", ")}]`,
      `author: ${yamlString(pick(v.authors))}`,
      ...(i % 200 === 0 && i + 1 < size ? [`translationKey: pair-${i}`] : i % 200 === 1 ? [`translationKey: pair-${i - 1}`] : []),
      "---",
    ];
    const file = `${lang}/${district}/${day}-${String(i).padStart(6, "0")}.md`;
    fs.mkdirSync(path.join(dir, lang, district), { recursive: true });
    fs.writeFileSync(path.join(dir, file), `${fm.join("\n")}\n\n${body(r, v)}\n`);
    counts[lang]++;
    files.push({ lang, slug, file });
    if (i === 1) editable = { lang, slug, file, title };
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const corpus: Corpus = { size, dir, articles: counts, last: files[files.length - 1]!, editable: editable!, district: { lang: "bg", id: "mladost" } };
  fs.writeFileSync(manifest, JSON.stringify({ ...corpus, generator: GENERATOR }, null, 2));
  return corpus;
}

export function sizeArg(argv: string[], fallback = 10000): number {
  const i = argv.indexOf("--size");
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 2 || n > 1_000_000) throw new Error(`--size must be a whole number from 2 to 1000000, got ${argv[i + 1]}`);
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = performance.now();
  const corpus = ensureCorpus(sizeArg(process.argv.slice(2)));
  const ms = Math.round(performance.now() - started);
  if (process.argv.includes("--json")) console.log(JSON.stringify({ ...corpus, ms }));
  else console.log(`corpus of ${corpus.size} articles (${corpus.articles.bg} bg, ${corpus.articles.pl} pl) in ${corpus.dir} (${ms} ms)`);
}
