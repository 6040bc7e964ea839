// Child processes for the benchmark: the portal (built JS), the bare baseline, and a free
// loopback port for each. Every process started here is stopped by the caller.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** One GET with its duration; the body as text (pages are small). */
export function timedGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Portal {
  readonly proc: ChildProcess;
  readonly base: string;
  /** Milliseconds from spawn until /readyz answered 200 and `probe` answered 200. */
  readonly readyMs: number;
  /** Milliseconds from spawn until `url` answers 200 (searches wait while a fresh index fills its search tables). */
  untilOk(url: string, timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

export function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill("SIGKILL"), 15_000);
    proc.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill("SIGTERM");
  });
}

/** Starts the built portal and waits (polling every 10 ms) until it serves `probe`. */
export async function startPortal(env: Record<string, string>, probe: string, timeoutMs: number): Promise<Portal> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const { flags, entry } = startCommand();
  const proc = spawn(process.execPath, [...flags, entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      BASE_URL: base,
      LOG_LEVEL: "warn",
      WATCH: "true",
      SEARCH_RATE_LIMIT: "0",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  let ready = false;
  while (!ready) {
    if (proc.exitCode !== null) throw new Error(`the portal exited with code ${proc.exitCode} while starting`);
    if (performance.now() - started > timeoutMs) {
      await stopProcess(proc);
      throw new Error(`the portal was not ready within ${timeoutMs} ms`);
    }
    try {
      ready = (await timedGet(`${base}/readyz`)).status === 200 && (await timedGet(base + probe)).status === 200;
    } catch {
      // not listening yet
    }
    if (!ready) await sleep(10);
  }
  const readyMs = performance.now() - started;
  const untilOk = async (url: string, timeout: number) => {
    while ((await timedGet(base + url)).status !== 200) {
      if (performance.now() - started > timeout) throw new Error(`${url} did not answer 200 within ${timeout} ms`);
      await sleep(10);
    }
    return performance.now() - started;
  };
  return { proc, base, readyMs, untilOk, stop: () => stopProcess(proc) };
}

export async function startBare(bodyFile: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/bare-server.ts"), String(port), bodyFile], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
    proc.once("exit", (code) => reject(new Error(`the bare server exited with code ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/article`, proc };
}

/** A memory figure of a process in MB, from /proc (Linux): VmRSS now, VmHWM its peak so far. */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB. */
export const rssMb = (pid: number): number | null => statusMb(pid, "VmRSS");
/** Peak resident memory of a process in MB, so far. */
export const peakMb = (pid: number): number | null => statusMb(pid, "VmHWM");

/** The machine's CPU time so far, from the first line of /proc/stat (Linux), in clock ticks. */
export interface CpuTimes {
  readonly total: number;
  /** Time the hypervisor gave this virtual machine's CPUs to other guests. */
  readonly steal: number;
}

export function cpuTimes(): CpuTimes | null {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is
    // already counted in user and nice.
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/**
 * The share of the machine's CPU time taken by the hypervisor between two readings, in
 * percent: on a shared virtual machine the same run is that much slower, which explains
 * most of the spread between runs (a cold build of 10,000 articles took 5.6 s with 11 %
 * stolen and 4.5 s with 3 %).
 */
export function stealPercent(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to || to.total <= from.total) return null;
  return Math.round((1000 * (to.steal - from.steal)) / (to.total - from.total)) / 10;
}

/** The node flags and entry file of `npm start`, so the bench measures the production process. */
export function startCommand(): { flags: string[]; entry: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = (pkg.scripts.start ?? "").trim().split(/\s+/);
  if (words[0] !== "node" || words.length < 2) throw new Error(`npm start is not "node [flags] <file>": ${pkg.scripts.start}`);
  return { flags: words.slice(1, -1), entry: path.join(ROOT, words.at(-1)!) };
}
