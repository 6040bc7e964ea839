// srcset data for <picture>: allowed widths only, never past the original, honest w descriptors.
import { describe, expect, it } from "vitest";
import { pictureData, variantWidths } from "../../src/media/picture.js";
import { ogImageUrl, variantUrl } from "../../src/site/media-urls.js";

const hero = { url: "/media/bg/sredets/x/zala%20nova.jpg", width: 1400, height: 788, format: "jpeg" };

describe("variantWidths", () => {
  it("offers every allowed width below a large original", () => {
    expect(variantWidths(1400).map((v) => `${v.w}:${v.actual}`)).toEqual(["320:320", "640:640", "960:960", "1280:1280"]);
  });
  it("stops at the original's width and describes the last variant by its real width", () => {
    expect(variantWidths(500).map((v) => `${v.w}:${v.actual}`)).toEqual(["320:320", "640:500"]);
    expect(variantWidths(640).map((v) => `${v.w}:${v.actual}`)).toEqual(["320:320", "640:640"]);
    expect(variantWidths(100).map((v) => `${v.w}:${v.actual}`)).toEqual(["320:100"]);
  });
});

describe("pictureData", () => {
  it("lists AVIF then WebP sources and a JPEG fallback for a JPEG original", () => {
    const p = pictureData(hero);
    expect(p.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(p.sources[1]!.srcset).toBe(
      "/media-v/320/webp/bg/sredets/x/zala%20nova.jpg 320w, /media-v/640/webp/bg/sredets/x/zala%20nova.jpg 640w, /media-v/960/webp/bg/sredets/x/zala%20nova.jpg 960w, /media-v/1280/webp/bg/sredets/x/zala%20nova.jpg 1280w",
    );
    expect(p.src).toBe("/media-v/960/jpeg/bg/sredets/x/zala%20nova.jpg");
    expect([p.width, p.height]).toEqual([1400, 788]);
  });
  it("keeps PNG (transparency) as the fallback for PNG, GIF and WebP originals", () => {
    for (const format of ["png", "gif", "webp"]) {
      expect(pictureData({ ...hero, url: "/media/a.png", width: 700, format }).src).toBe("/media-v/960/png/a.png");
    }
  });
});

describe("URLs", () => {
  it("gives the SEO head a 1200×630 JPEG for og:image", () => {
    expect(ogImageUrl("/media/pl/gdansk/a/tramwaj.jpg")).toBe("/media-v/og/jpeg/pl/gdansk/a/tramwaj.jpg");
  });
  it("refuses anything that is not a media URL", () => {
    expect(() => variantUrl("/static/x.png", 320, "webp")).toThrow(/not a media URL/);
  });
});
