// Runs the system `git` for the followed content repository, hardened so that nothing a
// content commit contains can run or reach outside DATA_DIR: an argument array (never a
// shell), an environment built from scratch (no system or user configuration, no
// attributes file, no prompts, only the https, ssh and file transports), and on every
// call the settings below, which no file in the repository can change (.gitattributes
// can name a filter or diff driver, but drivers are defined only in configuration, and
// every configuration source but ours is switched off).
import { AppError } from "../errors.js";
import { execFile } from "node:child_process";

export class RepoError extends AppError {
  override name = "RepoError";
}

export interface GitContext {
  /** The bare repository (DATA_DIR/content-repo/git). */
  readonly gitDir: string;
  /** An empty folder: core.hooksPath points here, so no hook ever runs. */
  readonly hooksDir: string;
  /** The remote's URL, passed in the environment (GIT_CONFIG_*), never on a command line or in a log. */
  readonly url: string;
  /** A private key for ssh:// remotes (CONTENT_SSH_KEY). */
  readonly sshKey?: string | undefined;
}

export interface GitOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Runs while git runs; calling `kill` stops it (the fetch's size watchdog). */
  readonly watch?: (kill: (why: string) => void) => () => void;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The remote's URL with any user name, password or token replaced by "***". */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1***@");
}

/** Settings given with -c on every call: the strongest level, above the repository's own config. */
export function hardeningFlags(ctx: Pick<GitContext, "hooksDir">): string[] {
  const settings = [
    `core.hooksPath=${ctx.hooksDir}`,
    "core.symlinks=false", // a symlink in a commit becomes a plain file holding its target's name
    "core.fsmonitor=false",
    "core.attributesFile=/dev/null",
    "core.protectNTFS=true",
    "core.protectHFS=true",
    "core.quotePath=false",
    // The two trees share the inodes of unchanged files (src/content-repo/repo.ts), so a link
    // made or removed in one changes the ctime in the other: size and mtime say enough.
    "core.trustctime=false",
    "core.checkStat=minimal",
    "submodule.recurse=false",
    "fetch.recurseSubmodules=false",
    "fetch.unpackLimit=1", // everything arrives as one pack, so the size watchdog sees it grow
    "transfer.fsckObjects=true",
    "protocol.allow=never",
    "protocol.https.allow=always",
    "protocol.ssh.allow=always",
    "protocol.file.allow=always",
    "credential.helper=",
    "gc.auto=0",
    "maintenance.auto=false",
    "advice.detachedHead=false",
    "init.defaultBranch=main",
  ];
  return settings.flatMap((s) => ["-c", s]);
}

export function gitEnv(ctx: GitContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    // ssh reads known_hosts from the home folder; git itself reads nothing there (below).
    HOME: process.env.HOME ?? "/nonexistent",
    LANG: "C",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_ATTR_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "/bin/false",
    SSH_ASKPASS: "/bin/false",
    GIT_ALLOW_PROTOCOL: "https:ssh:file",
    GIT_LFS_SKIP_SMUDGE: "1",
    GIT_NO_REPLACE_OBJECTS: "1",
    GIT_OPTIONAL_LOCKS: "0",
    // Kept out of argv (visible to every local user in `ps`): config given through the environment.
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: "remote.origin.url",
    GIT_CONFIG_VALUE_0: ctx.url,
  };
  if (ctx.sshKey) {
    // git runs this through sh; the path is checked at start to hold no quote (src/config.ts).
    env.GIT_SSH_COMMAND = `ssh -i '${ctx.sshKey}' -o IdentitiesOnly=yes -o BatchMode=yes`;
    env.GIT_SSH_VARIANT = "ssh";
  }
  return env;
}

/** Runs `git --git-dir=<bare repository> <args>` (or in `cwd`, a checked-out tree); resolves with stdout. */
export function git(ctx: GitContext, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const where = options.cwd ? ["-C", options.cwd] : [`--git-dir=${ctx.gitDir}`];
  return new Promise((resolve, reject) => {
    let killedFor: string | null = null;
    const child = execFile(
      "git",
      [...where, ...hardeningFlags(ctx), ...args],
      { env: gitEnv(ctx), encoding: "utf8", timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: MAX_OUTPUT },
      (error, stdout, stderr) => {
        stopWatch?.();
        if (!error) return resolve(stdout);
        const clean = (text: string) => redactText(text.split(ctx.url).join(redactUrl(ctx.url)));
        const said = killedFor ?? (stderr.trim() || (error.killed ? "timed out" : error.message));
        // The cause is rebuilt from the redacted text: execFile's own message quotes git's
        // stderr, which may hold the URL with its credentials.
        const cause = Object.assign(new Error(clean(error.message)), { code: error.code, signal: error.signal });
        reject(new RepoError(`git ${args[0]}: ${clean(said)}`, { cause }));
      },
    );
    const stopWatch = options.watch?.((why) => {
      killedFor = why;
      child.kill("SIGKILL");
    });
  });
}

/** Any URL credentials git may have echoed (fatal: unable to access 'https://user:token@…'). */
function redactText(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s']*@/gi, "$1***@").slice(0, 2000);
}
