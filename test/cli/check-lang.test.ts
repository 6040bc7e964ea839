// `npm run check -- --lang bg|pl|en` (the real command, spawned) on a tree full of
// mistakes: every message in the chosen language, and the JSON with each message's id.
// Without --lang: EDITOR_LANG, then the system locale, then English.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIssueIn, type ContentIssue } from "../../src/content/issues.js";
import { say, type EditorLang } from "../../src/content/messages/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BROKEN = "test/fixtures/broken";

function check(env: Record<string, string>, ...args: string[]) {
  const base = { ...process.env };
  for (const k of ["EDITOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "INIT_CWD"]) delete base[k];
  return spawnSync("npm", ["run", "--silent", "check", "--", ...args], {
    cwd: ROOT,
    env: { ...base, LANG: "C.UTF-8", CONTENT_DIR: BROKEN, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const CYRILLIC = /[а-яА-Я]/;
const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\b(?:nie|jest|musi|sprawdź|wpisz|usuń|dodaj|popraw|przenieś|zmień)\b/;

function expectAllIn(lang: EditorLang, stdout: string, json: string, looks: RegExp): void {
  const { issues } = JSON.parse(json) as { issues: ContentIssue[] };
  expect(issues.length).toBeGreaterThan(15);
  for (const i of issues) {
    // The JSON carries the id, and the message worded in the chosen language.
    expect(i.message).toBe(say({ id: i.id, params: i.params }, lang));
    expect(i.message, i.id).toMatch(looks);
  }
  const lines = stdout.trimEnd().split("\n");
  expect(lines.slice(0, -1)).toEqual(issues.map((i) => `${BROKEN}/${formatIssueIn(i, lang)}`));
  expect(lines.at(-1)).toMatch(looks);
}

describe("npm run check -- --lang", () => {
  it("prints every message in Bulgarian with --lang bg", () => {
    const text = check({}, "--lang", "bg");
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${BROKEN}/bg/sredets/2026-01-11-data.md:3: date: „2026-02-30“ не е съществуваща дата — пишете ГГГГ-ММ-ДД\n`);
    expect(text.stdout).toContain(`${BROKEN}/bg/sredets/2026-01-12-pole.md:4: summray: непознато поле — може би „summary“?\n`);
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("проверени: 14 файла; 16 грешки, 4 предупреждения");
    expectAllIn("bg", text.stdout, check({}, "--lang", "bg", "--format", "json").stdout, CYRILLIC);
  }, 120_000);

  it("prints every message in Polish with --lang pl", () => {
    const text = check({}, "--lang", "pl");
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${BROKEN}/bg/sredets/2026-01-11-data.md:3: date: „2026-02-30” nie jest istniejącą datą — wpisz RRRR-MM-DD\n`);
    expect(text.stdout).toContain(
      `${BROKEN}/bg/sredets/2026-01-20-dalgo.md:2: title: ostrzeżenie: ma 76 znaków, za dużo dla wyników wyszukiwania — skróć do 70 lub mniej\n`,
    );
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("sprawdzono 14 plików: 16 błędów, 4 ostrzeżenia");
    expectAllIn("pl", text.stdout, check({}, "--lang", "pl", "--format", "json").stdout, POLISH);
  }, 120_000);

  it("without --lang follows EDITOR_LANG, then the locale, and is English by default", () => {
    const last = (r: ReturnType<typeof check>) => r.stdout.trimEnd().split("\n").at(-1);
    expect(last(check({ EDITOR_LANG: "pl", LANG: "bg_BG.UTF-8" }))).toBe("sprawdzono 14 plików: 16 błędów, 4 ostrzeżenia");
    expect(last(check({ LANG: "bg_BG.UTF-8" }))).toBe("проверени: 14 файла; 16 грешки, 4 предупреждения");
    expect(last(check({ EDITOR_LANG: "pl" }, "--lang", "en"))).toBe("14 files checked: 16 errors, 4 warnings");
    expect(last(check({}))).toBe("14 files checked: 16 errors, 4 warnings");
  }, 120_000);

  it("refuses a language it does not have (exit 2)", () => {
    const r = check({}, "--lang", "de");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown language "de" — use one of en, bg, pl');
  }, 60_000);
});
