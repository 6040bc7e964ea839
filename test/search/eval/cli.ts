// `npm run search:eval`: prints, per language, the word-form recall and conflation of the
// analyzer on the evaluation sets (see score.ts and README.md beside this file).
// `--misses N` also lists up to N missed and conflated pairs per language.

import { EXAMPLES, examplePortal, rankOf } from "./queries.js";
import { score } from "./score.js";

const args = process.argv.slice(2);
const missesAt = args.indexOf("--misses");
const showMisses = missesAt >= 0 ? Number(args[missesAt + 1] ?? "20") : 0;
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

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
}

// The issue's example queries against articles written for them (queries.ts).
const portal = await examplePortal();
try {
  console.log("example queries: rank of the article meant (of all matches)");
  for (const example of EXAMPLES) {
    const { rank, total } = rankOf(portal, example);
    console.log(`  ${example.lang} ${JSON.stringify(example.q).padEnd(22)} ${rank === null ? "not found" : `rank ${rank}`} of ${total}  (${example.expected})`);
  }
} finally {
  portal.close();
}
