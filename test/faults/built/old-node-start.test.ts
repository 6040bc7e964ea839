// Fault injection (issue 19, items 0 and 17): started with Node 20, Debian's `node` on
// this machine and on CI, the built server loaded better-sqlite3 13 and died with a
// segmentation fault (exit 139) and not a word, once it opened the index. Now it refuses
// to start with a message naming the version and what to use. Skipped where no Node
// older than 22 is installed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE, ROOT, freePort } from "./harness.js";

const OLD_NODE = "/usr/bin/node";
const oldVersion = fs.existsSync(OLD_NODE) ? spawnSync(OLD_NODE, ["--version"], { encoding: "utf8" }).stdout.trim() : "";
const isOld = /^v(\d+)\./.test(oldVersion) && Number(/^v(\d+)\./.exec(oldVersion)![1]) < 22;

const dataDir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "portal-old-node-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("old-node-start (built server)", () => {
  it.skipIf(!isOld)(`refuses to start on ${oldVersion || "an old Node"} with a message, not a segmentation fault`, async () => {
    const port = await freePort();
    const run = spawnSync(OLD_NODE, [BUNDLE], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30_000,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        CONTENT_DIR: path.join(ROOT, "test/fixtures/content"),
        DATA_DIR: dataDir,
        WATCH: "false",
        LOG_LEVEL: "warn",
      },
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Node.js ${oldVersion.slice(1)} is too old: the portal runs on Node.js 22 or 24`);
  });
});
