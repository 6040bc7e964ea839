// A request id on every response (X-Request-Id) and one structured log line per request:
// id, method, path (never the query string, which may hold what someone searched for),
// status and duration (a subscription link's token left out). A client that hangs up early is logged too, as aborted.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { redactTokenPath } from "../../subscriptions/urls.js";

/** Logs the request once its response is finished or aborted; `id` is its X-Request-Id. */
/** Works on a plain Node request and response too (see cached-pages.ts). */
export function logWhenClosed(logger: Logger, req: IncomingMessage & { path?: string }, res: ServerResponse, id: string): void {
  const started = process.hrtime.bigint();
  const path = redactTokenPath(req.path ?? (req.url ?? "").split("?")[0] ?? "");
  res.on("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const entry = { reqId: id, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
    if (!res.writableFinished) logger.warn({ ...entry, aborted: true }, "request aborted");
    // 503 is the portal saying "not yet" (starting, search still filling), not a failure.
    else if (res.statusCode === 503) logger.warn(entry, "request");
    else if (res.statusCode >= 500) logger.error(entry, "request");
    else logger.info(entry, "request");
  });
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID();
    res.setHeader("X-Request-Id", id);
    logWhenClosed(logger, req, res, id);
    next();
  };
}
