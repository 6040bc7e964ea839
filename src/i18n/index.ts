// UI strings come from i18next resources, one JSON file per locale; plurals use
// i18next's Intl.PluralRules suffixes (_one, _few, _many, _other).
import fs from "node:fs";
import path from "node:path";
import i18next, { type TFunction, type i18n } from "i18next";
import { LOCALES, type Locale } from "../config.js";
import { ROOT } from "../root.js";

// Read from the source tree, so the same code runs from src/ (tsx), dist/ (tsc) and the bundle.
const resources = Object.fromEntries(LOCALES.map((l) => {
  const file = path.join(ROOT, "src", "i18n", "locales", `${l}.json`);
  return [l, { translation: JSON.parse(fs.readFileSync(file, "utf8")) as object }];
}));

export interface I18n {
  readonly instance: i18n;
  t(locale: Locale): TFunction;
}

export async function createI18n(defaultLocale: Locale = "bg"): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: defaultLocale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    // Nunjucks escapes everything it prints, so i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n["init"]>[0]);
  const fixed = new Map(LOCALES.map((l) => [l, instance.getFixedT(l)]));
  return { instance, t: (locale) => fixed.get(locale)! };
}
