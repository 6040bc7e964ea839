// Fault (issue 19, item 6): the search rate limit was counted per process. With WORKERS=2,
// 120 of 200 searches passed a limit of 60; with TRUST_PROXY=true, rotating the
// X-Forwarded-For that a client sends passed 100 of 100, even though nginx appends the
// real address. Must hold: the limit is per client across all workers of a host, and
// behind a proxy only the address that the trusted proxy added counts. Each request
// opens its own connection, so the cluster hands them to both workers.
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { copyFixture, tempDir } from "../../helpers/app.js";
import { eventually, startBuilt, type BuiltServer } from "./harness.js";

const LIMIT = 60;
const running: BuiltServer[] = [];

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
});

async function start(env: Record<string, string>): Promise<BuiltServer> {
  const server = await startBuilt({
    contentDir: copyFixture("content"),
    dataDir: tempDir("data"),
    env: { WORKERS: "2", SEARCH_RATE_LIMIT: String(LIMIT), ...env },
  });
  running.push(server);
  return server;
}

/** One search on a fresh connection; resolves with the status. */
function search(server: BuiltServer, headers: Record<string, string> = {}): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: server.port, path: "/bg/tarsene/?q=sofia", headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error("search timed out")));
    req.on("error", reject);
  });
}

/** Sends `n` searches, 10 at a time; counts the answers by status. */
async function flood(server: BuiltServer, n: number, headers: (i: number) => Record<string, string>): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => search(server, headers(i + j)))).catch((cause: unknown) => {
      throw new Error(`search ${i} failed; the server said:\n${server.output()}`, { cause });
    });
    for (const { status } of batch) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

/** Waits until the search index answers (the primary fills it after the start). */
async function searchReady(server: BuiltServer, headers: Record<string, string>): Promise<void> {
  const answered = () =>
    search(server, headers).then(
      (r) => r.status === 200,
      () => false,
    );
  await eventually(async () => ((await answered()) ? true : undefined), 20_000, "the first search");
}

describe("the search rate limit holds across the workers of a host", () => {
  it("lets at most SEARCH_RATE_LIMIT of 200 searches from one client through two workers", async () => {
    const server = await start({});
    await searchReady(server, {});
    const counts = await flood(server, 200, () => ({}));
    if (process.env.SHOW_COUNTS) console.log("one client, 200 searches:", Object.fromEntries(counts));
    // The first search (searchReady) counted too.
    expect((counts.get(200) ?? 0) + 1).toBeLessThanOrEqual(LIMIT);
    expect(counts.get(429) ?? 0).toBeGreaterThanOrEqual(200 - LIMIT);
    expect([...counts.keys()].filter((s) => s !== 200 && s !== 429)).toEqual([]);
  });

  it("behind nginx (TRUST_PROXY=1), rotating the client-sent X-Forwarded-For does not help", async () => {
    const server = await start({ TRUST_PROXY: "1" });
    const real = "198.51.100.7";
    // What nginx sends with $proxy_add_x_forwarded_for: what the client wrote, then the address it saw.
    const forwarded = (i: number) => ({ "X-Forwarded-For": `203.0.113.${i % 250}, 10.${i}.0.1, ${real}` });
    await searchReady(server, forwarded(999));
    const counts = await flood(server, 100, forwarded);
    if (process.env.SHOW_COUNTS) console.log("rotating X-Forwarded-For, 100 searches:", Object.fromEntries(counts));
    expect((counts.get(200) ?? 0) + 1).toBeLessThanOrEqual(LIMIT);
    expect(counts.get(429) ?? 0).toBeGreaterThanOrEqual(100 - LIMIT);
    // Another reader behind the same proxy is a different client, not blocked.
    expect((await search(server, { "X-Forwarded-For": `203.0.113.1, 198.51.100.8` })).status).toBe(200);
  });

  it("refuses TRUST_PROXY=true, which would take the client's own X-Forwarded-For entry", async () => {
    const dataDir = tempDir("data");
    const server = await startBuilt({ contentDir: copyFixture("content"), dataDir, env: { TRUST_PROXY: "true" }, waitHealthy: false });
    running.push(server);
    const stillRunning = new Promise((resolve) => setTimeout(() => resolve("still running"), 15_000).unref());
    expect(await Promise.race([server.exited, stillRunning])).toBe(2);
    expect(server.output()).toMatch(/TRUST_PROXY: trusts every X-Forwarded-For entry/);
  });
});
