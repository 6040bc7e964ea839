import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { reverseTransliterateBg, transliterateBg } from "../../src/text/translit.js";

// The Act's letter table applied one character at a time, as transliterateBg did before
// it learnt to copy runs: the oracle for the property test below.
const ACT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sht",
  ъ: "a",
  ь: "y",
  ю: "yu",
  я: "ya",
  ѝ: "i",
};
function oneByOne(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    let latin = ACT[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (lower === "я" && /[иИ]/.test(text[i - 1] ?? "") && !/\p{L}/u.test(String.fromCodePoint(text.codePointAt(i + 1) ?? 32))) latin = "a";
    if (ch === lower) out += latin;
    else if (latin.length === 1) out += latin.toUpperCase();
    else {
      const up = (c: string | undefined) => c !== undefined && c !== c.toLowerCase();
      const low = (c: string | undefined) => c !== undefined && c !== c.toUpperCase();
      const allCaps = up(text[i + 1]) || (!low(text[i + 1]) && up(text[i - 1]));
      out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  }
  return out;
}

describe("transliterateBg (Transliteration Act 2009, Streamlined System)", () => {
  it("maps every letter of the alphabet as in art. 4 of the Act", () => {
    expect(transliterateBg("абвгдежзийклмнопрстуфхцчшщъьюя")).toBe("abvgdezhziyklmnoprstufhtschshshtayyuya");
  });

  it.each([
    ["София", "Sofia"],
    ["Мария", "Maria"],
    ["България", "Balgaria"],
    ["Сияна", "Siyana"], // "ия" not at the end keeps "iya"
    ["ия", "ia"],
    ["Бургас-Варна", "Burgas-Varna"],
    ["Джебел", "Dzhebel"], // дж -> dzh, listed separately in the Act
    ["Пловдив Ямбол", "Plovdiv Yambol"],
  ])("%s -> %s", (bg, latin) => {
    expect(transliterateBg(bg)).toBe(latin);
  });

  it("applies the word-final ия rule before punctuation and at the end", () => {
    expect(transliterateBg("Гергия, Мизия.")).toBe("Gergia, Mizia.");
    expect(transliterateBg("Мизиян")).toBe("Miziyan");
  });

  it.each([
    ["Щастие", "Shtastie"],
    ["ЩАСТИЕ", "SHTASTIE"],
    ["Щ", "Sht"],
    ["ПЛОЩ", "PLOSHT"],
    ["Жечка ЖЕЧКА", "Zhechka ZHECHKA"],
    ["Цанко", "Tsanko"],
    ["ЮЛИЯ", "YULIA"],
    ["Юлия", "Yulia"],
  ])("keeps capitalisation: %s -> %s", (bg, latin) => {
    expect(transliterateBg(bg)).toBe(latin);
  });

  it("leaves Latin, digits, punctuation and other scripts unchanged", () => {
    expect(transliterateBg("ул. „Шипка“ 12, Łódź 😀 Αθήνα")).toBe("ul. „Shipka“ 12, Łódź 😀 Αθήνα");
  });

  it("gives what the letter table applied one character at a time gives (property)", () => {
    // The whole Cyrillic block and its neighbours, capitals, Latin, marks, spaces, emoji.
    const cyrillic = fc.integer({ min: 0x3f0, max: 0x52f }).map((c) => String.fromCharCode(c));
    const other = fc.constantFrom("a", "Z", "ł", "Ł", " ", "-", "„", "“", "\u0301", "😀", "1", "\u1c80", "ИЯ", "ия");
    fc.assert(
      fc.property(fc.array(fc.oneof(cyrillic, cyrillic, other), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(transliterateBg(text)).toBe(oneByOne(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("reverseTransliterateBg", () => {
  it.each([
    ["shtastie", "щастие"],
    ["sredets", "средец"],
    ["zhivot", "живот"],
    ["chasha", "чаша"],
    ["yunak", "юнак"],
    ["yambol", "ямбол"],
    ["sofia", "софия"],
    ["obuchenie", "обучение"],
    ["mayka", "майка"],
  ])("%s -> %s", (latin, bg) => {
    expect(reverseTransliterateBg(latin)).toBe(bg);
  });

  it("round-trips forward transliteration for words without ъ/ь", () => {
    for (const word of ["щастие", "средец", "живот", "юнаци", "ямбол", "софия", "чешма"]) {
      expect(reverseTransliterateBg(transliterateBg(word))).toBe(word);
    }
  });

  it("resolves ъ/а ambiguity to а, which forward transliteration hides", () => {
    expect(reverseTransliterateBg("balgaria")).toBe("балгария");
    expect(transliterateBg(reverseTransliterateBg("balgaria"))).toBe(transliterateBg("българия"));
  });
});
