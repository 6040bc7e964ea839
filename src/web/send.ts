// Sends rendered pages with validators: a strong ETag from the bytes, Last-Modified from
// the content version, 304 for a matching conditional GET, and cache headers for CDNs.
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import type { AppDeps } from "./context.js";

/** HTML may be cached briefly by browsers and longer by shared caches, served stale while refreshing. */
export const HTML_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";

export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function notModified(req: Request, etag: string, lastModified: number): boolean {
  const inm = req.headers["if-none-match"];
  if (inm) return inm.split(",").some((v) => v.trim().replace(/^W\//, "") === etag || v.trim() === "*");
  const ims = req.headers["if-modified-since"];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

export function sendBody(req: Request, res: Response, deps: AppDeps, body: string, type: string, status = 200): void {
  const etag = etagOf(body);
  const lastModified = deps.index.versionSince();
  res.status(status);
  res.setHeader("Content-Type", type);
  if (status === 200) {
    res.setHeader("ETag", etag);
    res.setHeader("Last-Modified", new Date(lastModified).toUTCString());
    res.setHeader("Cache-Control", deps.config.env === "development" ? "no-cache" : HTML_CACHE);
    if (notModified(req, etag, lastModified)) {
      res.status(304).end();
      return;
    }
  } else {
    res.setHeader("Cache-Control", status >= 500 ? "no-store" : "public, max-age=60");
  }
  res.send(body);
}

export function renderPage(req: Request, res: Response, deps: AppDeps, template: string, locals: Record<string, unknown>, status = 200): void {
  const html = deps.views.render(template, locals);
  sendBody(req, res, deps, html, "text/html; charset=utf-8", status);
}
