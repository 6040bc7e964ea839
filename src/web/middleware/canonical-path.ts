// One URL per page: lower-case paths, and page paths end with "/" while file paths
// (with an extension) do not. The other form answers 301 to the canonical one.
// A target that would leave the site ("/\evil.example/") is refused by redirectTo.
import type { RequestHandler } from "express";
import { redirectTo } from "../redirect.js";

const FILE_LIKE = /\.[a-z0-9]{1,8}$/i;

export function canonicalPath(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const original = req.path;
    // Media files keep the editor's file name; fingerprinted assets are exact.
    if (original.startsWith("/media/") || original.startsWith("/static/")) return next();
    // Letters are lowered, percent-escapes are left as sent (%2F and %2f are the same byte).
    let target = original.replace(/%[0-9a-f]{2}|[A-Z]+/gi, (m) => (m.startsWith("%") ? m : m.toLowerCase())).replace(/\/{2,}/g, "/");
    if (!target.endsWith("/") && !FILE_LIKE.test(target)) target += "/";
    if (target === original) return next();
    const q = req.originalUrl.indexOf("?");
    redirectTo(res, 301, target + (q >= 0 ? req.originalUrl.slice(q) : ""));
  };
}
