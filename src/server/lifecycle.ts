// The start and stop sequence shared by the single process (src/server.ts) and the
// cluster primary (src/server/cluster.ts): open the index and say what it holds, follow
// the content, and on SIGTERM or SIGINT stop once — stop following, release what serves
// (the listening server, or the workers), close the index, exit — within a time limit.
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { ttyProgress } from "../content/load/parallel.js";
import { formatIssueIn } from "../content/issues.js";
import { ContentIndex } from "../index/index.js";
import type { OpenOptions } from "../index/options.js";
import type { ContentRepo } from "../content-repo/repo.js";
import { followContent, followRepo } from "./follow.js";

/** Opens (or builds) the index and logs its size and every content problem. */
export async function openIndex(config: Config, logger: Logger, options: Pick<OpenOptions, "fillSearch" | "onSynced"> = {}): Promise<ContentIndex> {
  const index = await ContentIndex.open(config, { log: (msg) => logger.warn(msg), info: (msg) => logger.info(msg), progress: ttyProgress(), ...options });
  const report = index.status();
  logger.info({ articles: report.articles, districts: report.districts, problems: report.problems, ms: report.lastSync?.ms }, "index ready");
  for (const i of index.issues()) logger.warn({ file: i.file, line: i.line, field: i.field, id: i.id }, formatIssueIn(i, config.editorLang));
  return index;
}

export type Follower = ReturnType<typeof followRepo>;

/** Follows the content folder (WATCH) and, with CONTENT_REPO, the repository; `start()` asks for the first update. */
export function followAll(index: ContentIndex, repo: ContentRepo | null, config: Config, logger: Logger) {
  const follower: Follower | null = repo && followRepo(index, repo, config, logger);
  let watcher: ReturnType<typeof followContent> = null;
  return {
    follower,
    /** Once the processes serve: watch the folder, and fetch the repository at once. */
    start: () => {
      watcher = followContent(index, config, logger);
      follower?.requestUpdate("start");
    },
    close: () => {
      watcher?.close();
      follower?.close();
    },
  };
}

export interface StopSequence {
  readonly logger: Logger;
  /** The log line that starts the shutdown, and fields it carries besides the signal. */
  readonly message: string;
  readonly fields?: () => Record<string, unknown>;
  /** After this long the process exits with 1, whatever still runs. */
  readonly limitMs: number;
  readonly timeoutMessage: string;
  readonly following: { close(): void };
  /** Stops what serves (the listening server, or the workers); the index is closed after it. */
  readonly release: () => Promise<void>;
  readonly index: ContentIndex;
  /** Ends the process (the single process drains its log first). */
  readonly exit: (code: number) => void;
  readonly onStop?: () => void;
}

/** On SIGTERM or SIGINT, runs the stop sequence once. */
export function stopOnSignals(s: StopSequence): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    s.onStop?.();
    s.logger.info({ signal, ...s.fields?.() }, s.message);
    s.following.close();
    // Last resort if closing itself hangs; the grace periods inside release() come first.
    setTimeout(() => {
      s.logger.error(s.timeoutMessage);
      process.exit(1);
    }, s.limitMs).unref();
    s.release().then(
      () => {
        s.index.close();
        s.exit(0);
      },
      (err: unknown) => {
        s.logger.error({ err }, "shutdown failed");
        s.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
