// The search rate limit: SEARCH_RATE_LIMIT searches per client and minute for the whole
// host. With WORKERS > 1 a count kept in each worker sees only the requests the cluster
// happened to hand that worker (two workers let 120 of 200 searches through a limit of
// 60), so the counts live in the primary and every worker asks it over the cluster's IPC
// channel (@express-rate-limit/cluster-memory-store, from the express-rate-limit
// maintainers; one round trip per search, see deploy/README.md for the figures).
// The client is req.ip: behind a proxy, the address the trusted proxy added to
// X-Forwarded-For, as TRUST_PROXY says (config.ts refuses "true", which would let any
// client choose its own address).
import cluster from "node:cluster";
import { ClusterMemoryStorePrimary, ClusterMemoryStoreWorker } from "@express-rate-limit/cluster-memory-store";
import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { HttpError } from "../errors.js";
import type { AppDeps } from "./deps.js";

export const SEARCH_WINDOW_MS = 60_000;
/** Names the search counters in the primary's store (one store per limit). */
const SEARCH_PREFIX = "search";

/** Middleware limiting searches per client; a no-op when SEARCH_RATE_LIMIT is 0. */
export function searchLimiter(deps: AppDeps): RequestHandler {
  if (deps.config.searchRateLimit === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: SEARCH_WINDOW_MS,
    limit: deps.config.searchRateLimit,
    // A worker counts in the primary (see serveRateLimitCounts); one process counts in memory.
    ...(cluster.isWorker ? { store: new ClusterMemoryStoreWorker({ prefix: SEARCH_PREFIX }) } : {}),
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Our own checks: trust proxy comes from TRUST_PROXY, and the key is req.ip.
    validate: false,
    // If the primary does not answer (it is restarting a worker, say), searches go on
    // unlimited and the log says so, rather than every search failing with a 500.
    passOnStoreError: true,
    logger: { error: (err, msg) => deps.logger.error({ err }, msg), warn: (err, msg) => deps.logger.warn({ err }, msg) },
    handler: (_req, _res, next) => next(new HttpError(429, "Too many searches")),
  });
}

/** In the cluster primary, before forking: keeps the rate-limit counts of every worker. */
export function serveRateLimitCounts(): void {
  new ClusterMemoryStorePrimary().init();
}
