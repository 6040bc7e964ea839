// Every redirect the portal answers goes through here (canonical paths, old addresses,
// the language choice at /), so none can send a reader to another site. A Location such
// as "//evil.example/x" is a network-path reference (RFC 3986 §4.2), and browsers read
// "/\evil.example/x" the same way (WHATWG URL: in http(s) URLs a backslash is a slash);
// they also drop tabs and newlines before resolving ("/\t/evil.example"). So a Location
// must be a path on this site: "/" followed by neither "/" nor "\", no backslash in the
// path at all, and no space or control character anywhere. Otherwise the request is
// refused with 400: the path it would lead to is not one this portal ever links to.
import type { Response } from "express";
import { HttpError } from "../errors.js";

const SITE_PATH = /^\/(?![/\\])[^\\?#]*(?:[?#].*)?$/;
// Whitespace and control characters (C0, DEL and C1: \p{Cc}).
const UNSAFE = /[\s\p{Cc}]/u;

/** True when `location` can only resolve to a path on the site that sent it. */
export function isSitePath(location: string): boolean {
  return SITE_PATH.test(location) && !UNSAFE.test(location);
}

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

/** res.redirect for a path on this site; any other target is a 400 (an HttpError to next()). */
export function redirectTo(res: Response, status: RedirectStatus, location: string): void {
  if (!isSitePath(location)) throw new HttpError(400, `Refused to redirect to ${JSON.stringify(location.slice(0, 200))}: not a path on this site`);
  res.redirect(status, location);
}
