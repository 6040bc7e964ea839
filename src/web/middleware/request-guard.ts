// Turns away requests no route should see, before any route runs: methods other than
// GET and HEAD (405 with Allow, RFC 9110 §15.5.6; TRACE included, so no cross-site
// tracing) and paths whose percent-encoding is malformed (400, RFC 3986 §2.1), which
// would otherwise reach the routers and redirects half-decoded.
import type { RequestHandler } from "express";
import { HttpError } from "../../errors.js";

export const ALLOWED_METHODS = "GET, HEAD";

export function requestGuard(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", ALLOWED_METHODS);
      res.status(405).type("text/plain; charset=utf-8").send("Method Not Allowed");
      return;
    }
    try {
      decodeURIComponent(req.path);
    } catch (cause) {
      next(new HttpError(400, "Malformed percent-encoding in the path", { cause }));
      return;
    }
    next();
  };
}
