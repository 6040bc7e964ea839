// Old addresses listed in an article's `aliases` answer 301 to where it lives now.
import type { RequestHandler } from "express";
import type { AppDeps } from "../deps.js";
import { redirectTo } from "../redirect.js";
import { urls } from "../../site/urls.js";

export function aliasRedirects(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const target = deps.index.articles.alias(req.path.endsWith("/") ? req.path : `${req.path}/`, deps.index.now());
    if (!target) return next();
    redirectTo(res, 301, urls.article(target.lang, target.slug));
  };
}
