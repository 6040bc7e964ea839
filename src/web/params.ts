// Query parameters are parsed by zod and nothing else reads req.query. A repeated
// parameter arrives as an array and is rejected, like "0x10", "1e9", "-1" or "page[]".
// Any other parameter (utm_source, fbclid…) is ignored by every route, and so by the
// render cache's key (render-cache.ts), so it can neither change a page nor copy one.
import type { Request } from "express";
import { z } from "zod";
import { HttpError } from "../errors.js";
import { UNTRANSLATED, UNTRANSLATED_PARAM, type Untranslated } from "./page-address.js";

export const MAX_PAGE = 100_000;

const pageParam = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number)
  .refine((n) => n <= MAX_PAGE)
  .optional();

/** Every parameter some route reads; the render cache keys on these and drops the rest. */
export const ROUTE_PARAMS: ReadonlySet<string> = new Set(["page", "q", "district", "year", UNTRANSLATED_PARAM]);

export const listQuery = z.object({ page: pageParam }).loose();

/** Pages that are one page only: "?page=2" there is a 400, not a second copy of the page. */
export const singlePageQuery = z.object({ page: z.never({ error: "this page has no pages" }).optional() }).loose();

/** Parses req.query with a schema; an invalid value is a 400 with the localized page. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  // "page[]=1" or "page[x]=1" asks for an array or object that no parameter here takes;
  // the simple query parser keeps such keys as text, so they are refused by name.
  if (Object.keys(req.query as object).some((key) => /[[\]]/.test(key))) {
    throw new HttpError(400, "Invalid query parameter name");
  }
  const result = schema.safeParse(req.query);
  if (!result.success) throw new HttpError(400, "Invalid query parameter", { cause: result.error });
  return result.data;
}

/** Page number from ?page=N, 1 when absent; 404 past the last page (but page 1 always exists). */
export function pageNumber(req: Request): number {
  return parseQuery(req, listQuery).page ?? 1;
}

/** The previous and next pages' addresses of a listing (rel=prev/next), null past either end. */
export function pageLinks(page: number, pages: number, at: (page: number) => string): { prev: string | null; next: string | null } {
  return { prev: page > 1 ? at(page - 1) : null, next: page < pages ? at(page + 1) : null };
}

/** For routes that do not paginate: refuses ?page= (see singlePageQuery). */
export function assertSinglePage(req: Request): void {
  parseQuery(req, singlePageQuery);
}

export function assertPage(page: number, pages: number): void {
  if (page > Math.max(1, pages)) throw new HttpError(404, "No such page");
}

const untranslatedQuery = z.object({ [UNTRANSLATED_PARAM]: z.enum(UNTRANSLATED).optional() }).loose();

/**
 * The language switcher's `?untranslated=article` on the page it fell back to (page-address.ts):
 * one of a few words, anything else is a 400. Such a request is never kept in the render cache
 * (the parameter is one that routes read, so render-cache.ts gives it no key): no variants.
 */
export function untranslatedOf(req: Request): Untranslated | undefined {
  return parseQuery(req, untranslatedQuery)[UNTRANSLATED_PARAM];
}
