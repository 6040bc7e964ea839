// Issue 19, item 13: a truncated JPEG, a 60000×60000 header and a GIF polyglot were
// indexed; every resize request decoded them again and answered 500; a full disk left
// 0-byte .tmp files in the media cache. Now such a picture gets an editor message when
// indexing, its page shows its alt text instead of a broken image, the variant route
// answers 404 and remembers a failed decode, and a failed cache write leaves nothing.
import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatIssue } from "../../src/content/issues.js";
import { checkMediaDecode } from "../../src/content/picture-check.js";
import { createVariantStore, makeVariant, type CacheFs } from "../../src/media/variants.js";
import { copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const FOLDER = "bg/sredets/2026-11-21-schupeni-snimki";
const ARTICLE = `${FOLDER}/index.md`;
const BAD = "cannot be decoded (damaged, cut short or not really a JPEG, PNG, GIF or WebP) — open it in an image editor and export it again as JPEG or PNG";

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A well-formed PNG whose header claims 60000×60000 pixels (a decompression bomb's shape). */
function hugePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from("789c030000000001", "hex")),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const noise = (format: "png" | "jpeg") => {
  const image = sharp({ create: { width: 400, height: 200, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 30 } } });
  return image[format]().toBuffer();
};

let portal: TestPortal;
let goodJpeg: Buffer;
let damagedPng: Buffer;

beforeAll(async () => {
  goodJpeg = await noise("jpeg");
  // Whole structure (IHDR, IDAT, IEND), damaged compressed data: only decoding finds it.
  damagedPng = await noise("png");
  damagedPng.fill(0xff, damagedPng.indexOf("IDAT") + 40, damagedPng.indexOf("IDAT") + 400);
  const contentDir = copyFixture("content");
  const dir = path.join(contentDir, FOLDER);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "cut.jpg"), goodJpeg.subarray(0, Math.floor(goodJpeg.length / 2)));
  fs.writeFileSync(path.join(dir, "huge.png"), hugePng());
  // Starts like a GIF (its header gives 10799×10 pixels), is really a script.
  fs.writeFileSync(
    path.join(dir, "poly.gif"),
    Buffer.concat([Buffer.from("GIF89a/*\x0a\x00\x00\x00\x00", "latin1"), Buffer.from("*/=alert(document.domain);//", "latin1")]),
  );
  fs.writeFileSync(path.join(dir, "damaged.png"), damagedPng);
  fs.writeFileSync(
    path.join(dir, "index.md"),
    "---\ntitle: Счупени снимки\ndate: 2026-11-21\nimage:\n  src: cut.jpg\n  alt: Отрязана\n---\nТекст.\n\n![Огромна](huge.png)\n\n![Гиф](poly.gif)\n\n![Повредена](damaged.png)\n",
  );
  portal = await createTestPortal({ contentDir });
});
afterAll(() => portal.close());

describe("broken pictures when indexing", () => {
  it("are named with file, line and field", () => {
    expect(
      portal.index
        .issues()
        .filter((i) => i.file === ARTICLE)
        .map(formatIssue),
    ).toEqual([
      `${ARTICLE}:5: image.src: "cut.jpg" ${BAD}`,
      `${ARTICLE}:10: body: image "huge.png" has 60000×60000 pixels, too many to resize — export it at about 2500 px wide`,
      `${ARTICLE}:12: body: image "poly.gif" ${BAD}`,
    ]);
  });

  it("leave no broken image on the page: no cover, body pictures shown as their alt text", async () => {
    const page = await request(portal.app).get("/bg/novini/schupeni-snimki/");
    expect(page.status).toBe(200);
    for (const name of ["cut.jpg", "huge.png", "poly.gif"]) expect(page.text).not.toContain(name);
    expect(page.text).not.toContain('class="article-image"');
    expect(page.text).toContain('<span class="missing-image">Огромна</span>');
    expect(page.text).toContain('<span class="missing-image">Гиф</span>');
  });

  it("are not served: 404, never 500", async () => {
    for (const name of ["cut.jpg", "huge.png", "poly.gif"]) {
      for (const url of [`/media/${FOLDER}/${name}`, `/media-v/640/webp/${FOLDER}/${name}`, `/media-v/og/jpeg/${FOLDER}/${name}`]) {
        expect((await request(portal.app).get(url)).status, url).toBe(404);
      }
    }
  });

  it("npm run check names every one of them, the damaged data too", async () => {
    const own = (await checkMediaDecode(portal.contentDir)).filter((i) => i.file.startsWith(FOLDER)).map(formatIssue);
    expect(own).toEqual([
      `${FOLDER}/cut.jpg:1: file: "cut.jpg" ${BAD}`,
      `${FOLDER}/damaged.png:1: file: "damaged.png" ${BAD}`,
      `${FOLDER}/huge.png:1: file: "huge.png" has 60000×60000 pixels, too many to resize — export it at about 2500 px wide`,
      `${FOLDER}/poly.gif:1: file: "poly.gif" ${BAD}`,
    ]);
  });
});

describe("a picture that only decoding finds damaged", () => {
  it("answers 404 for its variants (not 500), every time", async () => {
    for (const url of [`/media-v/640/webp/${FOLDER}/damaged.png`, `/media-v/320/avif/${FOLDER}/damaged.png`, `/media-v/640/webp/${FOLDER}/damaged.png`]) {
      expect((await request(portal.app).get(url)).status, url).toBe(404);
    }
  });

  it("is decoded once: the failure is remembered, across a restart too", async () => {
    const dataDir = tempDir("data");
    const load = vi.fn(async () => damagedPng);
    const store = createVariantStore(dataDir);
    await expect(store.get("d1", load, 640, "webp")).rejects.toThrow(/cannot be decoded/);
    await expect(store.get("d1", load, 320, "avif")).rejects.toThrow(/failed to decode before/);
    await expect(createVariantStore(dataDir).get("d1", load, 960, "jpeg")).rejects.toThrow(/failed to decode before/);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe("the media cache on a full disk", () => {
  it("keeps no .tmp file, and the visitor still gets the picture", async () => {
    const dataDir = tempDir("data");
    // A write that fails half-way, as on a full disk (ENOSPC).
    const full: CacheFs = {
      writeFile: async (file, body) => {
        await fs.promises.writeFile(file, body.subarray(0, 0));
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
      rename: (from, to) => fs.promises.rename(from, to),
      rm: (file, options) => fs.promises.rm(file, options),
    };
    const problems: string[] = [];
    const store = createVariantStore(dataDir, { fs: full, onProblem: (event) => problems.push(event) });
    const variant = await store.get("g1", async () => goodJpeg, 320, "webp");
    expect((await sharp(variant.body).metadata()).width).toBe(320);
    expect(fs.readdirSync(path.join(dataDir, "media-cache"))).toEqual([]);
    expect(problems).toEqual(["cache-write-failed"]);
  });
});

describe("sharp's pixel limit", () => {
  it("bounds decoding: a 60000×60000 picture is refused before any pixel is allocated", async () => {
    await expect(makeVariant(hugePng(), 320, "webp")).rejects.toThrow(/pixel limit/);
  });
});
