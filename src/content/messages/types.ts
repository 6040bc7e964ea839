import type { en } from "./en.js";

/** Wording chosen by the plural category (Intl.PluralRules) of the `count` placeholder. */
export interface Plural {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}
export type Template = string | Plural;
export type MessageId = keyof typeof en;
/** One language's wording: every id, no other. */
export type Catalogue = { readonly [K in MessageId]: Template };
