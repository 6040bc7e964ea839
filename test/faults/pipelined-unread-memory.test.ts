// Regression (issue 19, item 1): pipelined requests that are never read exhausted memory.
// 20 sockets × 200 pipelined feed requests, never read: every feed was rendered and held,
// and kept after the sockets closed (inFlight stayed in the thousands). Now a connection
// is answered one request at a time, a client too far ahead is disconnected, and a closed
// connection leaves nothing in flight.
import net from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, startServer, type RunningServer } from "../../src/server/listen.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
let running: RunningServer;
let rendered = 0;

beforeAll(async () => {
  portal = await createTestPortal();
  running = await startServer(
    (req, res) => {
      if (req.url === "/bg/atom.xml") rendered++;
      portal.handle(req, res);
    },
    { port: 0, host: "127.0.0.1", env: "test" },
    pino({ level: "silent" }),
    { state: portal.state },
  );
});

afterAll(async () => {
  await running?.close();
  portal?.close();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens `sockets` connections that each pipeline `count` requests and never read. */
function unreadPipelines(sockets: number, count: number, path: string): net.Socket[] {
  const burst = `GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`.repeat(count);
  return Array.from({ length: sockets }, () => {
    const s = net.connect(running.port, "127.0.0.1");
    s.on("error", () => undefined);
    s.pause(); // never read
    s.write(burst);
    return s;
  });
}

describe("pipelined-unread-memory", () => {
  it("renders a bounded number of answers for clients that pipeline and never read, and forgets them once they close", async () => {
    rendered = 0;
    const sockets = unreadPipelines(20, 200, "/bg/atom.xml");
    await wait(1_500);
    // At most the answer in progress plus the allowed queue per connection, not 4,000.
    expect(DEFAULT_LIMITS.maxPipelined).toBeLessThanOrEqual(16);
    expect(rendered).toBeLessThanOrEqual(20 * 17);
    for (const s of sockets) s.destroy();
    await wait(300);
    expect(running.inFlight()).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${running.port}/readyz`).then((r) => r.json() as Promise<{ inFlight: number }>);
    expect(ready.inFlight).toBe(0);
  });

  it("still answers a client that pipelines a few requests and reads them, in order", async () => {
    const paths = ["/healthz", "/bg/atom.xml", "/healthz"];
    const s = net.connect(running.port, "127.0.0.1");
    let data = "";
    s.on("data", (c: Buffer) => (data += c.toString("latin1")));
    s.write(
      paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: localhost\r\n\r\n`).join("") + "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    await new Promise((r) => s.on("close", r));
    const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]);
    expect(statuses).toEqual(["200", "200", "200", "200"]);
    expect(data.indexOf("<feed")).toBeGreaterThan(data.indexOf('{"status":"ok"}'));
  });
});
