// Fault injection (issue 19, item 1, media variant): clients that ask for a large original
// picture and never read it. /media/<path> read the whole file into a Buffer per request,
// and Buffers live outside the JavaScript heap, so `--max-old-space-size` did not bound
// them: 150 connections each asking once for a 10 MB picture took the built server from
// 120 MB to 1.7 GB, and 300 at once right after a start each read and hashed the original,
// leaving /healthz silent for over 5 s. Now originals are streamed from the checked
// descriptor and requests that meet the same unverified file share one check.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, eventually, startBuilt, type BuiltServer } from "./harness.js";

const SOCKETS = 150;
const RSS_BOUND_MB = 400;
const ARTICLE = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite";

let server: BuiltServer;
let tmp: string;
let pictureBytes = 0;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "portal-unread-pictures-"));
  const content = path.join(tmp, "content");
  fs.cpSync(path.join(ROOT, "test/fixtures/content"), content, { recursive: true });
  // Noise does not compress: a 3000×2500 JPEG at quality 100 is about 10 MB (the limit is 20 MB).
  const w = 3000;
  const h = 2500;
  const noise = Buffer.alloc(w * h * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const big = await sharp(noise, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
  pictureBytes = big.length;
  fs.writeFileSync(path.join(content, ARTICLE, "big.jpg"), big);
  const md = path.join(content, ARTICLE, "index.md");
  fs.writeFileSync(md, fs.readFileSync(md, "utf8").replace("zala.jpg", "big.jpg"));
  const dataDir = path.join(tmp, "data");
  fs.mkdirSync(dataDir);
  server = await startBuilt({ contentDir: content, dataDir, nodeArgs: ["--max-old-space-size=512", "--max-semi-space-size=8"] });
}, 60_000);

afterAll(async () => {
  await server?.stop("SIGKILL");
  fs.rmSync(tmp, { recursive: true, force: true });
});

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

describe("unread-large-pictures (built server)", () => {
  it("keeps memory bounded when many clients ask for a 10 MB picture and never read it", async () => {
    expect(pictureBytes).toBeGreaterThan(8 * 1024 * 1024);
    const url = `/media/${ARTICLE}/big.jpg`;
    const sockets = Array.from({ length: SOCKETS }, () => {
      const s = net.connect(server.port, "127.0.0.1");
      s.on("error", () => undefined);
      s.pause(); // never read
      s.write(`GET ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      return s;
    });
    let peak = 0;
    for (let i = 0; i < 30; i++) {
      peak = Math.max(peak, rssMb(server.child.pid!));
      await new Promise((r) => setTimeout(r, 100));
    }
    const healthz = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    for (const s of sockets) s.destroy();
    console.log(`unread-large-pictures: peak RSS ${Math.round(peak)} MB with ${SOCKETS} unread 10 MB pictures`);
    expect(healthz.status).toBe(200);
    expect(peak).toBeLessThan(RSS_BOUND_MB);
    await eventually(
      async () => {
        const ready = (await fetch(`${server.url}/readyz`).then((r) => r.json())) as { inFlight?: number };
        return ready.inFlight === 0 ? true : undefined;
      },
      5_000,
      "/readyz to show nothing in flight",
    );
    // A reader that does read gets the whole picture, and its variants still work.
    const whole = await fetch(`${server.url}${url}`);
    expect(whole.status).toBe(200);
    expect(Number(whole.headers.get("content-length"))).toBe(pictureBytes);
    expect((await whole.arrayBuffer()).byteLength).toBe(pictureBytes);
    const head = await fetch(`${server.url}${url}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    const variant = await fetch(`${server.url}/media-v/320/webp/${ARTICLE}/big.jpg`);
    expect(variant.status).toBe(200);
    expect(variant.headers.get("content-type")).toBe("image/webp");
  }, 60_000);
});
