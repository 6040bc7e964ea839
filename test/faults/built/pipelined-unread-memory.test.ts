// Fault injection (issue 19, item 1): clients that pipeline requests and never read the
// answers. 20 sockets × 200 pipelined feed requests, closed after 2 s, repeated, took the
// built server from 90 MB to 2.66 GB and killed it, with /healthz silent from round 6
// and thousands of responses "in flight" after the sockets had gone. Now the server's
// memory stays under a fixed bound, /healthz answers within 100 ms all along, and
// nothing is left in flight once the sockets close.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, eventually, startBuilt, type BuiltServer } from "./harness.js";

const ROUNDS = 6;
const SOCKETS = 20;
const PIPELINED = 200;
/** `npm start`'s heap cap is 512 MB; the server idles near 120 MB and must stay far from the cap. */
const RSS_BOUND_MB = 300;
const HEALTHZ_MS = 100;
/**
 * Two shared cores under other work: an idle server's slowest /healthz in 100 was 52 ms
 * (p50 1.2 ms) at load average 14, so single probes may be late for reasons not ours; 95
 * in 100 must be under 100 ms and none may stall.
 */
const HEALTHZ_STALL_MS = 500;

let server: BuiltServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "portal-pipelined-"));
  server = await startBuilt({ contentDir: path.join(ROOT, "content"), dataDir, nodeArgs: ["--max-old-space-size=512", "--max-semi-space-size=8"] });
});

afterAll(async () => {
  await server?.stop("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Milliseconds for one /healthz on a kept-alive connection (Infinity if none within 2 s). */
function healthz(agent: http.Agent): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get(`${server.url}/healthz`, { agent, timeout: 2_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200 ? performance.now() - started : Infinity));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(Infinity));
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("pipelined-unread-memory (built server)", () => {
  it("keeps memory bounded and /healthz fast under pipelined requests nobody reads, and leaves nothing in flight", async () => {
    const pid = server.child.pid!;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await healthz(agent); // the probe's own connection, opened before the attack
    const slowest: number[] = [];
    const samples: number[] = [];
    const rss: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const target = round % 2 === 0 ? "/bg/atom.xml" : "/bg/feed.xml";
      const burst = `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\n\r\n`.repeat(PIPELINED);
      const sockets = Array.from({ length: SOCKETS }, () => {
        const s = net.connect(server.port, "127.0.0.1");
        s.on("error", () => undefined);
        s.pause(); // never read
        s.write(burst);
        return s;
      });
      let slow = 0;
      for (const stop = Date.now() + 2_000; Date.now() < stop;) {
        const ms = await healthz(agent);
        samples.push(ms);
        slow = Math.max(slow, ms);
        await wait(100);
      }
      for (const s of sockets) s.destroy();
      slowest.push(Math.round(slow));
      rss.push(Math.round(rssMb(pid)));
    }
    agent.destroy();
    samples.sort((a, b) => a - b);
    console.log(
      `pipelined-unread-memory: RSS per round ${rss.join(", ")} MB; slowest /healthz per round ${slowest.join(", ")} ms (p95 of ${samples.length}: ${Math.round(samples[Math.floor(samples.length * 0.95)]!)} ms)`,
    );
    expect(Math.max(...rss)).toBeLessThan(RSS_BOUND_MB);
    expect(samples[Math.floor(samples.length * 0.95)]).toBeLessThan(HEALTHZ_MS);
    expect(Math.max(...slowest)).toBeLessThan(HEALTHZ_STALL_MS);
    const inFlight = await eventually(
      async () => {
        const ready = (await fetch(`${server.url}/readyz`).then((r) => r.json())) as { inFlight?: number };
        return ready.inFlight === 0 ? 0 : undefined;
      },
      5_000,
      "/readyz to show nothing in flight",
    );
    expect(inFlight).toBe(0);
  });
});
