// The commits of the followed repository: fetched with a size limit, compared with the
// deployed one, and checked before they are deployed: no file over MAX_FILE_BYTES
// (refused), and the entries the editors must hear about (symlinks, submodules, LFS pointers).
import fs from "node:fs";
import path from "node:path";
import type { ContentIssue } from "../content/issues.js";
import { LFS_POINTER, lfsPointerIssue, oversizedFileMessage, specialEntryIssue } from "../content/repo-issues.js";
import { say } from "../content/messages/index.js";
import { git, RepoError, type GitContext } from "./git.js";
import { listFiles } from "./tree.js";

/** Refuses a fetch whose pack grows beyond this (the content of a municipality is a few hundred MB at most). */
export const MAX_FETCH_BYTES = 1024 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 120_000;
/** Refuses a commit holding a file larger than this (GitHub itself refuses 100 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Refuses a commit with an oversized file; reports symlinks (checked out as plain files) and submodules (left empty). */
export async function checkCommit(ctx: GitContext, commit: string): Promise<ContentIssue[]> {
  const out = await git(ctx, ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]);
  const problems: ContentIssue[] = [];
  for (const entry of out.split("\0")) {
    const m = /^(\d+) (\w+) [0-9a-f]+ +(\S+)\t(.*)$/s.exec(entry);
    if (!m) continue;
    const [, mode, , size, file] = m as unknown as [string, string, string, string, string];
    if (mode === "120000" || mode === "160000") problems.push(specialEntryIssue(file, mode === "120000" ? "symlink" : "submodule"));
    else if (Number(size) > MAX_FILE_BYTES) throw new RepoError(say(oversizedFileMessage(commit, file, Number(size), MAX_FILE_BYTES)));
  }
  return problems;
}

/** Git LFS pointers among the files a commit added or changed (all files for a first tree). */
export function lfsPointers(tree: string, changes: readonly Change[] | null): ContentIssue[] {
  const files = changes ? changes.filter((c) => c.status !== "D").map((c) => c.to) : listFiles(tree);
  const problems: ContentIssue[] = [];
  const head = Buffer.alloc(LFS_POINTER.length);
  for (const rel of files) {
    const abs = path.join(tree, ...rel.split("/"));
    let fd: number | null = null;
    try {
      const st = fs.lstatSync(abs);
      if (!st.isFile() || st.size > 1024) continue;
      fd = fs.openSync(abs, "r");
      const n = fs.readSync(fd, head, 0, head.length, 0);
      if (n === head.length && head.toString("latin1") === LFS_POINTER) problems.push(lfsPointerIssue(rel));
    } catch {
      // gone or unreadable: the index reports it
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }
  return problems;
}

export interface Change {
  readonly status: string;
  /** The path before a rename (or the path itself). */
  readonly from: string;
  readonly to: string;
}

/** The files a commit changed against the deployed one, renames as one change. */
export async function diffCommits(ctx: GitContext, from: string, to: string): Promise<Change[]> {
  const out = await git(ctx, ["diff", "--name-status", "-z", "-M", "--no-textconv", "--no-ext-diff", from, to, "--"]);
  const parts = out.split("\0");
  const changes: Change[] = [];
  for (let i = 0; i + 1 < parts.length;) {
    const status = parts[i++]!;
    if (status.startsWith("R") || status.startsWith("C")) {
      changes.push({ status: status[0]!, from: parts[i]!, to: parts[i + 1]! });
      i += 2;
    } else {
      changes.push({ status, from: parts[i]!, to: parts[i]! });
      i += 1;
    }
  }
  return changes;
}

/** Fetches the whole history of the branch (tags left out), stopped if its pack outgrows MAX_FETCH_BYTES. */
export async function fetchBranch(ctx: GitContext, branch: string): Promise<void> {
  const pack = path.join(ctx.gitDir, "objects", "pack");
  const before = dirBytes(pack);
  await git(
    ctx,
    ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", "origin", `+refs/heads/${branch}:refs/remotes/origin/${branch}`],
    {
      timeoutMs: FETCH_TIMEOUT_MS,
      watch: (kill) => {
        const timer = setInterval(() => {
          if (dirBytes(pack) - before > MAX_FETCH_BYTES) kill(`the fetch grew beyond ${MAX_FETCH_BYTES / 1024 / 1024} MB and was stopped`);
        }, 250);
        return () => clearInterval(timer);
      },
    },
  );
}

function dirBytes(dir: string): number {
  let total = 0;
  try {
    for (const name of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    // not there yet
  }
  return total;
}
