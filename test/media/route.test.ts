// /media-v/<w>/<format>/<path>: resized variants of indexed pictures, cached on disk.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeVariant } from "../../src/media/variants.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

const PIC = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite/zala.jpg";
const buffer = (res: request.Response) => res.body as Buffer;
const get = (url: string) =>
  request(portal.app)
    .get(url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => cb(null, Buffer.concat(chunks)));
    });
const cacheFiles = () => fs.readdirSync(path.join(portal.dataDir, "media-cache")).filter((f) => !f.endsWith(".tmp"));

describe("picture variants", () => {
  it("serves a 640 px WebP of an article picture, then the same bytes from the disk cache", async () => {
    const first = await get(`/media-v/640/webp/${PIC}`);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("image/webp");
    const meta = await sharp(buffer(first)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 640, 360]);
    const [file] = cacheFiles().filter((f) => f.endsWith("-640.webp"));
    expect(file).toMatch(/^[0-9a-f]{20}-640\.webp$/);
    const made = fs.statSync(path.join(portal.dataDir, "media-cache", file!)).mtimeMs;
    const again = await get(`/media-v/640/webp/${PIC}`);
    expect(buffer(again).equals(buffer(first))).toBe(true);
    expect(fs.statSync(path.join(portal.dataDir, "media-cache", file!)).mtimeMs).toBe(made);
    const cached = await get(`/media-v/640/webp/${PIC}`).set("If-None-Match", String(first.headers.etag));
    expect(cached.status).toBe(304);
  });

  it("makes AVIF, and a 1200×630 JPEG cover crop for og:image", async () => {
    const avif = await get(`/media-v/320/avif/${PIC}`);
    expect(avif.headers["content-type"]).toBe("image/avif");
    expect((await sharp(buffer(avif)).metadata()).width).toBe(320);
    const og = await get(`/media-v/og/jpeg/${PIC}`);
    const meta = await sharp(buffer(og)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1200, 630]);
  });

  it("answers 400 for a width or format outside the lists, 404 for pictures no article uses", async () => {
    for (const url of [`/media-v/500/webp/${PIC}`, `/media-v/640/gif/${PIC}`, `/media-v/0640/webp/${PIC}`, `/media-v/1e3/jpeg/${PIC}`]) {
      expect((await get(url)).status, url).toBe(400);
    }
    expect((await get("/media-v/640/webp/bg/sredets/nothing.jpg")).status).toBe(404);
    expect((await get("/media-v/640/webp/../content/districts/sredets.yml")).status).toBe(404);
    expect(cacheFiles().some((f) => f.includes("-500."))).toBe(false);
  });

  it("still serves the original at /media/", async () => {
    const res = await get(`/media/${PIC}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    expect(buffer(res).equals(fs.readFileSync(path.join(portal.contentDir, PIC)))).toBe(true);
  });

  it("never enlarges a small picture", async () => {
    const small = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    const out = await makeVariant(small, 640, "webp");
    expect((await sharp(out).metadata()).width).toBe(200);
  });
});

describe("the article page", () => {
  it("shows the hero picture with AVIF/WebP sources, eager and high priority", async () => {
    const res = await request(portal.app).get("/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/");
    const figure = /<figure class="article-image">[\s\S]*?<\/figure>/.exec(res.text)?.[0] ?? "";
    expect(figure).toContain('<source type="image/avif" srcset="/media-v/320/avif/');
    expect(figure).toMatch(
      /<img src="\/media-v\/960\/jpeg\/[^"]+" srcset="[^"]+ 1280w" sizes="[^"]+" alt="[^"]+" width="1400" height="788" decoding="async" fetchpriority="high">/,
    );
    expect(figure).not.toContain('loading="lazy"');
  });
});
