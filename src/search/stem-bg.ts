// Light stemmer for Bulgarian.
//
// Algorithm: J. Savoy, "Searching strategies for the Bulgarian language",
// Information Retrieval 10 (2007), as implemented in Apache Lucene's
// org.apache.lucene.analysis.bg.BulgarianStemmer (which also fixes the
// duplicated "ен -> н" rule of the paper). The rules, their order and their
// length conditions follow that implementation; lengths are in letters of the
// word as it stands when each rule runs.
//
// Three deliberate deviations, both so that the forms of one noun meet in a
// single index term (see test/search/stem-bg.test.ts):
//  1. "-ия" is not removed as an article from words ending in "-ения"/"-ания".
//     For those words it is the plural ending of a neuter verbal noun, not an
//     article; Lucene stems обучения to "обучн" but обучение and обучението
//     to "обучени". Keeping the "и" lets the final "я" rule give "обучени".
//  2. The "е...и -> я" plural rule (промени -> промян) is skipped for words
//     ending in "-тели": agent nouns in "-тел" (служител, учител) form their
//     plural with a plain "-и", and the rewrite would give "служитял".
//  3. "-ията" is removed whole (see removeArticle), for the same reason as 1.

// Longest input the rules can touch is tiny, so plain string operations are
// cheaper than building a char buffer as Lucene does.

function removeArticle(w: string): string {
  const len = w.length;
  // Deviation 3: "-ията" (article on a feminine noun in "-ия") goes in one step, so
  // администрацията meets администрация ("администрац") as комисията meets комисия.
  if (len > 6 && w.endsWith("ията") && !w.endsWith("енията") && !w.endsWith("анията")) return w.slice(0, -4);
  if (len > 6 && w.endsWith("ият")) return w.slice(0, -3);
  if (len > 5) {
    if (w.endsWith("ът") || w.endsWith("то") || w.endsWith("те") || w.endsWith("та")) {
      return w.slice(0, -2);
    }
    // Deviation 1 (see the header comment).
    if (w.endsWith("ия") && !w.endsWith("ения") && !w.endsWith("ания")) return w.slice(0, -2);
  }
  if (len > 4 && w.endsWith("ят")) return w.slice(0, -2);
  return w;
}

function removePlural(w: string): string {
  const len = w.length;
  if (len > 6) {
    if (w.endsWith("овци")) return w.slice(0, -3); // дядовци -> дядо
    if (w.endsWith("ове")) return w.slice(0, -3);
    if (w.endsWith("еве")) return w.slice(0, -3) + "й"; // строеве -> строй
  }
  if (len > 5) {
    if (w.endsWith("ища")) return w.slice(0, -3);
    if (w.endsWith("та")) return w.slice(0, -2);
    if (w.endsWith("ци")) return w.slice(0, -2) + "к"; // собственици -> собственик
    if (w.endsWith("зи")) return w.slice(0, -2) + "г"; // подлози -> подлог
    // промени -> промян. Deviation 2 (see the header comment).
    if (w[len - 3] === "е" && w[len - 1] === "и" && !w.endsWith("тели")) {
      return w.slice(0, -3) + "я" + w.slice(len - 2, len - 1);
    }
  }
  if (len > 4) {
    if (w.endsWith("си")) return w.slice(0, -2) + "х"; // кожуси -> кожух
    if (w.endsWith("и")) return w.slice(0, -1);
  }
  return w;
}

/** Stems one lower-cased Bulgarian word. */
export function stemBg(word: string): string {
  if (word.length < 4) return word;
  if (word.length > 5 && word.endsWith("ища")) return word.slice(0, -3);

  let w = removePlural(removeArticle(word));

  if (w.length > 3) {
    if (w.endsWith("я")) w = w.slice(0, -1);
    if (w.endsWith("а") || w.endsWith("о") || w.endsWith("е")) w = w.slice(0, -1);
  }
  // "ен" -> "н": the fleeting vowel of песен / песни.
  if (w.length > 4 && w.endsWith("ен")) w = w.slice(0, -2) + "н";
  // "ъ" before the last letter is dropped: център / центрове.
  if (w.length > 5 && w[w.length - 2] === "ъ") w = w.slice(0, -2) + w.slice(-1);
  return w;
}
