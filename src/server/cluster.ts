// WORKERS > 1: several processes serve requests on one port (node:cluster hands the
// connections out). The primary builds and validates the index once, commits it, keeps
// it in sync with the content folder and restarts workers that die. Workers open the
// committed index file themselves and never watch: every change the primary commits
// reaches their SQLite connection through the WAL, and the new content version
// invalidates their render caches.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { formatIssue } from "../content/issues.js";
import { ContentIndex } from "../index/index.js";
import { followContent, followRepo, openRepo, REPO_UPDATE_MESSAGE } from "./follow.js";
import { ttyProgress } from "../index/parallel.js";
import { serveRateLimitCounts } from "../web/rate-limit.js";
import { openSubscriptions, sendsMail } from "../subscriptions/start.js";

/** True in the process that must fork workers instead of serving. */
export function isClusterPrimary(config: Pick<Config, "workers">): boolean {
  return config.workers > 1 && cluster.isPrimary;
}

const RESTART_DELAY_MS = 1_000;
const STOP_TIMEOUT_MS = 15_000;

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const repo = await openRepo(config, logger);
  const subscriptions = sendsMail(config) ? await openSubscriptions(config, logger) : null;
  const index = await ContentIndex.open(config, { log: (msg) => logger.warn(msg), info: (msg) => logger.info(msg), progress: ttyProgress(), onSynced: () => subscriptions?.contentChanged() });
  const report = index.status();
  logger.info({ articles: report.articles, districts: report.districts, problems: report.problems, ms: report.lastSync?.ms }, "index ready");
  for (const i of index.issues()) logger.warn({ file: i.file, line: i.line, field: i.field }, formatIssue(i));

  // Rate limits count per client for the whole host: the workers keep their counts here.
  serveRateLimitCounts();
  let stopping = false;
  const fork = (): Worker => cluster.fork({ WATCH: "false" });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, "worker died; starting another");
    setTimeout(() => !stopping && fork(), RESTART_DELAY_MS).unref();
  });
  for (let i = 0; i < config.workers; i++) fork();
  // The workers serve the subscription pages; this process, which syncs the index, sends.
  subscriptions?.start(index);
  logger.info({ workers: config.workers }, `portal serving ${config.baseUrl} with ${config.workers} workers (${config.env})`);

  const watcher = followContent(index, config, logger);
  // CONTENT_REPO: the primary follows the repository; a webhook reaching a worker is passed here.
  const follower = repo && followRepo(index, repo, config, logger);
  cluster.on("message", (_worker, message: { type?: unknown } | null) => {
    if (follower && message?.type === REPO_UPDATE_MESSAGE) follower.requestUpdate("webhook");
  });
  follower?.requestUpdate("start");

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down the workers");
    watcher?.close();
    follower?.close();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    let left = workers.length;
    const done = () => {
      index.close();
      process.exit(0);
    };
    if (left === 0) done();
    // Each worker shuts down gracefully on SIGTERM (src/server/listen.ts); the primary waits.
    for (const w of workers) {
      w.once("exit", () => --left === 0 && done());
      w.process.kill("SIGTERM");
    }
    setTimeout(() => {
      logger.error("workers did not stop in time");
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
