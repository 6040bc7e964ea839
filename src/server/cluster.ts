// WORKERS > 1: several processes serve requests on one port (node:cluster hands the
// connections out). The primary builds and validates the index once, commits it, keeps
// it in sync with the content folder and restarts workers that die. Workers open the
// committed index file themselves and never watch: every change the primary commits
// reaches their SQLite connection through the WAL, and the new content version
// invalidates their render caches.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { openRepo, REPO_UPDATE_MESSAGE } from "./follow.js";
import { followAll, openIndex, stopOnSignals } from "./lifecycle.js";
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
  const index = await openIndex(config, logger, { onSynced: () => subscriptions?.contentChanged() });

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

  // CONTENT_REPO: the primary follows the repository; a webhook reaching a worker is passed here.
  const following = followAll(index, repo, config, logger);
  cluster.on("message", (_worker, message: { type?: unknown } | null) => {
    if (following.follower && message?.type === REPO_UPDATE_MESSAGE) following.follower.requestUpdate("webhook");
  });
  following.start();

  stopOnSignals({
    logger,
    message: "shutting down the workers",
    limitMs: STOP_TIMEOUT_MS,
    timeoutMessage: "workers did not stop in time",
    following,
    onStop: () => (stopping = true),
    // Each worker shuts down gracefully on SIGTERM (src/server/listen.ts); the primary waits.
    release: async () => {
      await stopWorkers();
      await subscriptions?.close();
    },
    index,
    exit: (code) => process.exit(code),
  });
}

function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
  return new Promise((resolve) => {
    let left = workers.length;
    if (left === 0) resolve();
    for (const w of workers) {
      w.once("exit", () => --left === 0 && resolve());
      w.process.kill("SIGTERM");
    }
  });
}
