// Graceful shutdown: readiness turns 503, no new connections are taken, every request
// already accepted completes, idle keep-alive connections close, and the real process
// exits 0 on SIGTERM within a bounded time.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import pino from "pino";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/listen.js";
import { copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const silent = pino({ level: "silent" });
let portal: TestPortal | undefined;

afterEach(() => portal?.close());

type Result = { ok: true; status: number } | { ok: false; code: string };

function get(port: number, agent: http.Agent, p: string): Promise<Result> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: p, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ok: true, status: res.statusCode ?? 0 }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code ?? e.message }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code ?? e.message }));
  });
}

describe("close()", () => {
  it("finishes every accepted request while 200 run concurrently, then stops", async () => {
    portal = await createTestPortal();
    // Requests take a while, so that many are in flight when closing starts.
    let accepted = 0;
    const slow = express();
    slow.use((_req, _res, next) => {
      accepted++;
      setTimeout(next, 40);
    });
    slow.use(portal.app);
    const running = await startServer(slow, { port: 0, host: "127.0.0.1", env: "test" }, silent, { state: portal.state });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 25 });
    const urls = ["/bg/", "/bg/novini/", "/pl/aktualnosci/", "/healthz", "/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/"];
    let done = 0;
    let closed: Promise<void> | undefined;
    let closeStarted = 0;
    const all = Array.from({ length: 200 }, (_, i) =>
      get(running.port, agent, urls[i % urls.length]!).then((r) => {
        if (++done === 60) {
          closeStarted = Date.now();
          closed = running.close();
        }
        return r;
      }),
    );
    const results = await Promise.all(all);
    await closed;
    const closeMs = Date.now() - closeStarted;
    agent.destroy();

    const succeeded = results.filter((r) => r.ok);
    const failed = results.filter((r): r is { ok: false; code: string } => !r.ok);
    // Every request that reached the app was answered in full, and with success.
    expect(succeeded.length).toBe(accepted);
    expect(succeeded.every((r) => r.ok && r.status === 200)).toBe(true);
    // The rest were turned away at the door, never half-served.
    for (const f of failed) expect(["ECONNREFUSED", "ECONNRESET", "socket hang up"]).toContain(f.code);
    expect(succeeded.length).toBeGreaterThanOrEqual(60);
    expect(failed.length).toBeGreaterThan(0);
    expect(closeMs).toBeLessThan(3_000);

    expect(portal.state.ready).toBe(false);
    const ready = await request(portal.app).get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect((await get(running.port, new http.Agent(), "/healthz")).ok).toBe(false);
  });

  it("closes idle keep-alive connections at once and cuts a hung request after the grace period", async () => {
    portal = await createTestPortal();
    const hang = express();
    hang.get("/hang", () => undefined); // never answers
    hang.use(portal.app);
    const running = await startServer(hang, { port: 0, host: "127.0.0.1", env: "test" }, silent, { limits: { shutdownTimeoutMs: 500 } });
    const agent = new http.Agent({ keepAlive: true });
    expect(await get(running.port, agent, "/healthz")).toEqual({ ok: true, status: 200 });
    const hung = get(running.port, new http.Agent(), "/hang");
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect((await hung).ok).toBe(false);
    agent.destroy();
  });
});

describe("the real process", () => {
  it("exits 0 within 10 s of SIGTERM, logging the signal and the close", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: "0",
        HOST: "127.0.0.1",
        BASE_URL: "http://localhost",
        CONTENT_DIR: copyFixture("content"),
        DATA_DIR: tempDir("data"),
        WATCH: "false",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" and "serving" lines in 20 s:\n${out}`)), 20_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        // The server listens before the index is built (503 meanwhile); "portal serving" is ready.
        const m = /"port":(\d+)/.exec(out);
        if (m && out.includes("portal serving")) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on("exit", (code) => reject(new Error(`exited early (${code}):\n${out}`)));
    });
    const agent = new http.Agent({ keepAlive: true });
    expect(await get(port, agent, "/readyz")).toEqual({ ok: true, status: 200 });
    expect(await get(port, agent, "/bg/")).toEqual({ ok: true, status: 200 });

    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000))]);
    if (code === "timeout") child.kill("SIGKILL");
    agent.destroy();
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out).toContain('"signal":"SIGTERM"');
    expect(out).toContain('"msg":"closed"');
  }, 40_000);
});
