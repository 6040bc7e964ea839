// Editor messages about what a commit of the followed content repository (CONTENT_REPO)
// holds beyond Markdown and pictures: git objects the portal checks out as plain files
// or not at all. Same shape as every other content problem (issues.ts).
import { issue, type ContentIssue } from "./issues.js";

/** The first line of every Git LFS pointer file. */
export const LFS_POINTER = "version https://git-lfs.github.com/spec/";

export function lfsPointerIssue(file: string): ContentIssue {
  return issue(file, 1, "file", "is a Git LFS pointer, not the file itself; the portal does not download LFS objects — commit the file without LFS (git lfs untrack, then add it again)");
}

export function specialEntryIssue(file: string, kind: "symlink" | "submodule"): ContentIssue {
  return kind === "symlink"
    ? issue(file, 1, "file", "is a symbolic link; the portal checks it out as a small text file holding the link's target, never follows it — commit the file itself instead of a link")
    : issue(file, 1, "file", "is a git submodule; the portal does not fetch submodules, the folder stays empty — copy the files into the content repository");
}

/** Why a whole commit is refused (it is not deployed; the previous commit keeps serving). */
export function oversizedFileMessage(commit: string, file: string, size: number, limit: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `commit ${commit.slice(0, 12)} is not deployed: ${file} is ${mb(size)}, above the limit of ${mb(limit)} per file — make the file smaller and push again`;
}
