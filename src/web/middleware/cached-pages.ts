// Answers a render-cache hit first, before the rest of the middleware stack: the header
// block of each stored variant (identity, gzip, br, 304) is built once from the headers
// the page was first sent with (security headers, Link, Content-Language, Vary…) and
// written with one writeHead, so a hit costs little more than writing the bytes. It is
// still logged with its own request id (X-Request-Id), like every other request.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { AppDeps } from "../deps.js";
import { cacheControl } from "../send.js";
import { COMPRESS_MIN, cacheKey, isNotModified, pickEncoding, type CachedPage } from "../render-cache.js";
import { logWhenClosed } from "./request-log.js";

type Variant = "identity" | "gzip" | "br" | "304";
/** name, value, name, value… as res.writeHead takes them; [1] is the request id's slot. */
type Head = readonly string[];

const heads = new WeakMap<CachedPage, Partial<Record<Variant, Head>>>();

/** The header block of one variant, in the order and form the uncached response had. */
export function headOf(page: CachedPage, variant: Variant): Head {
  const h: string[] = ["X-Request-Id", ""];
  let vary: string | null = null;
  for (const [name, value] of page.headers) {
    if (name.toLowerCase() === "vary") vary = String(value);
    else for (const v of Array.isArray(value) ? (value as readonly string[]) : [String(value)]) h.push(name, v);
  }
  h.push("Content-Type", page.type, "ETag", page.etag, "Last-Modified", page.lastModifiedText, "Cache-Control", page.cacheControl);
  // The body may be sent compressed (RFC 9110 §12.5.5), so caches must key on Accept-Encoding.
  if (page.body.length >= COMPRESS_MIN) vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  if (vary) h.push("Vary", vary);
  // A 304 carries the validators and Vary but no content headers (RFC 9110 §15.4.5).
  if (variant === "304") return h;
  const body = variant === "identity" ? page.body : page[variant];
  if (!body) throw new Error(`no ${variant} variant of ${page.key}`);
  if (variant !== "identity") h.push("Content-Encoding", variant);
  h.push("Content-Length", String(body.length));
  return h;
}

function headFor(page: CachedPage, variant: Variant): Head {
  let known = heads.get(page);
  if (!known) heads.set(page, (known = {}));
  return (known[variant] ??= headOf(page, variant));
}

/**
 * Answers a request from the render cache if it can, on a plain Node request: the server
 * calls it before Express (src/app.ts, `handle`), so a hit does not even enter the router.
 * Returns false on a miss (or no cache, in development).
 */
export function cachedPageAnswerer(deps: AppDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const cache = deps.pageCache;
  return (req, res) => {
    const key = cache && cacheKey(req);
    if (!key) return false;
    let page: CachedPage | undefined;
    try {
      page = cache.get(key, deps.index.version());
    } catch {
      // An index failure is reported, with a request id, by the routes behind this.
      return false;
    }
    if (!page) return false;
    const id = randomUUID();
    logWhenClosed(deps.logger, req, res, id);
    const notModified = isNotModified(req, page.etag, page.lastModified);
    const encoding = notModified ? null : pickEncoding(req.headers["accept-encoding"], page);
    const head = headFor(page, notModified ? "304" : (encoding ?? "identity")).slice();
    head[1] = id;
    // Stored with the page, but its lifetime shrinks as the next alert start or end nears.
    const cc = head.indexOf("Cache-Control", 2);
    if (cc > 0 && page.cacheControl.startsWith("public")) head[cc + 1] = cacheControl(deps);
    res.writeHead(notModified ? 304 : 200, head);
    if (notModified || req.method === "HEAD") res.end();
    else res.end(encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.body);
    return true;
  };
}

/** The same as Express middleware, first in the stack (for the app used without `handle`). */
export function serveCachedPages(deps: AppDeps): RequestHandler {
  const answer = cachedPageAnswerer(deps);
  return (req, res, next) => {
    if (!answer(req, res)) next();
  };
}
