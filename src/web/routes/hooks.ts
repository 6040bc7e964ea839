// POST /hooks/content: the content repository's host says "the branch moved". The body
// is read raw (the signature covers its exact bytes) up to a limit, the signature is
// checked (src/content-repo/signature.ts), and the answer is 202 at once: the fetch and
// the switch run in the background (src/server/follow.ts), and pushes in quick succession
// fold into one update. Without WEBHOOK_SECRET or CONTENT_REPO the endpoint does not exist
// (404); a missing or wrong signature answers 401 and changes nothing.
// Mounted before the request guard, which answers 405 to every other POST.
import express, { Router } from "express";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { verifyHookSignature } from "../../content-repo/signature.js";
import type { ContentRepoView } from "../../content-repo/status.js";
import { HttpError } from "../../errors.js";

/** GitHub caps its payloads at 25 MB; a push event is a few KB, and only the signature matters here. */
const MAX_BODY = "1mb";

export function contentHookRoutes(config: Pick<Config, "webhookSecret">, repo: ContentRepoView | null, logger: Logger): Router {
  const router = Router();
  const secret = config.webhookSecret;
  router.post("/hooks/content", (_req, _res, next) => {
    if (!secret || !repo) return next(new HttpError(404, "Not found"));
    next();
  });
  if (!secret || !repo) return router;
  router.post("/hooks/content", express.raw({ type: () => true, limit: MAX_BODY }), (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyHookSignature(req.headers, body, secret)) {
      logger.warn({ ip: req.ip }, "content webhook refused: missing or wrong signature");
      res.status(401).json({ error: "missing or wrong signature" });
      return;
    }
    repo.requestUpdate("webhook");
    res.status(202).json({ status: "accepted", contentCommit: repo.commit() });
  });
  return router;
}
