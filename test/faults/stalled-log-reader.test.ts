// Regression (issue 19, item 16): a log reader that stops reading froze the process for
// ever (pino's synchronous write retried with atomic-sleep on EAGAIN) and the queued
// lines grew without bound. The process log (src/server/log.ts) never blocks: lines wait
// in a bounded buffer, the rest are dropped, counted and said once on stderr.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../helpers/app.js";

const ROOT = path.resolve(FIXTURES, "../..");

describe("stalled-log-reader", () => {
  it("logs without blocking to a stdout nobody reads, bounds what it keeps and exits at once", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/faults/stalled-log-child.ts"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pause(); // the reader stops at once: only the pipe's 64 KB get through
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const started = Date.now();
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | string | null>((resolve) => child.on("exit", (c, s) => resolve(c ?? s)));
    clearTimeout(timer);
    child.stdout.destroy();
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000); // tsx start included; the child itself waits at most 1 s
    const report = JSON.parse(stderr.trim().split("\n").at(-1)!) as { loggedMs: number; dropped: number; heapMb: number };
    // 20,000 lines of ~250 bytes into a 256 KB buffer: most are dropped, none blocks.
    expect(report.dropped).toBeGreaterThan(15_000);
    expect(report.heapMb).toBeLessThan(64);
    expect(stderr.match(/log lines are being dropped/g)).toHaveLength(1);
  }, 30_000);
});
