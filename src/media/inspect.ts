// Is this buffer a whole JPEG, PNG, GIF or WebP that sharp can be asked to decode? A
// structural check, synchronous and without decoding (0.4 ms for a 4.3 MB JPEG, 0.5 ms
// for a 1.1 MB GIF, measured with a loop of 50 inspectPicture calls), so
// the indexer can refuse a picture before any page links it: a file cut short (no end
// marker), a header claiming 60000×60000 pixels, or text that only starts like a GIF
// (a polyglot) is caught here. A corrupt entropy-coded stream with intact structure is
// only found by decoding (content/picture-check.ts `checkMediaDecode`, and the variant route,
// which remembers it). No npm package checks structure without decoding (image-size and
// file-type read only the first bytes), hence this hand-written walk.
import { imageSize, type ImageSize } from "./image-size.js";

/** Decoding bombs stop here (about 10,000 × 10,000 pixels); sharp gets the same limit. */
export const MAX_INPUT_PIXELS = 100_000_000;

export type PictureFault = { kind: "undecodable" } | { kind: "too-many-pixels"; width: number; height: number };
export type Inspection = { ok: true; size: ImageSize } | { ok: false; fault: PictureFault };

const UNDECODABLE: Inspection = { ok: false, fault: { kind: "undecodable" } };

/**
 * A JPEG ends with EOI (FF D9) after its first scan (SOS, FF DA); data after it (a Motion
 * Photo's video) is allowed. The segments before the scan are skipped by their lengths,
 * so an EXIF thumbnail (a whole small JPEG inside APP1) cannot pass for the picture.
 */
function jpegComplete(b: Buffer): boolean {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xda) return b.lastIndexOf(Buffer.from([0xff, 0xd9])) > i;
    i += marker === 0xff ? 1 : 2 + b.readUInt16BE(i + 2);
  }
  return false;
}

/** A PNG's chunks, walked by their lengths from IHDR, end with IEND within the file. */
function pngComplete(b: Buffer): boolean {
  let i = 8;
  let data = false;
  while (i + 12 <= b.length) {
    const type = b.toString("latin1", i + 4, i + 8);
    if (i === 8 && type !== "IHDR") return false;
    if (type === "IDAT") data = true;
    if (type === "IEND") return data;
    i += 12 + b.readUInt32BE(i);
  }
  return false;
}

/** Skips GIF data sub-blocks (length byte, data, until a 0 length); -1 when they run past the end. */
function skipSubBlocks(b: Buffer, i: number): number {
  while (i < b.length) {
    const n = b[i]!;
    if (n === 0) return i + 1;
    i += n + 1;
  }
  return -1;
}

/** Walks a GIF's blocks (GIF89a spec, sections 18–27) to its trailer; at least one image. */
function gifComplete(b: Buffer): boolean {
  const version = b.toString("latin1", 0, 6);
  if (version !== "GIF87a" && version !== "GIF89a") return false;
  const table = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let i = 13 + table(b[10]!);
  let images = 0;
  while (i >= 0 && i < b.length) {
    const block = b[i]!;
    if (block === 0x3b) return images > 0;
    if (block === 0x21) {
      i = skipSubBlocks(b, i + 2);
    } else if (block === 0x2c) {
      if (i + 10 > b.length) return false;
      images++;
      // Descriptor (10 bytes), local colour table, LZW minimum code size, image data.
      i = skipSubBlocks(b, i + 10 + table(b[i + 9]!) + 1);
    } else {
      return false;
    }
  }
  return false;
}

/** RIFF's size field counts the bytes after it: a cut file is shorter than it says. */
function webpComplete(b: Buffer): boolean {
  return b.length >= 8 + b.readUInt32LE(4);
}

const COMPLETE: Record<ImageSize["format"], (b: Buffer) => boolean> = { jpeg: jpegComplete, png: pngComplete, gif: gifComplete, webp: webpComplete };

/** The picture's size when the whole buffer is a plausible picture, or why it is not. */
export function inspectPicture(b: Buffer): Inspection {
  const size = imageSize(b);
  if (!size || !size.width || !size.height) return UNDECODABLE;
  if (size.width * size.height > MAX_INPUT_PIXELS) return { ok: false, fault: { kind: "too-many-pixels", width: size.width, height: size.height } };
  try {
    return COMPLETE[size.format](b) ? { ok: true, size } : UNDECODABLE;
  } catch {
    return UNDECODABLE; // a length field pointing past the end
  }
}
