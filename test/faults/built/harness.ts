// Starts the built server (dist/bundle/server.mjs, what `npm start` runs) as a real
// process on 127.0.0.1, for the fault-injection suite (`npm run test:faults`). Each test
// gets its own copy of the content, its own DATA_DIR and a free port.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const BUNDLE = path.join(ROOT, "dist/bundle/server.mjs");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface BuiltServer {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Everything the process wrote to stdout and stderr so far (when they are piped). */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface StartBuiltOptions {
  readonly contentDir: string;
  readonly dataDir: string;
  readonly env?: Record<string, string>;
  /** Node options before the script, e.g. a smaller heap. */
  readonly nodeArgs?: readonly string[];
  /** Default: stdout and stderr piped and collected. */
  readonly stdio?: StdioOptions;
  /** Wait until the server answers (default true): /readyz 200, or /healthz 200 with `waitFor: "alive"`. */
  readonly waitHealthy?: boolean;
  /**
   * "ready" (default): the index is built and pages are served. "alive": the process
   * listens (it does so before building the index, answering 503 meanwhile).
   */
  readonly waitFor?: "ready" | "alive";
}

export async function startBuilt(options: StartBuiltOptions): Promise<BuiltServer> {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BUNDLE], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      CONTENT_DIR: options.contentDir,
      DATA_DIR: options.dataDir,
      WATCH: "false",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  const server: BuiltServer = {
    child,
    port,
    url,
    output: () => out,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (options.waitHealthy ?? true) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it answered:\n${out}`);
      try {
        const res = await fetch(`${url}/${options.waitFor === "alive" ? "healthz" : "readyz"}`, { signal: AbortSignal.timeout(1_000) });
        await res.arrayBuffer();
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the server did not answer within 60 s:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return server;
}

/** Polls `fn` until it returns a value other than undefined, or fails after `ms`. */
export async function eventually<T>(fn: () => Promise<T | undefined>, ms = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
