// checkMedia / checkMediaDecode: oversized and undecodable pictures are reported for `npm run check`.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/content/issues.js";
import { checkMedia, checkMediaDecode } from "../../src/content/picture-check.js";
import { tempDir } from "../helpers/app.js";

const FIX = "open it in an image editor and export it again as JPEG or PNG";
const BAD = (name: string) => `"${name}" cannot be decoded (damaged, cut short or not really a JPEG, PNG, GIF or WebP)`;
let dir: string;

beforeAll(async () => {
  dir = tempDir("media-check");
  const folder = path.join(dir, "bg/sredets/a");
  fs.mkdirSync(folder, { recursive: true });
  const good = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#36c" } }).jpeg().toBuffer();
  fs.writeFileSync(path.join(folder, "good.jpg"), good);
  // The header survives, the picture data does not: only decoding notices.
  fs.writeFileSync(path.join(folder, "cut.jpg"), good.subarray(0, Math.floor(good.length / 2)));
  fs.writeFileSync(path.join(folder, "fake.png"), "this is text, not a picture");
  fs.writeFileSync(path.join(folder, "notes.txt"), "ignored");
  const huge = path.join(folder, "huge.jpg");
  fs.writeFileSync(huge, good);
  fs.truncateSync(huge, 21 * 1024 * 1024); // sparse: 21 MB without writing them
});

describe("checkMedia (synchronous: size and structure)", () => {
  it("names oversized, cut and unreadable pictures with what to do", () => {
    expect(checkMedia(dir).map(formatIssue)).toEqual([
      `bg/sredets/a/cut.jpg:1: file: ${BAD("cut.jpg")} — ${FIX}`,
      `bg/sredets/a/fake.png:1: file: ${BAD("fake.png")} — ${FIX}`,
      "bg/sredets/a/huge.jpg:1: file: picture is 21.0 MB, more than 20 MB — export it at about 2500 px wide as JPEG quality 85",
    ]);
  });

  it("finds nothing wrong with the pictures the portal ships", () => {
    expect(checkMedia(path.resolve("content"))).toEqual([]);
  });
});

describe("checkMediaDecode", () => {
  it("finds the same problems, and decodes every picture", async () => {
    expect((await checkMediaDecode(dir)).map(formatIssue)).toEqual([
      `bg/sredets/a/cut.jpg:1: file: ${BAD("cut.jpg")} — ${FIX}`,
      `bg/sredets/a/fake.png:1: file: ${BAD("fake.png")} — ${FIX}`,
      "bg/sredets/a/huge.jpg:1: file: picture is 21.0 MB, more than 20 MB — export it at about 2500 px wide as JPEG quality 85",
    ]);
    expect(await checkMediaDecode(path.resolve("content"))).toEqual([]);
  });
});
