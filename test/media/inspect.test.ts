// inspectPicture: the structural check that keeps cut, oversized and fake pictures out of the index.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { inspectPicture } from "../../src/media/inspect.js";

const make = (format: "jpeg" | "png" | "gif" | "webp") => {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 30 } } });
  return image[format]().toBuffer();
};
const pictures: Record<string, Buffer> = {};

beforeAll(async () => {
  for (const f of ["jpeg", "png", "gif", "webp"] as const) pictures[f] = await make(f);
});

describe("inspectPicture", () => {
  it.each(["jpeg", "png", "gif", "webp"])("accepts a whole %s, and refuses it cut short", (format) => {
    const whole = pictures[format]!;
    expect(inspectPicture(whole)).toEqual({ ok: true, size: { width: 64, height: 48, format } });
    expect(inspectPicture(whole.subarray(0, Math.floor(whole.length * 0.8)))).toEqual({ ok: false, fault: { kind: "undecodable" } });
  });

  it("accepts data after a JPEG's end (a Motion Photo's video)", () => {
    expect(inspectPicture(Buffer.concat([pictures.jpeg!, Buffer.from("ftypmp42 video")])).ok).toBe(true);
  });

  it("is not fooled by an EXIF thumbnail's end marker when the picture itself is cut", () => {
    const jpeg = pictures.jpeg!;
    const thumbnail = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x11, 0xff, 0xd9]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, thumbnail.length + 2]), thumbnail]);
    const withThumbnail = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
    expect(inspectPicture(withThumbnail).ok).toBe(true);
    expect(inspectPicture(withThumbnail.subarray(0, withThumbnail.length - 200)).ok).toBe(false);
  });
});
