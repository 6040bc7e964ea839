// `npm run search:eval`: prints, per language, the word-form recall and conflation of the
// analyzer on the evaluation sets (see score.ts and README.md beside this file), the rank
// of the article meant for each example query of issue 21, and each target of the issue
// with PASS or FAIL; exits with 1 when a target is missed (the same thresholds run in
// `npm test`: test/search/eval.test.ts). `--misses N` also lists up to N missed and
// conflated pairs per language.

import { EXAMPLES, MAX_EXAMPLE_RANK, SAME_TOTALS, examplePortal, rankOf, totalOf } from "./queries.js";
import { MAX_CONFLATION, MIN_RECALL, score } from "./score.js";

const args = process.argv.slice(2);
const missesAt = args.indexOf("--misses");
const showMisses = missesAt >= 0 ? Number(args[missesAt + 1] ?? "20") : 0;
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const targets: [string, string, string, boolean][] = [];

for (const lang of ["pl", "bg"] as const) {
  const s = score(lang);
  console.log(`${lang}: recall ${pct(s.recall)} of ${s.pairs} form-lemma pairs; unrelated conflated ${pct(s.conflation)} of ${s.unrelated} pairs`);
  for (const [cat, c] of Object.entries(s.byCategory).sort((a, b) => b[1].pairs - a[1].pairs)) {
    console.log(`  ${cat.padEnd(14)} ${pct(c.recall).padStart(8)}  (${c.pairs})`);
  }
  if (showMisses > 0) {
    for (const m of s.misses.slice(0, showMisses)) console.log(`  miss      ${m.category}\t${m.form} -> ${m.lemma}`);
    for (const m of s.conflated.slice(0, showMisses)) console.log(`  conflated ${m.category}\t${m.form} ~ ${m.lemma}`);
  }
  targets.push([`${lang} form-to-lemma recall`, `≥ ${pct(MIN_RECALL)}`, pct(s.recall), s.recall >= MIN_RECALL]);
  const irregular = s.byCategory.irregular;
  if (irregular)
    targets.push([`${lang} irregular forms found (${irregular.pairs})`, `≥ ${pct(MIN_RECALL)}`, pct(irregular.recall), irregular.recall >= MIN_RECALL]);
  targets.push([`${lang} unrelated words conflated`, `≤ ${pct(MAX_CONFLATION)}`, pct(s.conflation), s.conflation <= MAX_CONFLATION]);
}

// The issue's example queries against articles written for them (queries.ts).
const portal = await examplePortal();
try {
  console.log(`example queries: rank of the article meant (of all matches)`);
  let found = 0;
  for (const example of EXAMPLES) {
    const { rank, total } = rankOf(portal, example);
    if (rank !== null && rank <= MAX_EXAMPLE_RANK) found++;
    console.log(`  ${example.lang} ${JSON.stringify(example.q).padEnd(22)} ${rank === null ? "not found" : `rank ${rank}`} of ${total}  (${example.expected})`);
  }
  targets.push([`example queries with the article meant in the first ${MAX_EXAMPLE_RANK}`, `${EXAMPLES.length}`, `${found}`, found === EXAMPLES.length]);
  console.log("queries that must find as many articles");
  let same = 0;
  for (const [lang, a, b] of SAME_TOTALS) {
    const [ta, tb] = [totalOf(portal, lang, a), totalOf(portal, lang, b)];
    if (ta === tb) same++;
    console.log(`  ${lang} ${JSON.stringify(a)} ${ta}, ${JSON.stringify(b)} ${tb}`);
  }
  targets.push(["query pairs finding as many articles", `${SAME_TOTALS.length}`, `${same}`, same === SAME_TOTALS.length]);
} finally {
  portal.close();
}

console.log("\ntargets of issue 21");
const width = Math.max(...targets.map((t) => t[0].length));
for (const [name, target, measured, pass] of targets)
  console.log(`  ${name.padEnd(width)}  ${target.padEnd(8)}  ${measured.padEnd(8)}  ${pass ? "PASS" : "FAIL"}`);
process.exitCode = targets.every((t) => t[3]) ? 0 : 1;
