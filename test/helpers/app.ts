// Builds a fresh portal for a test: fixture content (copied to a temporary folder so a
// test may change it), an empty temporary DATA_DIR, a fixed clock, a silent logger.
import { afterEach } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { createApp, type App } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import type { CompiledViews } from "../../src/web/compiled-views.js";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

/** 2026-11-23 12:00 UTC: after every fixture article's date, before the scheduled one. */
export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

export interface TestPortal extends App {
  readonly config: Config;
  readonly index: ContentIndex;
  readonly contentDir: string;
  readonly dataDir: string;
  /** Moves the fixed clock. */
  setNow(ms: number): void;
  close(): void;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `portal-${prefix}-`));
}

/** Copies a fixture tree (a folder under test/fixtures) to a temporary folder. */
export function copyFixture(name: string): string {
  const dir = tempDir("content");
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** A fixture tree as a git checkout with one commit (for checks that compare with the last commit). */
export function committedFixture(name = "content"): string {
  const dir = copyFixture(name);
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=Editor", "-c", "user.email=editor@example.org", ...args], { stdio: "ignore" });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "content");
  return dir;
}

export interface TestPortalOptions {
  readonly fixture?: string;
  readonly contentDir?: string;
  readonly env?: Record<string, string>;
  readonly now?: number;
  readonly compiledViews?: CompiledViews | null;
}

export async function createTestPortal(options: TestPortalOptions = {}): Promise<TestPortal> {
  const contentDir = options.contentDir ?? copyFixture(options.fixture ?? "content");
  const dataDir = tempDir("data");
  let now = options.now ?? NOW;
  const config = loadConfig({
    NODE_ENV: "test",
    CONTENT_DIR: contentDir,
    DATA_DIR: dataDir,
    BASE_URL: "https://news.example.org",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const index = await ContentIndex.open(config, { clock: () => now });
  const app = await createApp({ config, index, logger: pino({ level: "silent" }), compiledViews: options.compiledViews });
  return {
    ...app,
    config,
    index,
    contentDir,
    dataDir,
    setNow: (ms) => {
      now = ms;
    },
    close: () => index.close(),
  };
}

/**
 * `track(x)` keeps x (a portal, an index, a watcher) to be closed after the current test,
 * so a failed assertion leaves nothing open; call it at the top level of a test file.
 */
export function closeAfterEach(): <T extends { close(): void }>(x: T) => T {
  const open: { close(): void }[] = [];
  afterEach(() => {
    while (open.length) open.pop()!.close();
  });
  return (x) => {
    open.push(x);
    return x;
  };
}
