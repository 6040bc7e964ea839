// Load generation in a second process (autocannon's CLI), so the load does not share the
// server's event loop, and sequential timing for latencies of single, uncached requests.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, timedGet } from "./proc.js";

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

interface AutocannonJson {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** `connections` keep-alive clients hammer one URL for `seconds`. */
export function autocannon(url: string, seconds: number, connections = 10): Promise<LoadResult> {
  const bin = path.join(ROOT, "node_modules/autocannon/autocannon.js");
  const child = spawn(process.execPath, [bin, "--json", "-c", String(connections), "-d", String(seconds), url], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      try {
        const r = JSON.parse(out) as AutocannonJson;
        resolve({ rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx });
      } catch (cause) {
        reject(new Error("autocannon printed no JSON", { cause }));
      }
    });
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly failed: number;
}

/** Requests each URL once, one after the other, and reports the latency percentiles. */
export async function sequential(urls: string[]): Promise<Latency> {
  const ms: number[] = [];
  let failed = 0;
  for (const url of urls) {
    const r = await timedGet(url);
    if (r.status !== 200) failed++;
    ms.push(r.ms);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), failed };
}

/** Article URLs from the portal's own sitemaps, spread evenly over the whole list. */
export async function articleUrls(base: string, count: number): Promise<string[]> {
  const index = await timedGet(`${base}/sitemap.xml`);
  const parts = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!).filter((u) => /sitemap-(bg|pl)-\d+\.xml$/.test(u));
  const all: string[] = [];
  for (const part of parts) {
    const xml = (await timedGet(base + new URL(part).pathname)).body;
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const p = new URL(m[1]!).pathname;
      if (/^\/(bg\/novini|pl\/aktualnosci)\/[^/]+\/$/.test(p)) all.push(p);
    }
  }
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}
