// Regression (issue 19, item 17): a read-only DATA_DIR stopped the start with SQLite's
// "unable to open database file", naming no folder. Every start failure now names the
// setting and the path, and says what to do.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFolders, describeStartFailure } from "../../src/server/start-errors.js";
import { FIXTURES, tempDir } from "../helpers/app.js";

const ROOT = path.resolve(FIXTURES, "../..");
const CONTENT = path.join(FIXTURES, "content");

/** A folder nobody may write to, root included: a read-only mount for root, a 0555 folder otherwise. */
function readOnlyFolder(): { dir: string; release(): void } | null {
  const dir = tempDir("readonly");
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return { dir, release: () => fs.chmodSync(dir, 0o755) };
  }
  if (spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", dir]).status !== 0) return null;
  return { dir, release: () => void spawnSync("umount", [dir]) };
}

const readOnly = readOnlyFolder();
afterAll(() => readOnly?.release());

/** Starts src/server.ts and resolves with its exit code and stderr (it must fail to start). */
function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      CONTENT_DIR: CONTENT,
      WATCH: "false",
      LOG_LEVEL: "silent",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

describe("readonly-data-dir", () => {
  it.runIf(readOnly)(
    "refuses to start on a read-only DATA_DIR, naming the setting, the folder and what to do",
    async () => {
      const dir = readOnly!.dir;
      expect(() => checkFolders({ contentDir: CONTENT, dataDir: dir, contentRepo: null })).toThrow(`DATA_DIR: the data folder ${dir} is not writable`);
      const { code, stderr } = await failedStart({ DATA_DIR: dir });
      expect(code).toBe(1);
      expect(stderr).toContain(`DATA_DIR: the data folder ${dir} is not writable`);
      expect(stderr).toContain("set DATA_DIR to a writable folder");
      expect(stderr).not.toContain("unable to open database file");
    },
    40_000,
  );

  it("names CONTENT_DIR and its path when the content folder is missing", async () => {
    const missing = path.join(tempDir("gone"), "content");
    const { code, stderr } = await failedStart({ CONTENT_DIR: missing, DATA_DIR: tempDir("data") });
    expect(code).toBe(1);
    expect(stderr).toContain(`CONTENT_DIR: the content folder ${missing} cannot be found (ENOENT) — set CONTENT_DIR`);
  }, 40_000);

  it("names PORT when the port is taken", async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, "127.0.0.1", r));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await failedStart({ PORT: String(port), DATA_DIR: tempDir("data") });
      expect(code).toBe(1);
      expect(stderr).toContain(`PORT: port ${port} on 127.0.0.1 is already in use — stop the process that holds it, or set PORT to a free port`);
    } finally {
      holder.close();
    }
  }, 40_000);

  it("traces a failure from deeper down (SQLite) back to DATA_DIR", () => {
    const sqlite = Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" });
    const text = describeStartFailure(new Error("opening the index failed", { cause: sqlite }), { contentDir: "/srv/c", dataDir: "/srv/d" });
    expect(text).toBe(
      "DATA_DIR: the index in /srv/d cannot be opened (opening the index failed: unable to open database file) — make it writable by the portal's user, or set DATA_DIR to a writable folder (the index is rebuilt there)",
    );
  });
});
