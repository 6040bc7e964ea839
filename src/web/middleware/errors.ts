// The 404 handler and the one last-resort error handler: known errors map to a
// status and a localized page; the unexpected ones are logged with their cause and
// shown as a 500 with a request id, never with a stack trace or a file path.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { isLocale, type Locale } from "../../config.js";
import { HttpError, mapError } from "../../errors.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { localeForResponse } from "../negotiate.js";
import { sendBody } from "../send.js";

/** The path's language; outside /bg/ and /pl/ the reader's (and the response says it varies). */
function localeOf(deps: AppDeps, req: Request, res: Response): Locale {
  const first = req.path.split("/")[1];
  return isLocale(first) ? first : localeForResponse(req, res, deps.config.defaultLocale);
}

export function notFound(): RequestHandler {
  return (_req, _res, next) => next(new HttpError(404, "Not found"));
}

export function errorHandler(deps: AppDeps): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    // A damaged index file: a rebuild starts (once) and this request is answered 503.
    const damaged = deps.index.noticeCorruption(err);
    const { status, template: shown, log } = mapError(err, damaged);
    const requestId = String(res.getHeader("X-Request-Id") ?? "");
    if (log === "warn") deps.logger.warn({ reqId: requestId, path: req.path, reason: (err as Error).message }, "service unavailable");
    else if (log === "error") deps.logger.error({ err, reqId: requestId, path: req.path }, "request failed");
    // Too late for an error page: Express cuts the connection, so the client sees a failure.
    if (res.headersSent) return next(err);
    if (damaged) res.setHeader("Retry-After", "10");
    const locale = localeOf(deps, req, res);
    const t = deps.i18n.t(locale);
    try {
      const html = deps.views.render("errors/error.njk", {
        ...pageLocals(deps, locale, { title: fullTitle(deps, locale, t(`error.${shown}.title`)), path: req.path, noindex: true, ref: { kind: "missing" } }),
        status: shown,
        requestId: status >= 500 ? requestId : null,
      });
      sendBody(req, res, deps, html, "text/html; charset=utf-8", status);
    } catch (renderError) {
      deps.logger.error({ err: renderError, reqId: requestId }, "error page failed");
      res
        .status(status)
        .type("text/plain; charset=utf-8")
        .send(`${status} ${t(`error.${shown}.title`)}`);
    }
  };
}
