// src/media/image-size.ts: the size of a picture from its header alone, and null (never
// an exception) for bytes that are not a readable JPEG, PNG, GIF or WebP.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageSize } from "../../src/media/image-size.js";
import { FIXTURES } from "../helpers/app.js";

const make = (format: "jpeg" | "png" | "gif" | "webp", width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 100, b: 50 } } })
    .toFormat(format)
    .toBuffer();

describe("imageSize", () => {
  it.each(["jpeg", "png", "gif", "webp"] as const)("reads the width and height of a %s", async (format) => {
    expect(imageSize(await make(format, 37, 21))).toMatchObject({ width: 37, height: 21, format });
  });

  it("reads a lossless WebP (VP8L) as well", async () => {
    const b = await sharp({ create: { width: 300, height: 7, channels: 4, background: "#00000000" } })
      .webp({ lossless: true })
      .toBuffer();
    expect(imageSize(b)).toMatchObject({ width: 300, height: 7, format: "webp" });
  });

  it("reads the fixture photos as sharp does", async () => {
    const file = path.join(FIXTURES, "content/bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg");
    const meta = await sharp(file).metadata();
    expect(imageSize(fs.readFileSync(file))).toMatchObject({ width: meta.width, height: meta.height, format: "jpeg" });
  });

  it("gives null for truncated headers and other files, without throwing", async () => {
    const jpeg = await make("jpeg", 10, 10);
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from("GIF8"),
      jpeg.subarray(0, 12),
      Buffer.from("%PDF-1.7\n"),
      Buffer.from("RIFF\0\0\0\0WEBPVP8Z" + "\0".repeat(20)),
    ]) {
      expect(imageSize(bytes)).toBeNull();
    }
  });
});
