// Issue 19, item 12 ("answers 503 at start"): the server used to listen only once the
// index was built, so during a cold build (or the rebuild of a damaged index file) every
// connection was refused and a load balancer could not tell a starting replica from a
// dead one. It now listens first: /healthz answers 200, every other request 503 with
// Retry-After and no-store, until the index is ready; then the pages are served.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { ROOT, startBuilt, type BuiltServer } from "./harness.js";

const EXTRA = 3000;
let server: BuiltServer | undefined;
afterEach(async () => {
  await server?.stop("SIGKILL");
  server = undefined;
});

it("starting-answers-503: while the index is built the server answers 503 with Retry-After, /healthz 200, then serves", async () => {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-starting-"));
  fs.cpSync(path.join(ROOT, "test/fixtures/content"), contentDir, { recursive: true });
  const body = "Общинският съвет прие решение за ремонт на улицата. ".repeat(30);
  for (let i = 1; i <= EXTRA; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    fs.writeFileSync(
      path.join(contentDir, `bg/sredets/2026-02-${day}-saobshtenie-${i}.md`),
      `---\ntitle: "Съобщение номер ${i}"\ndate: 2026-02-${day}\nslug: saobshtenie-${i}\n---\n${body}\n`,
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-starting-data-"));
  server = await startBuilt({ contentDir, dataDir, waitFor: "alive" });

  const seen = new Set<number>();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await fetch(`${server.url}/bg/novini/saobshtenie-1/`);
    await page.arrayBuffer();
    seen.add(page.status);
    if (page.status === 200) break;
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const alive = await fetch(`${server.url}/healthz`);
    expect(alive.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    await ready.arrayBuffer();
    expect(ready.status).toBe(503);
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 20));
  }
  // 3,000 articles take far longer to build than the first request needs to arrive.
  expect(seen.has(503)).toBe(true);
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
});
