// Errors of the JSON API as RFC 9457 problem details (application/problem+json), with
// the title in the reader's language: the `lang` parameter when it names one, else
// Accept-Language (and then the response says it varies by it).
import type { ErrorRequestHandler, Request, Response } from "express";
import type { z } from "zod";
import { isLocale, type Locale } from "../config.js";
import { HttpError, errorTemplate, mapError } from "../errors.js";
import type { AppDeps } from "../web/deps.js";
import { localeForResponse } from "../web/negotiate.js";
import { sendBody } from "../web/send.js";
import type { Problem } from "./schemas.js";

export const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

function problemLocale(deps: AppDeps, req: Request, res: Response): Locale {
  const lang = new URLSearchParams(req.url.split("?")[1] ?? "").getAll("lang");
  const only = lang.length === 1 ? lang[0] : undefined;
  return isLocale(only) ? only : localeForResponse(req, res, deps.config.defaultLocale);
}

export function sendProblem(
  deps: AppDeps,
  req: Request,
  res: Response,
  status: number,
  detail?: string,
  errors?: { parameter: string; message: string }[],
): void {
  const locale = problemLocale(deps, req, res);
  const shown = errorTemplate(status);
  const body: z.infer<typeof Problem> = {
    type: "about:blank",
    title: deps.i18n.t(locale)(status === 405 ? "api.methodNotAllowed" : `error.${shown}.title`),
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
  res.setHeader("Content-Language", locale);
  sendBody(req, res, deps, JSON.stringify(body), PROBLEM_TYPE, status);
}

/** A 400 that names each invalid parameter (from zod's issues). */
export class ParameterError extends HttpError {
  constructor(
    readonly errors: { parameter: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(400, "Invalid query parameter", options);
  }
}

/** Parses the query with a strict schema: unknown, repeated or malformed parameters are a 400. */
export function parseApiQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const result = schema.safeParse(req.query);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((i) =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ parameter: k, message: "unknown parameter" }))
      : [{ parameter: i.path.map(String).join(".") || "?", message: i.message }],
  );
  throw new ParameterError(errors, { cause: result.error });
}

/** The API's last error handler: every error under /api/v1 leaves as problem+json. */
export function apiErrorHandler(deps: AppDeps): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const damaged = deps.index.noticeCorruption(err);
    const { status, detail, log } = mapError(err, damaged);
    if (log) deps.logger[log]({ err, path: req.path }, "API request failed");
    if (damaged) res.setHeader("Retry-After", "10");
    sendProblem(deps, req, res, status, detail, err instanceof ParameterError ? err.errors : undefined);
  };
}
