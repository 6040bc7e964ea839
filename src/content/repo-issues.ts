// Editor messages about what a commit of the followed content repository (CONTENT_REPO)
// holds beyond Markdown and pictures: git objects the portal checks out as plain files
// or not at all. Same shape as every other content problem (issues.ts).
import { issue, type ContentIssue } from "./issues.js";
import { msg, type Message } from "./messages/index.js";

/** The first line of every Git LFS pointer file. */
export const LFS_POINTER = "version https://git-lfs.github.com/spec/";

export function lfsPointerIssue(file: string): ContentIssue {
  return issue(file, 1, "file", msg("repo.lfs"));
}

export function specialEntryIssue(file: string, kind: "symlink" | "submodule"): ContentIssue {
  return kind === "symlink"
    ? issue(file, 1, "file", msg("repo.symlink"))
    : issue(file, 1, "file", msg("repo.submodule"));
}

/** Why a whole commit is refused (it is not deployed; the previous commit keeps serving). */
export function oversizedFileMessage(commit: string, file: string, size: number, limit: number): Message {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return msg("repo.oversized", { commit: commit.slice(0, 12), file, size: mb(size), limit: mb(limit) });
}
