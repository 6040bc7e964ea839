// Resized picture variants, made with sharp on first request and kept on disk in
// DATA_DIR/media-cache/. A file name holds the source's content hash, the size and the
// format, so a variant is never made twice and a replaced original gets new files.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type SharpModule from "sharp";
import type { Sharp } from "sharp";
import { Limiter } from "./limit.js";
import { OG_SIZE, type VariantFormat, type VariantSize } from "./urls.js";

/** Decoding bombs stop here (about 10,000 × 10,000 pixels). */
export const MAX_INPUT_PIXELS = 100_000_000;

/**
 * sharp (libvips) is loaded on the first picture made, not at start: most requests never
 * need it, and loading it is a noticeable part of a restart.
 */
let loaded: Promise<typeof SharpModule> | null = null;
function loadSharp(): Promise<typeof SharpModule> {
  loaded ??= import("sharp").then((m) => {
    // libvips keeps an operation cache that only helps repeated work on the same image;
    // variants are cached on disk, so memory is better spent elsewhere.
    m.default.cache(false);
    return m.default;
  });
  return loaded;
}

const ENCODE: Record<VariantFormat, (s: Sharp) => Sharp> = {
  // AVIF effort 2: at the default (4) a 1280 px variant took 2.3 s on 2 cores, at 2 0.27 s (same size).
  avif: (s) => s.avif({ quality: 50, effort: 2 }),
  webp: (s) => s.webp({ quality: 75, effort: 4 }),
  jpeg: (s) => s.jpeg({ quality: 78, mozjpeg: true, progressive: true }),
  png: (s) => s.png({ compressionLevel: 9, adaptiveFiltering: true }),
};

export interface Variant {
  readonly file: string;
  /** Content hash of the source picture; with size and format it is the ETag. */
  readonly hash: string;
  /** True when this request made the file (a cache miss). */
  readonly created: boolean;
}

export interface VariantStore {
  get(source: string, size: VariantSize, format: VariantFormat): Promise<Variant>;
  readonly limiter: Limiter;
}

/** Encodes one variant; exported for tests and for a warm-up script. */
export async function makeVariant(source: string | Buffer, size: VariantSize, format: VariantFormat): Promise<Buffer> {
  const sharp = await loadSharp();
  // failOn "error": a truncated upload fails instead of becoming a half-grey picture.
  let img = sharp(source, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).rotate(); // EXIF orientation, then metadata is dropped
  img =
    size === "og"
      ? img.resize({ ...OG_SIZE, fit: "cover", position: sharp.strategy.attention })
      : img.resize({ width: size, withoutEnlargement: true });
  return ENCODE[format](img).toBuffer();
}

export function createVariantStore(dataDir: string, options: { concurrency?: number; maxQueue?: number } = {}): VariantStore {
  const dir = path.join(dataDir, "media-cache");
  fs.mkdirSync(dir, { recursive: true });
  const limiter = new Limiter(options.concurrency ?? 2, options.maxQueue ?? 32);
  const hashes = new Map<string, { stamp: string; hash: string }>();
  const inFlight = new Map<string, Promise<Variant>>();

  async function hashOf(source: string): Promise<string> {
    const st = await fs.promises.stat(source);
    const stamp = `${st.mtimeMs}:${st.size}`;
    const known = hashes.get(source);
    if (known?.stamp === stamp) return known.hash;
    const hash = createHash("sha256").update(await fs.promises.readFile(source)).digest("hex").slice(0, 20);
    hashes.set(source, { stamp, hash });
    return hash;
  }

  async function build(source: string, file: string, hash: string, size: VariantSize, format: VariantFormat): Promise<Variant> {
    const body = await limiter.run(() => makeVariant(source, size, format));
    // Write then rename: a reader never sees half a file, and two processes agree.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.promises.writeFile(tmp, body);
    await fs.promises.rename(tmp, file);
    return { file, hash, created: true };
  }

  return {
    limiter,
    async get(source, size, format) {
      const hash = await hashOf(source);
      const file = path.join(dir, `${hash}-${size}.${format}`);
      if (fs.existsSync(file)) return { file, hash, created: false };
      // Concurrent first requests for the same variant share one resize.
      let job = inFlight.get(file);
      if (!job) {
        job = build(source, file, hash, size, format).finally(() => inFlight.delete(file));
        inFlight.set(file, job);
      }
      return job;
    },
  };
}
