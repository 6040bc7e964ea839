// Every Nunjucks filter, one per file, by the name templates use (env.ts registers them in a loop).
import { jsonLd } from "./json-ld.js";

export const FILTERS = {
  jsonLd,
} as const satisfies Record<string, (...args: never[]) => unknown>;
