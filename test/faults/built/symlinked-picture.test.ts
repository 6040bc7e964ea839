// Issue 19, item 8, against the built server: a picture swapped for a link to
// /proc/self/environ after indexing served the server's environment as image/png, and
// still did after a warm restart. Here: every URL of the picture answers 404 without
// a byte of the environment, before and after a restart with the same DATA_DIR.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VARIANT_FORMATS, VARIANT_WIDTHS } from "../../../src/site/media-urls.js";
import { copyFixture, tempDir } from "../../helpers/app.js";
import { startBuilt, type BuiltServer } from "./harness.js";

const PIC = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite/zala.jpg";
const URLS = [`/media/${PIC}`, ...[...VARIANT_WIDTHS, "og"].flatMap((w) => VARIANT_FORMATS.map((f) => `/media-v/${w}/${f}/${PIC}`))];
const contentDir = copyFixture("content");
const dataDir = tempDir("data");
let server: BuiltServer | null = null;

afterAll(async () => {
  await server?.stop();
});

async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`${server!.url}${url}`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: Buffer.from(await res.arrayBuffer()).toString("latin1") };
}

async function expectNoEnvironment(): Promise<void> {
  for (const url of URLS) {
    const res = await get(url);
    expect(res.status, url).toBe(404);
    expect(res.type, url).not.toMatch(/^image\//);
    expect(res.body, url).not.toMatch(/PATH=|CONTENT_DIR=|DATA_DIR=|PORT=/);
    expect(res.body, url).not.toContain(dataDir);
  }
}

describe("the built server, a picture swapped for a link to /proc/self/environ", () => {
  it("answers 404 for the picture and every variant, also after a warm restart", async () => {
    server = await startBuilt({ contentDir, dataDir });
    // Served, and a variant cached on disk, before the swap.
    expect((await get(`/media/${PIC}`)).status).toBe(200);
    expect((await get(`/media-v/640/webp/${PIC}`)).status).toBe(200);

    const file = path.join(contentDir, PIC);
    fs.rmSync(file);
    fs.symlinkSync("/proc/self/environ", file);
    await expectNoEnvironment();

    expect(await server.stop()).toBe(0);
    server = await startBuilt({ contentDir, dataDir });
    await expectNoEnvironment();
  });
});
