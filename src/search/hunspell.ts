// Reader for the suffix rules and word list of a Hunspell dictionary (.aff/.dic), the
// format of the dictionary-pl and dictionary-bg packages. Only what word-form work needs:
// single-character flags and SFX rules (prefixes, compounding and morphological fields are
// ignored). Hunspell's own semantics, from hunspell(5): a rule "SFX F strip add cond" turns
// a word ending in `cond` (a regex-like sequence of letters and [classes]) and in `strip`
// into word - strip + add; "0" means empty; "add/flags" carries continuation flags, which
// are ignored here.

export type SuffixRule = {
  flag: string;
  strip: string;
  add: string;
  /** Anchored at the end of the word. */
  cond: RegExp;
};

export type Affixes = {
  /** Rules by flag, in file order. */
  byFlag: Map<string, SuffixRule[]>;
};

export type DicEntry = { word: string; flags: string };

function parseCondition(cond: string): RegExp {
  if (cond === "." || cond === "") return /(?:)$/u;
  // Hunspell conditions use only letters, "." and [...] / [^...] classes, which mean the
  // same in a JavaScript regex; anything else is escaped so a stray character cannot
  // change the pattern.
  const safe = cond.replace(/[\\(){}|*+?$^]/gu, (ch, offset: number) => (ch === "^" && cond[offset - 1] === "[" ? ch : `\\${ch}`));
  return new RegExp(`${safe}$`, "u");
}

export function parseAff(text: string): Affixes {
  const byFlag = new Map<string, SuffixRule[]>();
  for (const line of text.split("\n")) {
    const parts = line.trim().split(/\s+/u);
    if (parts[0] !== "SFX" || parts.length < 5) continue;
    // The header line is "SFX flag Y|N count"; rule lines have a strip field instead.
    if ((parts[2] === "Y" || parts[2] === "N") && /^\d+$/u.test(parts[3] ?? "")) continue;
    const [, flag = "", strip = "", addField = "", cond = "."] = parts;
    const add = addField.split("/")[0] ?? "";
    const rule: SuffixRule = {
      flag,
      strip: strip === "0" ? "" : strip,
      add: add === "0" ? "" : add,
      cond: parseCondition(cond),
    };
    const list = byFlag.get(flag);
    if (list === undefined) byFlag.set(flag, [rule]);
    else list.push(rule);
  }
  return { byFlag };
}

export function parseDic(text: string): DicEntry[] {
  const out: DicEntry[] = [];
  const lines = text.split("\n");
  // The first line is the entry count.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const slash = line.indexOf("/");
    if (slash <= 0) out.push({ word: line, flags: "" });
    else out.push({ word: line.slice(0, slash), flags: line.slice(slash + 1).split(/\s/u)[0] ?? "" });
  }
  return out;
}

/** Every form one suffix rule set makes of `word` (the word itself not included). */
export function expand(entry: DicEntry, affixes: Affixes): string[] {
  const forms = new Set<string>();
  for (const flag of entry.flags) {
    for (const rule of affixes.byFlag.get(flag) ?? []) {
      if (!entry.word.endsWith(rule.strip) || !rule.cond.test(entry.word)) continue;
      const form = entry.word.slice(0, entry.word.length - rule.strip.length) + rule.add;
      if (form !== entry.word && form !== "") forms.add(form);
    }
  }
  return [...forms];
}
