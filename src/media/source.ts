// The pictures of the content folder, read safely: when indexing (is this a picture we
// can show?) and on every request (is it still the picture that was checked then?). A
// file swapped after indexing for a link to /proc/self/environ, for another file, or for
// a FIFO is refused at request time, whatever the watcher saw.
import { createHash } from "node:crypto";
import type fs from "node:fs";
import type { ImageSize } from "../content/image-size.js";
import { inspectPicture } from "./inspect.js";
import { openInside, readInsideSync, RefusedFileError } from "./open.js";
import type { PictureProblem } from "./problems.js";

export type PictureRead = { ok: true; body: Buffer; size: ImageSize } | { ok: false; problem: PictureProblem };

/** Reads and inspects one picture for the index (synchronous, like the rest of parsing). */
export function readPictureSync(contentDir: string, file: string): PictureRead {
  let body: Buffer;
  try {
    ({ body } = readInsideSync(contentDir, file));
  } catch (cause) {
    if (cause instanceof RefusedFileError) return { ok: false, problem: cause.reason };
    throw cause;
  }
  const seen = inspectPicture(body);
  return seen.ok ? { ok: true, body, size: seen.size } : { ok: false, problem: seen.fault };
}

/** What the index recorded of a picture when it was checked. */
export interface CheckedPicture {
  readonly file: string;
  readonly bytes: number;
  readonly format: string;
}

/** The picture is not (or no longer) the one that was checked: a visitor gets a 404. */
export class PictureChangedError extends Error {
  override name = "PictureChangedError";
}

export interface ServedPicture {
  readonly stat: fs.Stats;
  /** Content hash (20 hex digits): names the variants in the media cache. */
  readonly hash: string;
  /** The bytes, read when asked for or when the file had to be checked again. */
  body(): Promise<Buffer>;
}

/**
 * Opens a checked picture for a request. The bytes are read and inspected again whenever
 * the file's identity (device, inode, size, times) differs from the last verified read;
 * for an unchanged file only the open descriptor is checked, so a variant request for
 * a cached variant does not read a 5 MB original.
 */
/**
 * The identity of an open file. ctime cannot be set by a user (it moves on every write,
 * rename or link), so an equal stamp means the same, unchanged file as verified before.
 */
const stampOf = (st: fs.Stats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

export function createPictureReader(contentDir: string) {
  const verified = new Map<string, { stamp: string; hash: string }>();
  const MAX_REMEMBERED = 10_000;

  return async function open<T>(picture: CheckedPicture, use: (p: ServedPicture) => Promise<T>): Promise<T> {
    let opened;
    try {
      opened = await openInside(contentDir, picture.file, (st) => verified.get(picture.file)?.stamp === stampOf(st));
    } catch (cause) {
      throw new PictureChangedError(`${picture.file} cannot be served`, { cause });
    }
    const { handle, stat } = opened;
    try {
      if (stat.size !== picture.bytes) throw new PictureChangedError(`${picture.file} has ${stat.size} bytes, ${picture.bytes} when it was checked`);
      const stamp = stampOf(stat);
      let body: Buffer | null = null;
      const read = async () => (body ??= await handle.readFile());
      let hash = verified.get(picture.file)?.stamp === stamp ? verified.get(picture.file)!.hash : null;
      if (!hash) {
        const seen = inspectPicture(await read());
        if (!seen.ok || seen.size.format !== picture.format) throw new PictureChangedError(`${picture.file} is no longer the ${picture.format} picture that was checked`);
        hash = createHash("sha256").update(body!).digest("hex").slice(0, 20);
        if (verified.size >= MAX_REMEMBERED) verified.clear();
        verified.set(picture.file, { stamp, hash });
      }
      return await use({ stat, hash, body: read });
    } finally {
      await handle.close();
    }
  };
}

export type PictureReader = ReturnType<typeof createPictureReader>;
