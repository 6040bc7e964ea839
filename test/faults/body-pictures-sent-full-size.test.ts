// Fault (issue 22): pictures inside the article text were sent at full size (a 1600×1000
// original to a 375 px phone); only the lead picture had AVIF/WebP variants. And (issue
// 20 item 12) a 400×300 JPEG with EXIF orientation 6 was recorded as 400×300 while its
// variants are served upright, 300×400 (wrong width/height: layout shift). Must hold: a
// body picture gets the lead picture's <picture> (AVIF, WebP, srcset, sizes, width,
// height, lazy), and the recorded size of a turned photo is the upright one.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageSize } from "../../src/media/image-size.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

const BUNDLE = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite";
const URL = "/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/";
let portal: TestPortal;
let turned: Buffer;

beforeAll(async () => {
  const dir = copyFixture("content");
  const bundle = path.join(dir, BUNDLE);
  const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  await solid(1600, 1000).jpeg().toFile(path.join(bundle, "shiroka.jpg"));
  turned = await solid(400, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  fs.writeFileSync(path.join(bundle, "portret.jpg"), turned);
  fs.appendFileSync(path.join(bundle, "index.md"), "\n![Широка снимка на залата](shiroka.jpg)\n\nТекст с ![портрет](portret.jpg) вътре.\n");
  portal = await createTestPortal({ contentDir: dir });
});
afterAll(() => portal.close());

const bodyOf = (html: string) => /<div class="prose[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? html;

describe("pictures in the article body are responsive", () => {
  it("gives a body picture AVIF and WebP sources, srcset, sizes, width, height and lazy loading", async () => {
    const res = await request(portal.app).get(URL);
    expect(res.status).toBe(200);
    const picture = /<picture>(?:(?!<\/picture>)[\s\S])*?shiroka\.jpg[\s\S]*?<\/picture>/.exec(res.text)?.[0] ?? "";
    expect(picture).toContain(
      `<source type="image/avif" srcset="/media-v/320/avif/${BUNDLE}/shiroka.jpg 320w, /media-v/640/avif/${BUNDLE}/shiroka.jpg 640w, /media-v/960/avif/${BUNDLE}/shiroka.jpg 960w, /media-v/1280/avif/${BUNDLE}/shiroka.jpg 1280w"`,
    );
    expect(picture).toContain('<source type="image/webp"');
    expect(picture).toMatch(
      /<img src="\/media-v\/960\/jpeg\/[^"]+shiroka\.jpg" srcset="[^"]+ 320w,[^"]+" sizes="[^"]+" alt="Широка снимка на залата" width="1600" height="1000" loading="lazy" decoding="async">/,
    );
    // The 1600 px original is never what the page asks for.
    expect(bodyOf(res.text)).not.toContain(`src="/media/${BUNDLE}/shiroka.jpg"`);
  });

  it("a 320 px variant of a body picture is 320 px wide", async () => {
    const res = await request(portal.app).get(`/media-v/320/webp/${BUNDLE}/shiroka.jpg`).responseType("blob");
    expect(res.status).toBe(200);
    expect((await sharp(res.body as Buffer).metadata()).width).toBe(320);
  });
});

describe("EXIF orientation", () => {
  it("records a 400×300 JPEG with orientation 6 as 300×400", () => {
    expect(imageSize(turned)).toEqual({ width: 300, height: 400, format: "jpeg" });
  });

  it("gives the page the upright size, and the variant is upright", async () => {
    const res = await request(portal.app).get(URL);
    expect(res.text).toMatch(/alt="портрет" width="300" height="400"/);
    const variant = await request(portal.app).get(`/media-v/320/jpeg/${BUNDLE}/portret.jpg`).responseType("blob");
    const meta = await sharp(variant.body as Buffer).metadata();
    expect([meta.width, meta.height]).toEqual([300, 400]);
  });
});
