// Resized picture variants, made with sharp on first request and kept on disk in
// DATA_DIR/media-cache/. A file name holds the source's content hash, the size and the
// format, so a variant is never made twice and a replaced original gets new files. A
// picture that fails to decode is remembered by its hash and answered 404 from then on.
import { AppError } from "../errors.js";
import fs from "node:fs";
import path from "node:path";
import type SharpModule from "sharp";
import type { Sharp } from "sharp";
import { MAX_INPUT_PIXELS } from "./inspect.js";
import { Limiter } from "./limit.js";
import { openOwn } from "./open.js";
import { OG_SIZE, type VariantFormat, type VariantSize } from "../site/media-urls.js";

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
  readonly body: Buffer;
  /** When the cached file was made (now, for a variant made by this request). */
  readonly mtimeMs: number;
  /** True when this request made the variant (a cache miss). */
  readonly created: boolean;
}

/** The picture was decoded once and failed: it is not tried again (same content hash). */
export class UndecodablePictureError extends AppError {
  override name = "UndecodablePictureError";
}

/** The file operations the cache writes with; tests inject failing ones (a full disk). */
export interface CacheFs {
  writeFile(file: string, body: Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface VariantStoreOptions {
  readonly concurrency?: number;
  readonly maxQueue?: number;
  readonly fs?: CacheFs;
  /** A cache file could not be written (the variant is still served from memory), or a picture failed to decode. */
  readonly onProblem?: (event: "cache-write-failed" | "undecodable", err: unknown) => void;
}

export interface VariantStore {
  /** The variant of the picture with content hash `hash`; `load` gives its bytes when it must be made. */
  get(hash: string, load: () => Promise<Buffer>, size: VariantSize, format: VariantFormat): Promise<Variant>;
  readonly limiter: Limiter;
}

/** Encodes one variant; exported for tests and for a warm-up script. */
export async function makeVariant(source: Buffer, size: VariantSize, format: VariantFormat): Promise<Buffer> {
  const sharp = await loadSharp();
  // failOn "error": a truncated upload fails instead of becoming a half-grey picture.
  let img = sharp(source, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).rotate(); // EXIF orientation, then metadata is dropped
  img = size === "og" ? img.resize({ ...OG_SIZE, fit: "cover", position: sharp.strategy.attention }) : img.resize({ width: size, withoutEnlargement: true });
  return ENCODE[format](img).toBuffer();
}

/**
 * Reads a cache file we wrote. A link or anything but a regular file there is not ours:
 * it is never followed, and the variant is made again (the rename replaces the link itself).
 */
async function readCached(file: string): Promise<{ body: Buffer; mtimeMs: number } | null> {
  const opened = await openOwn(file);
  if (!opened) return null;
  try {
    return { body: await opened.handle.readFile(), mtimeMs: opened.stat.mtimeMs };
  } finally {
    await opened.handle.close();
  }
}

export function createVariantStore(dataDir: string, options: VariantStoreOptions = {}): VariantStore {
  const dir = path.join(dataDir, "media-cache");
  fs.mkdirSync(dir, { recursive: true });
  const io: CacheFs = options.fs ?? fs.promises;
  const limiter = new Limiter(options.concurrency ?? 2, options.maxQueue ?? 32);
  const inFlight = new Map<string, Promise<Variant>>();
  // Content hashes that failed to decode, also kept as "<hash>.undecodable" in the cache
  // so a restart does not decode them again either.
  const undecodable = new Set<string>();
  const marker = (hash: string) => path.join(dir, `${hash}.undecodable`);

  function decode(hash: string, load: () => Promise<Buffer>, size: VariantSize, format: VariantFormat): Promise<Buffer> {
    // The original is read inside the limiter too: at most `concurrency` of them in memory.
    return limiter.run(async () => {
      const source = await load();
      try {
        return await makeVariant(source, size, format);
      } catch (cause) {
        undecodable.add(hash);
        options.onProblem?.("undecodable", cause);
        await io.writeFile(marker(hash), Buffer.alloc(0)).catch(() => undefined);
        throw new UndecodablePictureError(`picture ${hash} cannot be decoded`, { cause });
      }
    });
  }

  async function build(hash: string, load: () => Promise<Buffer>, file: string, size: VariantSize, format: VariantFormat): Promise<Variant> {
    if (fs.existsSync(marker(hash))) undecodable.add(hash);
    if (undecodable.has(hash)) throw new UndecodablePictureError(`picture ${hash} failed to decode before`);
    const body = await decode(hash, load, size, format);
    // Write then rename: a reader never sees half a file, and two processes agree.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await io.writeFile(tmp, body);
      await io.rename(tmp, file);
    } catch (cause) {
      // A full disk: no half-written leftovers, and this visitor still gets the picture.
      await io.rm(tmp, { force: true }).catch(() => undefined);
      options.onProblem?.("cache-write-failed", cause);
    }
    return { body, mtimeMs: Date.now(), created: true };
  }

  return {
    limiter,
    async get(hash, load, size, format) {
      if (undecodable.has(hash)) throw new UndecodablePictureError(`picture ${hash} failed to decode before`);
      const file = path.join(dir, `${hash}-${size}.${format}`);
      const cached = await readCached(file);
      if (cached) return { ...cached, created: false };
      // Concurrent first requests for the same variant share one resize.
      let job = inFlight.get(file);
      if (!job) {
        job = build(hash, load, file, size, format).finally(() => inFlight.delete(file));
        inFlight.set(file, job);
      }
      return job;
    },
  };
}
