// The entry point: configuration → listen (503 while starting) → index → app → signals.
// The listening, limits and graceful shutdown live in src/server/listen.ts.
import cluster from "node:cluster";
import type { RequestListener } from "node:http";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createApp } from "./app.js";
import { SHUTDOWN_LIMIT_MS, startServer, type ServerState } from "./server/listen.js";
import { startingHandler } from "./server/starting.js";
import { createProcessLog, devLineFormat } from "./server/log.js";
import { checkFolders, checkRuntime, describeStartFailure, listenFailure } from "./server/start-errors.js";
import { isClusterPrimary, runPrimary } from "./server/cluster.js";
import { openRepo, workerRepoView } from "./server/follow.js";
import { followAll, openIndex, stopOnSignals } from "./server/lifecycle.js";
import { warmUp } from "./server/warm-up.js";
import { openSubscriptions, sendsMail } from "./subscriptions/start.js";

/** Set once the environment is read, for the message of a failed start. */
let started: Config | undefined;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    started = config;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  // Never blocks on stdout, however its reader behaves (src/server/log.ts).
  const { logger, drained, dropped } = createProcessLog({ level: config.logLevel, format: config.env === "development" ? await devLineFormat() : undefined });
  checkRuntime();
  checkFolders(config);
  // WORKERS > 1: this process builds the index and forks the processes that serve.
  if (isClusterPrimary(config)) return runPrimary(config, logger);
  // Listen before the index is built: until the app is ready every request but /healthz
  // gets 503 with Retry-After (src/server/starting.ts), also while a damaged index file is
  // rebuilt at start, instead of a refused connection.
  const state: ServerState = { ready: false };
  let handler: RequestListener = startingHandler;
  const running = await startServer((req, res) => handler(req, res), config, logger, { state }).catch((error: unknown) => {
    throw listenFailure(error, config);
  });
  // Runs at the first pause of the index build (it waits for its parse workers).
  setImmediate(() => warmUp(config));
  // CONTENT_REPO: clone (unless DATA_DIR has the clone) and check out before indexing.
  const repo = cluster.isWorker ? null : await openRepo(config, logger);
  const subscriptions = await openSubscriptions(config, logger);
  const index = await openIndex(config, logger, { fillSearch: !cluster.isWorker, onSynced: () => subscriptions?.contentChanged() });

  const following = followAll(index, repo, config, logger);
  const { handle } = await createApp({ config, index, logger, contentRepo: following.follower ?? workerRepoView(config), state, subscriptions });
  handler = handle;
  if (sendsMail(config)) subscriptions?.start(index);
  logger.info(`portal serving ${config.baseUrl} (${config.env})`);

  following.start();

  let stopBy = 0;
  stopOnSignals({
    logger,
    message: "shutting down",
    fields: () => ({ droppedLogLines: dropped() }),
    limitMs: SHUTDOWN_LIMIT_MS,
    timeoutMessage: "shutdown did not finish in time",
    following,
    onStop: () => (stopBy = Date.now() + SHUTDOWN_LIMIT_MS),
    // The mail queue stops after the server: a request in flight may still enqueue.
    release: async () => {
      await running.close();
      await subscriptions?.close();
    },
    index,
    // The log lines still buffered get what is left of the limit, not more.
    exit: (code) => void drained(Math.max(0, stopBy - Date.now() - 500)).then(() => process.exit(code)),
  });
  // Outside any request the state is unknown: log it as structured JSON, then exit so
  // the supervisor (systemd, Kubernetes) starts a clean process.
  const crash = (what: string) => (err: unknown) => {
    logger.fatal({ err }, what);
    void drained(1_000).then(() => process.exit(1));
  };
  process.on("uncaughtException", crash("uncaught exception"));
  process.on("unhandledRejection", crash("unhandled promise rejection"));
}

// Every start failure names the setting, the path and what to do (src/server/start-errors.ts).
main().catch((error: unknown) => {
  console.error(started ? describeStartFailure(error, started) : error);
  process.exit(1);
});
