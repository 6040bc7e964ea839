// Limits of the listening server: a slowloris client that trickles header bytes is cut
// off within seconds, oversized headers get 431, idle keep-alive connections close.
import net from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, startServer, type RunningServer } from "../../src/server/listen.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

const silent = pino({ level: "silent" });
const LIMITS = { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 500, connectionsCheckingIntervalMs: 100 };

let portal: TestPortal;
let running: RunningServer;

beforeAll(async () => {
  portal = await createTestPortal();
  running = await startServer(portal.app, { port: 0, host: "127.0.0.1", env: "test" }, silent, { limits: LIMITS });
});

afterAll(async () => {
  await running?.close();
  portal?.close();
});

interface Outcome {
  readonly data: string;
  /** Milliseconds from connecting until the server closed the socket. */
  readonly closedAfterMs: number;
}

/** Connects, runs `talk`, and resolves when the server closes the socket (or rejects after `giveUpMs`). */
function converse(talk: (socket: net.Socket) => void, giveUpMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(running.port, "127.0.0.1");
    let data = "";
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`socket still open after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on("data", (chunk: Buffer) => (data += chunk.toString("latin1")));
    socket.on("error", () => undefined); // a reset is one way of being cut off
    socket.on("close", () => {
      clearTimeout(giveUp);
      resolve({ data, closedAfterMs: Date.now() - started });
    });
    socket.on("connect", () => talk(socket));
  });
}

describe("slow and oversized requests", () => {
  it("cuts off a slowloris client that keeps trickling header lines", async () => {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await converse((socket) => {
      socket.write("GET /bg/ HTTP/1.1\r\nHost: localhost\r\n");
      let n = 0;
      timer = setInterval(() => {
        if (!socket.destroyed) socket.write(`X-Slow-${n++}: a\r\n`);
      }, 200);
    }, 6_000).finally(() => clearInterval(timer));
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + 1_500);
    expect(outcome.data).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it("cuts off a client that sends a partial request line and then nothing", async () => {
    const outcome = await converse((socket) => socket.write("GET /bg/ HT"), 6_000);
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + 1_500);
  });

  it("answers 431 to a 16 KB header", async () => {
    const outcome = await converse((socket) => {
      socket.write(`GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(16 * 1024)}\r\n\r\n`);
    }, 5_000);
    expect(outcome.data).toMatch(/^HTTP\/1\.1 431 /);
  });

  it("still serves a normal request, then closes the idle keep-alive connection", async () => {
    const outcome = await converse((socket) => {
      socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
    }, 5_000);
    expect(outcome.data).toMatch(/^HTTP\/1\.1 200 /);
    expect(outcome.data).toContain('{"status":"ok"}');
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(LIMITS.keepAliveTimeoutMs - 50);
    // Newer Node versions wait up to a further second (keepAliveTimeoutBuffer).
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.keepAliveTimeoutMs + 2_500);
  });
});

describe("the production limits", () => {
  it("are applied to the server and stop a slowloris client within about ten seconds", async () => {
    const server = await startServer(portal.app, { port: 0, host: "127.0.0.1", env: "test" }, silent);
    try {
      expect(server.server.headersTimeout).toBe(DEFAULT_LIMITS.headersTimeoutMs);
      expect(server.server.requestTimeout).toBe(DEFAULT_LIMITS.requestTimeoutMs);
      expect(server.server.keepAliveTimeout).toBe(DEFAULT_LIMITS.keepAliveTimeoutMs);
    } finally {
      await server.close();
    }
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(DEFAULT_LIMITS.connectionsCheckingIntervalMs).toBeLessThanOrEqual(1_000);
    expect(DEFAULT_LIMITS.requestTimeoutMs).toBeGreaterThan(DEFAULT_LIMITS.headersTimeoutMs);
    expect(DEFAULT_LIMITS.maxHeaderSize).toBeLessThanOrEqual(16 * 1024);
  });
});
