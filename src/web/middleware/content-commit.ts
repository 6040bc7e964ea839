// X-Content-Commit on every response: the commit of the content repository whose content
// the index serves, so an editor (or scripts/scale-out.sh) can see what is live. Set
// before the render cache answers (src/app.ts `handle`); the cache does not store it
// (src/web/send.ts OWN_HEADERS), so a cached page never carries an older commit.
import type { ServerResponse } from "node:http";
import type { ContentRepoView } from "../../content-repo/status.js";

export const CONTENT_COMMIT_HEADER = "X-Content-Commit";

export function contentCommitHeader(repo: ContentRepoView | null): (res: ServerResponse) => void {
  if (!repo) return () => undefined;
  return (res) => {
    const commit = repo.commit();
    if (commit) res.setHeader(CONTENT_COMMIT_HEADER, commit);
  };
}
