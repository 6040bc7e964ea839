// UI strings come from i18next resources, one JSON file per locale; plurals use
// i18next's Intl.PluralRules suffixes (_one, _few, _many, _other).
import fs from "node:fs";
import path from "node:path";
import i18next, { type TFunction, type i18n } from "i18next";
import { LOCALES, type Locale } from "../config.js";
import { ROOT } from "../root.js";

// Read from the source tree, so the same code runs from src/ (tsx), dist/ (tsc) and the bundle.
const resources = Object.fromEntries(
  LOCALES.map((l) => {
    const file = path.join(ROOT, "src", "i18n", "locales", `${l}.json`);
    return [l, { translation: JSON.parse(fs.readFileSync(file, "utf8")) as object }];
  }),
);

export interface I18n {
  readonly instance: i18n;
  t(locale: Locale): TFunction;
}

/**
 * `overrides`: strings a deployment replaces, per locale and dotted key — the city's name
 * from content/site.yml (src/content/site.ts), so titles, feeds and shared links carry it.
 */
export async function createI18n(defaultLocale: Locale = "bg", overrides: Partial<Record<Locale, Record<string, string>>> = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    // A copy: addResource below writes into it, and other instances (tests) share the module's.
    resources: structuredClone(resources),
    lng: defaultLocale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    // Nunjucks escapes everything it prints, so i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n["init"]>[0]);
  for (const [locale, strings] of Object.entries(overrides)) {
    for (const [key, value] of Object.entries(strings)) instance.addResource(locale, "translation", key, value);
  }
  const fixed = new Map(LOCALES.map((l) => [l, remembered(instance.getFixedT(l))]));
  return { instance, t: (locale) => fixed.get(locale)! };
}

/**
 * A page asks for dozens of plain strings ("nav.home") and i18next resolves each one anew,
 * which was a tenth of a search page's time; the resources never change while running,
 * so a key without options gives the same string every time.
 */
function remembered(t: TFunction): TFunction {
  const call = t as unknown as (...args: unknown[]) => string;
  const plain = new Map<string, string>();
  const memo = (key: unknown, ...rest: unknown[]): string => {
    if (rest.length > 0 || typeof key !== "string") return call(key, ...rest);
    let text = plain.get(key);
    if (text === undefined) {
      text = call(key);
      plain.set(key, text);
    }
    return text;
  };
  return memo as unknown as TFunction;
}
