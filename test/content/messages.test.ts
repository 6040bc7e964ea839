// The editor message catalogue (src/content/messages/): every id worded in English,
// Bulgarian and Polish with the same placeholders, and the exact wording of
// representative messages pinned in all three languages.
import { describe, expect, it } from "vitest";
import { loadConfig, localeEditorLang } from "../../src/config.js";
import { formatIssueIn, issue } from "../../src/content/issues.js";
import { CATALOGUES, EDITOR_LANGS, msg, placeholders, say, type MessageId, type Template } from "../../src/content/messages/index.js";
import { summaryLine } from "../../src/cli/format.js";

const ids = Object.keys(CATALOGUES.en) as MessageId[];
// Messages that read the same in every language (placeholders only, or the names of commands).
const SAME_EVERYWHERE = new Set<MessageId>(["cli.found"]);

describe("the catalogue", () => {
  it.each(ids)("%s: worded in every language, with the same placeholders", (id) => {
    const wanted = placeholders(CATALOGUES.en[id]);
    for (const lang of EDITOR_LANGS) {
      const template: Template = CATALOGUES[lang][id];
      const texts = typeof template === "string" ? [template] : Object.values(template);
      for (const text of texts) expect(text.trim(), `${lang} ${id}`).not.toBe("");
      expect(placeholders(template), `${lang} ${id}`).toEqual(wanted);
      if (typeof template !== "string") {
        // A plural message words every plural category of its language.
        for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) expect(template[category], `${lang} ${id} ${category}`).toBeDefined();
      }
      if (lang !== "en" && !SAME_EVERYWHERE.has(id)) expect(template, `${lang} ${id} is still English`).not.toEqual(CATALOGUES.en[id]);
    }
  });

  it("has no id in Bulgarian or Polish that English does not define", () => {
    expect(Object.keys(CATALOGUES.bg).sort()).toEqual([...ids].sort());
    expect(Object.keys(CATALOGUES.pl).sort()).toEqual([...ids].sort());
  });
});

describe("exact wording", () => {
  const line = (m: ReturnType<typeof msg>, lang: (typeof EDITOR_LANGS)[number], severity: "error" | "warning" = "error") =>
    formatIssueIn(issue("bg/sredets/2026-01-11-data.md", 3, "date", m, severity), lang);

  it("a date that does not exist", () => {
    const m = msg("date.notReal", { value: "2026-02-30" });
    expect(line(m, "en")).toBe('bg/sredets/2026-01-11-data.md:3: date: "2026-02-30" is not a real date — use YYYY-MM-DD');
    expect(line(m, "bg")).toBe("bg/sredets/2026-01-11-data.md:3: date: „2026-02-30“ не е съществуваща дата — пишете ГГГГ-ММ-ДД");
    expect(line(m, "pl")).toBe("bg/sredets/2026-01-11-data.md:3: date: „2026-02-30” nie jest istniejącą datą — wpisz RRRR-MM-DD");
  });

  it("a required field, with what to add worded in the same language", () => {
    const m = msg("field.requiredWhat", { what: msg("what.summary") });
    expect(say(m, "en")).toBe("is required — add a summary");
    expect(say(m, "bg")).toBe("липсва — добавете резюме");
    expect(say(m, "pl")).toBe("jest wymagane — dodaj lead (zajawkę)");
  });

  it("a warning carries the word for warning in the editor's language", () => {
    const m = msg("check.titleLong", { count: 76, max: 70 });
    expect(line(m, "en", "warning")).toBe("bg/sredets/2026-01-11-data.md:3: date: warning: has 76 characters, too long for search results — shorten to 70 or fewer");
    expect(line(m, "bg", "warning")).toBe("bg/sredets/2026-01-11-data.md:3: date: предупреждение: има 76 знака, твърде дълго за резултатите от търсене — съкратете го до 70 или по-малко");
    expect(line(m, "pl", "warning")).toBe("bg/sredets/2026-01-11-data.md:3: date: ostrzeżenie: ma 76 znaków, za dużo dla wyników wyszukiwania — skróć do 70 lub mniej");
  });

  it("counts follow each language's plural rules", () => {
    expect(summaryLine({ files: 1, errors: 1, warnings: 0 }, "en")).toBe("1 file checked: 1 error, 0 warnings");
    expect(summaryLine({ files: 14, errors: 16, warnings: 4 }, "bg")).toBe("проверени: 14 файла; 16 грешки, 4 предупреждения");
    expect(summaryLine({ files: 14, errors: 2, warnings: 1 }, "pl")).toBe("sprawdzono 14 plików: 2 błędy, 1 ostrzeżenie");
    expect(summaryLine({ files: 22, errors: 5, warnings: 0 }, "pl")).toBe("sprawdzono 22 pliki: 5 błędów, 0 ostrzeżeń");
    expect(summaryLine({ files: 3, errors: 0, warnings: 0 }, "bg")).toBe("проверени: 3 файла; няма проблеми");
    expect(say(msg("dev.banner", { count: 1 }), "pl")).toBe("Tryb deweloperski: w treści jest 1 problem — zobacz go");
    expect(say(msg("dev.banner", { count: 3 }), "pl")).toBe("Tryb deweloperski: w treści są 3 problemy — zobacz je");
  });

  it("a picture that is not there", () => {
    const m = msg("article.image", { problem: msg("picture.missing", { name: "drugo.png" }) });
    expect(say(m, "en")).toBe('image "drugo.png" is not a JPEG, PNG, GIF or WebP file beside the article — check the file name');
    expect(say(m, "bg")).toBe("снимка „drugo.png“ не е файл JPEG, PNG, GIF или WebP до новината — проверете името на файла");
    expect(say(m, "pl")).toBe("zdjęcie „drugo.png” nie jest plikiem JPEG, PNG, GIF ani WebP obok artykułu — sprawdź nazwę pliku");
  });

  it("an issue stored by an older release (no id) keeps its English text", () => {
    const old = { file: "bg/a.md", line: 1, field: "file", message: "old text", severity: "error" } as unknown as Parameters<typeof formatIssueIn>[0];
    expect(formatIssueIn(old, "bg")).toBe("bg/a.md:1: file: old text");
  });
});

describe("choosing the language", () => {
  it("reads the locale as setlocale does: LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(localeEditorLang({ LANG: "bg_BG.UTF-8" })).toBe("bg");
    expect(localeEditorLang({ LANG: "pl_PL.UTF-8" })).toBe("pl");
    expect(localeEditorLang({ LC_MESSAGES: "pl_PL.UTF-8", LANG: "bg_BG.UTF-8" })).toBe("pl");
    expect(localeEditorLang({ LC_ALL: "C.UTF-8", LANG: "bg_BG.UTF-8" })).toBe(null);
    expect(localeEditorLang({ LANG: "de_DE.UTF-8" })).toBe(null);
    expect(localeEditorLang({})).toBe(null);
  });

  it("EDITOR_LANG comes before the locale, and English is the default", () => {
    expect(loadConfig({ EDITOR_LANG: "pl", LANG: "bg_BG.UTF-8" }).editorLang).toBe("pl");
    expect(loadConfig({ LANG: "bg_BG.UTF-8" }).editorLang).toBe("bg");
    expect(loadConfig({ EDITOR_LANG: "", LANG: "C" }).editorLang).toBe("en");
    expect(() => loadConfig({ EDITOR_LANG: "de" })).toThrow("EDITOR_LANG: must be one of en, bg, pl");
  });
});
