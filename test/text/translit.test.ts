import { describe, expect, it } from "vitest";
import { reverseTransliterateBg, transliterateBg } from "../../src/text/translit.js";

describe("transliterateBg (Transliteration Act 2009, Streamlined System)", () => {
  it("maps every letter of the alphabet as in art. 4 of the Act", () => {
    expect(transliterateBg("абвгдежзийклмнопрстуфхцчшщъьюя")).toBe(
      "abvgdezhziyklmnoprstufhtschshshtayyuya",
    );
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
