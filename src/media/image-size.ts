// Reads the pixel size of JPEG, PNG, GIF and WebP files from their headers, so pages
// can give <img> width and height (no layout shift, WCAG-friendly) without decoding.

export interface ImageSize {
  readonly width: number;
  readonly height: number;
  readonly format: "jpeg" | "png" | "gif" | "webp";
}

/**
 * The EXIF Orientation (tag 0x0112 of IFD0) in an APP1 segment at `start` (its data after
 * the length), 1 when absent. Cameras store portrait photos as landscape pixels with
 * orientation 5–8; the variants are rotated upright (media/variants.ts `.rotate()`), so the
 * recorded size must be too (issue 20 item 12). Hand-written: this module already walks
 * the JPEG segments, and the lookup is one IFD scan (the image-size package does the same
 * but would be a second JPEG parser beside this one).
 */
function exifOrientation(b: Buffer, start: number, end: number): number {
  if (b.toString("latin1", start, start + 6) !== "Exif\0\0") return 1;
  const tiff = start + 6;
  const order = b.toString("latin1", tiff, tiff + 2);
  if (order !== "II" && order !== "MM") return 1;
  const le = order === "II";
  const u16 = (at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const entries = u16(ifd);
  for (let k = 0; k < entries; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

function jpegSize(b: Buffer): ImageSize | null {
  let i = 2;
  let orientation = 1;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      // 5–8: turned a quarter (transposed, 90° clockwise, transversed, 90° counter-clockwise).
      return orientation >= 5 ? { width: height, height: width, format: "jpeg" } : { width, height, format: "jpeg" };
    }
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(b, i + 4, Math.min(b.length, i + 2 + length));
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Buffer): ImageSize | null {
  const chunk = b.toString("ascii", 12, 16);
  if (chunk === "VP8X") return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3), format: "webp" };
  if (chunk === "VP8 ") return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff, format: "webp" };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff), format: "webp" };
  }
  return null;
}

/** The size of an image, or null when the bytes are not a readable JPEG, PNG, GIF or WebP. */
export function imageSize(b: Buffer): ImageSize | null {
  try {
    if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) {
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), format: "png" };
    }
    if (b.length > 10 && b.toString("ascii", 0, 3) === "GIF") {
      return { width: b.readUInt16LE(6), height: b.readUInt16LE(8), format: "gif" };
    }
    if (b.length > 30 && b.toString("ascii", 0, 4) === "RIFF" && b.toString("ascii", 8, 12) === "WEBP") return webpSize(b);
    if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  } catch {
    return null; // truncated header
  }
  return null;
}
