// The checked-out trees of the followed repository: worktree links, hard-linked copies,
// and the list of their files.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { RepoError } from "./git.js";

/** The worktree's admin folder inside the bare repository, from its `.git` file. */
export function adminDir(tree: string): string {
  const m = /^gitdir: (.*)$/m.exec(fs.readFileSync(path.join(tree, ".git"), "utf8"));
  if (!m) throw new RepoError(`${tree}/.git is not a worktree link`);
  return m[1]!.trim();
}

/**
 * Hard-links every file of `from` into `to` (the top-level .git link excepted) with one
 * `cp -al` (one process instead of 12,000 thread-pool round trips from Node's fs).
 */
export async function linkTree(from: string, to: string): Promise<void> {
  const entries = (await fs.promises.readdir(from)).filter((n) => n !== ".git").map((n) => path.join(from, n));
  if (entries.length === 0) return;
  await new Promise<void>((resolve, reject) =>
    execFile("cp", ["-al", "--", ...entries, to], { timeout: 120_000 }, (error, _out, stderr) =>
      error ? reject(new RepoError(`linking the deployed tree failed: ${stderr.trim() || error.message}`, { cause: error })) : resolve(),
    ),
  );
}

export function listFiles(tree: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(tree, d), { withFileTypes: true })) {
      if (d === "" && e.name === ".git") continue;
      const rel = d ? `${d}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile()) out.push(rel);
    }
  };
  walk("");
  return out;
}
