// Reads the configuration, opens the index, listens. Everything else is in createApp().
import pino from "pino";
import { ConfigError, loadConfig } from "./config.js";
import { createApp } from "./app.js";
import { ContentIndex } from "./index/index.js";
import { watchContent } from "./content/watch.js";
import { formatIssue } from "./content/issues.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const index = await ContentIndex.open(config, { log: (msg) => logger.warn(msg) });
  const report = index.status();
  logger.info({ articles: report.articles, districts: report.districts, problems: report.problems, ms: report.lastSync?.ms }, "index ready");
  for (const i of index.issues()) logger.warn({ file: i.file, line: i.line, field: i.field }, formatIssue(i));

  const { app, state } = await createApp({ config, index, logger });
  const server = app.listen(config.port, config.host, () => {
    logger.info(`portal listening on ${config.baseUrl} (${config.env})`);
  });
  // Slow clients (slowloris) are cut off within seconds.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;

  const watcher = config.watch
    ? watchContent(config.contentDir, () => {
        index.sync().then(
          (r) => r.parsed + r.removed > 0 && logger.info({ parsed: r.parsed, removed: r.removed, ms: r.ms, problems: r.issues.length }, "content updated"),
          (err: unknown) => logger.error({ err }, "content update failed; the previous index keeps serving"),
        );
      })
    : null;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    state.ready = false;
    logger.info({ signal }, "shutting down");
    watcher?.close();
    server.close(() => {
      index.close();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("The portal could not start:", error);
  process.exit(1);
});
