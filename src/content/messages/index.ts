// The one catalogue of editor messages: every text an editor can see (`npm run check`,
// the dev banner and problems page, `npm run new`, start-up warnings about content) has
// a stable id here, worded in English, Bulgarian and Polish. Problems are built as
// { id, params } where they are found, and worded at the edge, in the editor's language
// (`--lang`, EDITOR_LANG, the system locale; the dev page: the language of the page).
import type { EditorLang } from "../../config.js";
import { bg } from "./bg.js";
import { en } from "./en.js";
import { pl } from "./pl.js";
import type { Catalogue, MessageId, Template } from "./types.js";

export type { Catalogue, MessageId, Template } from "./types.js";
export { EDITOR_LANGS, isEditorLang, type EditorLang } from "../../config.js";

export const CATALOGUES: Readonly<Record<EditorLang, Catalogue>> = { en, bg, pl };

/** A placeholder's value: text, a number, or another message worded in the same language. */
export type Param = string | number | Message;

export interface Message {
  readonly id: MessageId;
  readonly params?: Readonly<Record<string, Param>>;
}

export function msg(id: MessageId, params?: Readonly<Record<string, Param>>): Message {
  return params ? { id, params } : { id };
}

/** True for an id of the catalogue (what an index file written by another version may not hold). */
export function isMessageId(value: unknown): value is MessageId {
  return typeof value === "string" && Object.hasOwn(en, value);
}

export function isMessage(value: unknown): value is Message {
  return value !== null && typeof value === "object" && typeof (value as Message).id === "string" && Object.hasOwn(en, (value as Message).id);
}

const plurals = new Map<EditorLang, Intl.PluralRules>();

function pick(template: Template, lang: EditorLang, count: unknown): string {
  if (typeof template === "string") return template;
  let rules = plurals.get(lang);
  if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
  return template[rules.select(Number(count))] ?? template.other;
}

/** `{name}` placeholders of a template (every plural form), for the catalogue's tests. */
export function placeholders(template: Template): Set<string> {
  const texts = typeof template === "string" ? [template] : Object.values(template);
  return new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
}

/** The message worded in `lang`; a placeholder without a value stays as written. */
export function say(m: Message, lang: EditorLang = "en"): string {
  const template = pick(CATALOGUES[lang][m.id], lang, m.params?.count);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = m.params?.[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? say(value, lang) : String(value);
  });
}
