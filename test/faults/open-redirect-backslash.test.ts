// Fault (issue 19, item 2): `GET /\evil.example/x` answered `301 Location: /\evil.example/x/`,
// which browsers resolve to http://evil.example/x/. Every Location the portal builds must
// stay on this site, or the request is refused with 400. The request lines are written on
// a socket byte for byte: fetch and supertest would normalise the paths before sending.
import net from "node:net";
import type { AddressInfo } from "node:net";
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
let server: http.Server;
let port: number;

beforeAll(async () => {
  portal = await createTestPortal();
  server = http.createServer(portal.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  portal.close();
});

/** Sends `GET <target> HTTP/1.1` exactly as given; resolves with the status and Location. */
function rawGet(target: string): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer for ${JSON.stringify(target)}`)));
    socket.on("data", (chunk: Buffer) => (data += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      const location = /\r\nlocation: ([^\r]*)\r\n/i.exec(data)?.[1] ?? null;
      resolve({ status, location });
    });
    socket.end(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: portal.test\r\nConnection: close\r\n\r\n`, "latin1"));
  });
}

// Backslashes, doubled slashes, their percent-encoded forms, tabs and newlines that
// browsers strip, upper case (so the canonical redirect fires), and every mix of them.
const HOSTILE = [
  "/\\evil.example/x",
  "/\\evil.example",
  "/\\\\evil.example/x",
  "/\\/evil.example/x",
  "//evil.example/x",
  "///evil.example/x",
  "//\\evil.example",
  "/\\EVIL.example/X",
  "/%5Cevil.example/x",
  "/%5cevil.example",
  "/%5C%5Cevil.example/",
  "/%2F%2Fevil.example/x",
  "/%2fevil.example",
  "/%2F/evil.example",
  "/\\%2Fevil.example",
  "/%09/evil.example",
  "/%0D%0A/evil.example",
  "/\t/evil.example",
  "/\\\t\\evil.example",
  "/.\\evil.example",
  "/./\\evil.example",
  "/BG/\\evil.example",
  "/bg\\evil.example",
  "/Bg//\\evil.example",
  "/\\evil.example/x?y=1",
  "/\\evil.example/x?next=//evil.example",
  "/\\evil.example:80/x",
  "/\\@evil.example",
  "/\\\\evil.example\\x.xml",
  "/bg/novini/\\evil.example",
  "/\\u0000evil",
  "/\u00a0/evil.example",
  "//",
  "/\\",
];

describe("canonical and other redirects never leave the site", () => {
  it("answers every hostile path with a path on this site or a 4xx", async () => {
    for (const target of HOSTILE) {
      const { status, location } = await rawGet(target);
      expect(status, target).toBeGreaterThanOrEqual(300);
      expect(status, target).toBeLessThan(500);
      if (status >= 400) continue;
      expect(location, target).not.toBeNull();
      // What a browser does with it: resolve against the page's address.
      const resolved = new URL(location!, "http://portal.test/some/page/");
      expect(resolved.host, `${target} → ${location}`).toBe("portal.test");
      expect(location, target).toMatch(/^\/(?![/\\])/);
    }
  });

  it("holds for random paths built from slashes, backslashes, their encodings and upper case (property)", async () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      "%5C",
      "%5c",
      "%2F",
      "%2f",
      "%09",
      "%00",
      ".",
      "..",
      "EVIL.example",
      "evil.example",
      "Bg",
      "bg",
      "novini",
      "@",
      ":",
      "x.xml",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const target = `/${pieces.join("")}`;
        const { status, location } = await rawGet(target);
        expect(status, target).toBeLessThan(500);
        if (status >= 300 && status < 400) {
          expect(new URL(location!, "http://portal.test/").host, `${target} → ${location}`).toBe("portal.test");
          expect(location, target).toMatch(/^\/(?![/\\])/);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("refuses /\\evil.example/x with 400 instead of redirecting", async () => {
    expect(await rawGet("/\\evil.example/x")).toEqual({ status: 400, location: null });
  });

  it("still redirects ordinary non-canonical paths", async () => {
    expect(await rawGet("/BG/Novini")).toEqual({ status: 301, location: "/bg/novini/" });
    expect(await rawGet("//bg//novini?page=2")).toEqual({ status: 301, location: "/bg/novini/?page=2" });
  });
});
