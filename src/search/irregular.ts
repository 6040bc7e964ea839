// Irregular forms: plurals and other forms that no suffix rule of the Hunspell dictionaries
// makes from their lemma (człowiek -> ludzie, rok -> lata, dziecko -> dzieci, дете -> деца,
// човек -> хора), looked up by lemmatize.ts beside the rules.
//
// Polish: generated from Morfologik 2.1 (PoliMorf), see irregular-pl.ts. Bulgarian: the
// bgOffice dictionary (dictionary-bg) lists деца, хора, очи as words of their own, with no
// link to дете, човек, око, and neither the npm registry nor the Debian archive offers a
// Bulgarian morphological dictionary that has one, so the Bulgarian nouns with a
// suppletive plural or a plural in -ена / -еса are listed here by hand, from the grammar,
// each with its definite plural.
import { fold } from "./fold.js";
import { IRREGULAR_PL } from "./irregular-pl.js";

/** The languages with a word-form dictionary (lemmatize.ts re-exports it). */
export type DictLang = "pl" | "bg";

export const IRREGULAR_BG = `деца децата дете
хора хората човек
очи очите око
уши ушите ухо
ръце ръцете ръка
господа господата господин
рамене раменете рамо
имена имената име
времена времената време
семена семената семе
знамена знамената знаме
племена племената племе
небеса небесата небе
чудеса чудесата чудо`;

let tables: Record<DictLang, Map<string, string[]>> | null = null;

/** Lines of "form form ... lemma" (the last word is the lemma), folded. */
function table(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const words = line.trim().split(/\s+/u).map(fold);
    const lemma = words.pop();
    if (lemma === undefined || lemma === "") continue;
    for (const form of words) {
      const list = out.get(form);
      if (list === undefined) out.set(form, [lemma]);
      else if (!list.includes(lemma)) list.push(lemma);
    }
  }
  return out;
}

/** The folded lemmas of a folded irregular form, or none. */
export function irregularLemmas(word: string, lang: DictLang): readonly string[] {
  tables ??= { pl: table(IRREGULAR_PL), bg: table(IRREGULAR_BG) };
  return tables[lang].get(word) ?? [];
}
