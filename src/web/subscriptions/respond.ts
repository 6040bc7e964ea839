// How every subscription page is answered: never cached (it may show a reader's choices,
// and its form token ages), never indexed, and no Referer leaves the site from a page whose
// address carries a token (same-origin: our own form posts still carry their Origin).
import express, { type Request, type RequestHandler, type Response } from "express";
import cluster from "node:cluster";
import { ClusterMemoryStoreWorker } from "@express-rate-limit/cluster-memory-store";
import { rateLimit } from "express-rate-limit";
import type { Locale } from "../../config.js";
import { HttpError } from "../../errors.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { urls } from "../../site/urls.js";

/** Form posts per client in SUBSCRIBE_WINDOW_MS (subscribe, confirm, manage together). */
export const POSTS_PER_CLIENT = 10;
export const SUBSCRIBE_WINDOW_MS = 10 * 60_000;

export function privatePage(
  req: Request,
  res: Response,
  deps: AppDeps,
  locale: Locale,
  template: string,
  title: string,
  path: string,
  locals: Record<string, unknown>,
  status = 200,
): void {
  const t = deps.i18n.t(locale);
  const html = deps.views.render(template, {
    ...pageLocals(deps, locale, {
      title: fullTitle(deps, locale, title),
      path,
      ref: { kind: "subscribe" },
      noindex: true,
      breadcrumbs: [
        { name: t("nav.home"), url: urls.home(locale) },
        { name: title, url: path },
      ],
    }),
    heading: title,
    ...locals,
  });
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Robots-Tag", "noindex");
  res.type("text/html; charset=utf-8").send(html);
  void req;
}

/** Form bodies: a few fields, never large. */
export const formBody = express.urlencoded({ extended: false, limit: "8kb", parameterLimit: 120 });

/** Per client (req.ip, as TRUST_PROXY says), counted for the whole host as the search limit is. */
export function postLimiter(deps: AppDeps): RequestHandler {
  return rateLimit({
    windowMs: SUBSCRIBE_WINDOW_MS,
    limit: POSTS_PER_CLIENT,
    ...(cluster.isWorker ? { store: new ClusterMemoryStoreWorker({ prefix: "subscriptions" }) } : {}),
    standardHeaders: "draft-8",
    legacyHeaders: false,
    validate: false,
    passOnStoreError: true,
    logger: { error: (err, msg) => deps.logger.error({ err }, msg), warn: (err, msg) => deps.logger.warn({ err }, msg) },
    handler: (_req, _res, next) => next(new HttpError(429, "Too many subscription requests")),
  });
}
