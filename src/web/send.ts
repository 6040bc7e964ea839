// Sends rendered pages with validators: a strong ETag from the bytes, Last-Modified from
// the content version, 304 for a matching conditional GET, and cache headers for CDNs.
// Pages rendered for a cacheable URL are kept in the render cache (render-cache.ts).
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import type { Request, Response } from "express";
import type { PageLocals } from "./context.js";
import type { AppDeps } from "./deps.js";
import { COMPRESS_MIN, cacheKey, isNotModified, preferredEncoding, type CachedPage } from "./render-cache.js";

/** HTML may be cached briefly by browsers and longer by shared caches, served stale while refreshing. */
export const HTML_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";

export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Headers that belong to one response (or that the cache sets itself), never replayed from it. */
const OWN_HEADERS =
  /^(?:x-request-id|set-cookie|date|content-length|content-encoding|content-type|etag|last-modified|cache-control|connection|keep-alive|transfer-encoding|retry-after|x-ratelimit-.*|ratelimit.*|x-content-commit)$/;

/**
 * Cache-Control for a response sent now. Content also changes by itself at known moments
 * (an alert starts or ends, a scheduled article appears): no cache may keep a page fresh
 * past the next one, and a shared cache may serve it stale (stale-while-revalidate) at
 * most 60 s past it, so every lifetime is cut to the seconds left (issue 23).
 * stale-if-error stays: while every replica fails, a stale page beats none.
 */
export function cacheControl(deps: AppDeps): string {
  if (deps.config.env === "development") return "no-cache";
  const next = deps.index.nextChange();
  if (!next) return HTML_CACHE;
  const left = Math.max(0, Math.floor((next - deps.index.now()) / 1000));
  if (left >= 900) return HTML_CACHE;
  const shared = Math.min(300, left);
  return `public, max-age=${Math.min(60, left)}, s-maxage=${shared}, stale-while-revalidate=${Math.max(0, Math.min(600, left + 60 - shared))}, stale-if-error=86400`;
}

/** `etag` may be passed when it is already known (a page just stored in the render cache). */
export function sendBody(req: Request, res: Response, deps: AppDeps, body: string | Buffer, type: string, status = 200, etag = etagOf(body)): void {
  const lastModified = deps.index.versionSince();
  res.status(status);
  res.setHeader("Content-Type", type);
  if (status === 200) {
    res.setHeader("ETag", etag);
    res.setHeader("Last-Modified", new Date(lastModified).toUTCString());
    res.setHeader("Cache-Control", cacheControl(deps));
    if (isNotModified(req, etag, lastModified)) {
      res.status(304).end();
      return;
    }
  } else {
    // A 429 is about one client (its address), a 5xx about one moment: no shared cache may keep them.
    res.setHeader("Cache-Control", status >= 500 || status === 429 ? "no-store" : "public, max-age=60");
  }
  res.send(encoded(req, res, body));
}

// A page is compressed here in one piece (fast settings, about 1 ms), not streamed by the
// compression middleware, so headers and body leave in one write: a replica killed in
// the middle of a request then never hands a proxy half a page it cannot retry (nginx
// retries another upstream only before the first byte; see scripts/scale-out.sh).
const BROTLI_FAST = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** Larger bodies (a sitemap of 50,000 addresses) are streamed by the middleware, off this thread. */
const ONE_PIECE_MAX = 256 * 1024;

function encoded(req: Request, res: Response, body: string | Buffer): string | Buffer {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  if (bytes.length < COMPRESS_MIN || bytes.length > ONE_PIECE_MAX) return body;
  res.vary("Accept-Encoding");
  const encoding = preferredEncoding(req.headers["accept-encoding"]);
  if (!encoding) return bytes;
  res.setHeader("Content-Encoding", encoding); // the compression middleware leaves it alone
  return encoding === "br" ? zlib.brotliCompressSync(bytes, BROTLI_FAST) : zlib.gzipSync(bytes, { level: 6 });
}

/** A page's view model: the frame's locals (pageLocals) and what its template adds. */
export type PageModel = PageLocals & { readonly [name: string]: unknown };

/**
 * Renders a template and sends it. A 200 page is also stored, keyed by URL and content
 * version, when the request's cache key is the page's own address (`pagePath`, from
 * pageLocals: the canonical path with ?page=N): any other spelling of the URL is sent but
 * not kept, so the entries are bounded by the pages that exist, whatever the query. Not
 * when the route set `res.locals.renderCache = false` (a page that depends on more than
 * the indexed content, such as a file read per request).
 */
export function renderPage(req: Request, res: Response, deps: AppDeps, template: `${"pages" | "errors"}/${string}.njk`, locals: PageModel, status = 200): void {
  const html = deps.views.render(template, locals);
  const cache = status === 200 && res.locals.renderCache !== false ? deps.pageCache : null;
  const key = cache && cacheKey(req);
  if (cache && key && key === locals.pagePath) {
    const body = Buffer.from(html);
    const page: CachedPage = {
      key,
      version: deps.index.version(),
      type: "text/html; charset=utf-8",
      body,
      etag: etagOf(body),
      lastModified: deps.index.versionSince(),
      lastModifiedText: new Date(deps.index.versionSince()).toUTCString(),
      cacheControl: cacheControl(deps),
      headers: Object.entries(res.getHeaders())
        .filter(([name, value]) => value !== undefined && !OWN_HEADERS.test(name))
        .map(([name, value]) => [name, value as string | number | string[]]),
    };
    cache.set(page);
    // The stored bytes and hash are sent as they are: encoding and hashing the page a
    // second time cost CPU on every render and churned short-lived native memory.
    sendBody(req, res, deps, body, page.type, status, page.etag);
    return;
  }
  sendBody(req, res, deps, html, "text/html; charset=utf-8", status);
}
