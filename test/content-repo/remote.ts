// A content repository for tests: a bare repository in a temporary folder as the remote,
// and a working copy where the test commits with the system git and pushes, as an editor
// would. The test's own git reads no user or system configuration.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, tempDir } from "../helpers/app.js";

const GIT_ENV = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: "/nonexistent",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Editor",
  GIT_AUTHOR_EMAIL: "editor@example.org",
  GIT_COMMITTER_NAME: "Editor",
  GIT_COMMITTER_EMAIL: "editor@example.org",
};

export interface TestRemote {
  /** The bare repository: CONTENT_REPO. */
  readonly bare: string;
  readonly work: string;
  git(...args: string[]): string;
  write(rel: string, text: string): void;
  /** Commits everything in the working copy and pushes; returns the new commit. */
  push(message: string, options?: { force?: boolean; date?: string }): string;
}

export function makeRemote(fixture = "content"): TestRemote {
  const root = tempDir("remote");
  const bare = path.join(root, "content.git");
  const work = path.join(root, "work");
  const run = (env: Record<string, string>, args: string[]) => execFileSync("git", args, { cwd: work, env: { ...GIT_ENV, ...env }, encoding: "utf8" }).trim();
  const git = (...args: string[]) => run({}, args);
  fs.cpSync(path.join(FIXTURES, fixture), work, { recursive: true });
  execFileSync("git", ["init", "--quiet", "--bare", "-b", "main", bare], { env: GIT_ENV });
  git("init", "--quiet", "-b", "main");
  const remote: TestRemote = {
    bare,
    work,
    git,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
      fs.writeFileSync(path.join(work, rel), text);
    },
    push: (message, options = {}) => {
      git("add", "--all");
      run(options.date ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date } : {}, ["commit", "--quiet", "--allow-empty", "-m", message]);
      git("push", "--quiet", ...(options.force ? ["--force"] : []), bare, "HEAD:main");
      return git("rev-parse", "HEAD");
    },
  };
  remote.push("fixture content");
  return remote;
}

export const SECRET = "test-secret-0123456789abcdef";

/** GitHub's signature of a body. */
export function githubSignature(body: string, secret = SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A valid article in bg/sredets with this slug and title. */
export function article(slug: string, title: string, body = "Текст на новината."): string {
  return `---\ntitle: "${title}"\ndate: "2026-01-15"\nslug: ${slug}\nsummary: "Кратко описание на новината за тестовете."\ntags: [тест]\nauthor: "Пресцентър"\n---\n\n${body}\n`;
}

export const ARTICLE_URL = (slug: string) => `/bg/novini/${slug}/`;
