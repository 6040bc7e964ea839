// UI strings come from i18next resources, one JSON file per locale; plurals use
// i18next's Intl.PluralRules suffixes (_one, _few, _many, _other).
import { createRequire } from "node:module";
import i18next, { type TFunction, type i18n } from "i18next";
import { LOCALES, type Locale } from "../config.js";

const require = createRequire(import.meta.url);
// JSON is read with require so the same code runs from src/ (tsx) and dist/ (tsc).
const resources = Object.fromEntries(LOCALES.map((l) => [l, { translation: require(`./locales/${l}.json`) as object }]));

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
