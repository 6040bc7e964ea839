// What the web layer knows of the followed repository: the commit it serves (the
// X-Content-Commit header, /readyz) and a way to ask for an update (the webhook). The
// process that follows the repository writes its status to DATA_DIR after every attempt;
// cluster workers, which only serve, read it from there and pass webhooks to the primary.
import fs from "node:fs";
import { repoPaths } from "./paths.js";

export interface RepoStatus {
  /** The commit whose content the index serves. */
  readonly contentCommit: string | null;
  /** When it was deployed (ISO 8601). */
  readonly deployedAt: string | null;
  /** The last failed fetch or update (credentials removed), null once one succeeds. */
  readonly lastFetchError: string | null;
  readonly lastFetchAt: string | null;
}

export interface ContentRepoView {
  commit(): string | null;
  status(): RepoStatus;
  /** Fetch and deploy soon, in the background; requests made meanwhile fold into one update. */
  requestUpdate(reason: string): void;
}

export const NO_STATUS: RepoStatus = { contentCommit: null, deployedAt: null, lastFetchError: null, lastFetchAt: null };

/** Written beside and renamed, so a reader never sees half of it. */
export function writeRepoStatus(dataDir: string, status: RepoStatus): void {
  const file = repoPaths(dataDir).status;
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(status));
  fs.renameSync(tmp, file);
}

const READ_EVERY_MS = 250;

/** The status as the following process last wrote it, read at most every 250 ms. */
export function repoStatusFromFile(dataDir: string, requestUpdate: (reason: string) => void): ContentRepoView {
  const file = repoPaths(dataDir).status;
  let cached: RepoStatus = NO_STATUS;
  let readAt = -Infinity;
  const status = (): RepoStatus => {
    const now = performance.now();
    if (now - readAt >= READ_EVERY_MS) {
      readAt = now;
      try {
        cached = { ...NO_STATUS, ...(JSON.parse(fs.readFileSync(file, "utf8")) as Partial<RepoStatus>) };
      } catch {
        // not written yet: keep what was read before
      }
    }
    return cached;
  };
  return { status, commit: () => status().contentCommit, requestUpdate };
}
