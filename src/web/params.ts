// Query parameters are parsed by zod and nothing else reads req.query. A repeated
// parameter arrives as an array and is rejected, like "0x10", "1e9", "-1" or "page[]".
import type { Request } from "express";
import { z } from "zod";
import { HttpError } from "../errors.js";

export const MAX_PAGE = 100_000;

const pageParam = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number)
  .refine((n) => n <= MAX_PAGE)
  .optional();

export const listQuery = z.object({ page: pageParam }).loose();

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

export function assertPage(page: number, pages: number): void {
  if (page > Math.max(1, pages)) throw new HttpError(404, "No such page");
}
