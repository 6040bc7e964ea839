// Keeps a serving index in step with the content folder: the watcher's paths go to a
// targeted sync, and the results (or the failure, while the old index keeps serving) are
// logged; or, with CONTENT_REPO, the followed repository's changed files do (followRepo).
// Used by the single process (src/server.ts) and the cluster primary.
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { watchContent, type Watcher } from "../content/watch.js";
import type { ContentIndex } from "../index/index.js";
import { formatIssueIn, type ContentIssue } from "../content/issues.js";
import { ContentRepo } from "../content-repo/repo.js";
import { repoStatusFromFile, writeRepoStatus, type ContentRepoView, type RepoStatus } from "../content-repo/status.js";

export function followContent(
  index: ContentIndex,
  config: Pick<Config, "contentDir" | "watch"> & Partial<Pick<Config, "editorLang">>,
  logger: Logger,
): Watcher | null {
  if (!config.watch) return null;
  const say = (i: ContentIssue) => formatIssueIn(i, config.editorLang ?? "en");
  // A second after start, so it never delays readiness: the first edit then costs no more than later ones.
  setTimeout(() => index.warmUp(), 1000).unref();
  // Problems already said (at start, by the caller); each new one is said in full when it
  // appears, and once it is fixed it may be said again if it comes back (issue 22).
  let said = new Set(index.issues().map(say));
  return watchContent(config.contentDir, (paths) => {
    index.sync(undefined, paths ? { paths } : {}).then(
      (r) => {
        if (r.parsed + r.removed === 0) return;
        logger.info({ parsed: r.parsed, removed: r.removed, ms: r.ms, problems: r.issues.length }, "content updated");
        const now = index.issues();
        for (const i of now) {
          const line = say(i);
          if (!said.has(line)) logger.warn({ file: i.file, line: i.line, field: i.field, id: i.id }, line);
        }
        said = new Set(now.map(say));
      },
      (err: unknown) => logger.error({ err }, "content update failed; the previous index keeps serving"),
    );
  });
}

/**
 * Follows the content repository (CONTENT_REPO): polls every CONTENT_POLL_SECONDS and
 * updates at once when asked (the webhook). One update runs at a time; requests that
 * arrive meanwhile fold into one more. An update fetches, switches the content folder to
 * the branch tip (src/content-repo/repo.ts) and re-indexes exactly the files the commit
 * changed; a failure keeps the deployed commit serving and is reported in /readyz.
 */
export function followRepo(
  index: ContentIndex,
  repo: ContentRepo,
  config: Pick<Config, "dataDir" | "contentRepo"> & Partial<Pick<Config, "editorLang">>,
  logger: Logger,
): ContentRepoView & { close(): void; idle(): Promise<void> } {
  let status: RepoStatus = { contentCommit: repo.deployed, deployedAt: repo.deployedAt()?.toISOString() ?? null, lastFetchError: null, lastFetchAt: null };
  const publish = (next: Partial<RepoStatus>) => {
    status = { ...status, ...next };
    try {
      writeRepoStatus(config.dataDir, status);
    } catch (err) {
      logger.warn({ err }, "could not write the content repository's status file");
    }
  };
  publish({});
  // As for the watcher: the parser loads a second after start, not with the first push.
  const warm = setTimeout(() => index.warmUp(), 1000).unref();
  let pending: string | null = null;
  let running: Promise<void> | null = null;

  const once = async (reason: string) => {
    const started = performance.now();
    let update;
    try {
      update = await repo.update();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger.error({ err: { message }, remote: repo.remote, reason }, "fetching the content repository failed; the deployed commit keeps serving");
      publish({ lastFetchError: message, lastFetchAt: new Date().toISOString() });
      return;
    }
    if (!update) {
      publish({ lastFetchError: null, lastFetchAt: new Date().toISOString() });
      return;
    }
    for (const p of update.problems) logger.warn({ file: p.file, line: p.line, field: p.field, id: p.id }, formatIssueIn(p, config.editorLang ?? "en"));
    const log = {
      from: update.from,
      to: update.to,
      changed: update.changes,
      reason,
      remote: repo.remote,
      fetchMs: update.ms.fetch,
      checkoutMs: update.ms.checkout,
    };
    if (update.forced) logger.warn(log, "the content branch was force-pushed or reset; following its new tip");
    try {
      const r = await index.sync(undefined, update.paths ? { paths: update.paths } : {});
      logger.info(
        { ...log, parsed: r.parsed, removed: r.removed, problems: r.issues.length, ms: Math.round(performance.now() - started) },
        "content deployed from the repository",
      );
    } catch (err) {
      // The tree is switched; the index keeps its previous state and the next sync looks at the whole tree.
      logger.error({ err, ...log }, "indexing the new commit failed; the previous index keeps serving");
    }
    publish({ contentCommit: update.to, deployedAt: new Date().toISOString(), lastFetchError: null, lastFetchAt: new Date().toISOString() });
    await repo.tidy().catch((err: unknown) => logger.warn({ err }, "packing the content repository's clone failed"));
  };

  const requestUpdate = (reason: string) => {
    if (pending === null) pending = reason;
    if (running) return;
    running = (async () => {
      while (pending !== null) {
        const why = pending;
        pending = null;
        await once(why);
      }
    })().finally(() => (running = null));
  };

  const seconds = config.contentRepo?.pollSeconds ?? 0;
  const timer = seconds > 0 ? setInterval(() => requestUpdate("poll"), seconds * 1000) : null;
  timer?.unref();
  return {
    commit: () => status.contentCommit,
    status: () => status,
    requestUpdate,
    close: () => {
      clearTimeout(warm);
      if (timer) clearInterval(timer);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

/** Cluster workers ask the primary, which follows the repository, to update (a webhook reached them). */
export const REPO_UPDATE_MESSAGE = "content-repo:update";

/**
 * With CONTENT_REPO: clones it into DATA_DIR unless a clone is there and deploys a tree,
 * before the index is opened on it. Null without CONTENT_REPO.
 */
export async function openRepo(
  config: Pick<Config, "contentRepo" | "dataDir"> & Partial<Pick<Config, "editorLang">>,
  logger: Logger,
): Promise<ContentRepo | null> {
  if (!config.contentRepo) return null;
  const { repo, problems } = await ContentRepo.open(config.contentRepo, config.dataDir);
  logger.info({ remote: repo.remote, branch: config.contentRepo.branch, commit: repo.deployed }, "content repository checked out");
  for (const p of problems) logger.warn({ file: p.file, line: p.line, field: p.field, id: p.id }, formatIssueIn(p, config.editorLang ?? "en"));
  return repo;
}

/** What a cluster worker knows of the repository: the primary's status file, and a message to ask for an update. */
export function workerRepoView(config: Pick<Config, "contentRepo" | "dataDir">): ContentRepoView | null {
  if (!config.contentRepo) return null;
  return repoStatusFromFile(config.dataDir, (reason) => process.send?.({ type: REPO_UPDATE_MESSAGE, reason }));
}
