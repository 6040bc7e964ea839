// Keeps a serving index in step with the content folder: the watcher's paths go to a
// targeted sync, and the results (or the failure, while the old index keeps serving) are
// logged. Used by the single process (src/server.ts) and the cluster primary.
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { watchContent, type Watcher } from "../content/watch.js";
import type { ContentIndex } from "../index/index.js";

export function followContent(index: ContentIndex, config: Pick<Config, "contentDir" | "watch">, logger: Logger): Watcher | null {
  if (!config.watch) return null;
  // A second after start, so it never delays readiness: the first edit then costs no more than later ones.
  setTimeout(() => index.warmUp(), 1000).unref();
  return watchContent(config.contentDir, (paths) => {
    index.sync(undefined, paths ? { paths } : {}).then(
      (r) => r.parsed + r.removed > 0 && logger.info({ parsed: r.parsed, removed: r.removed, ms: r.ms, problems: r.issues.length }, "content updated"),
      (err: unknown) => logger.error({ err }, "content update failed; the previous index keeps serving"),
    );
  });
}
