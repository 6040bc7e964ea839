// The pictures of the content folder, read safely: when indexing (is this a picture we
// can show?) and on every request (is it still the picture that was checked then?). A
// file swapped after indexing for a link to /proc/self/environ, for another file, or for
// a FIFO is refused at request time, whatever the watcher saw.
import { AppError } from "../errors.js";
import { createHash } from "node:crypto";
import type fs from "node:fs";
import type { Readable } from "node:stream";
import type { ImageSize } from "./image-size.js";
import { inspectPicture, type PictureFault } from "./inspect.js";
import { openInside, readInsideSync, RefusedFileError, type Refusal } from "./open.js";

/** Why a picture cannot be shown: refused by its path, or its bytes (content/picture-problems.ts words it). */
export type PictureProblem = Refusal | PictureFault;

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
export class PictureChangedError extends AppError {
  override name = "PictureChangedError";
}

export interface ServedPicture {
  readonly stat: fs.Stats;
  /** Content hash (20 hex digits): names the variants in the media cache. */
  readonly hash: string;
  /** The bytes, read when asked for or when the file had to be checked again. */
  body(): Promise<Buffer>;
  /**
   * The bytes as a stream from the checked descriptor, for sending: a client that does not
   * read holds one stream buffer, not the whole picture (150 such clients held 1.7 GB for a
   * 10 MB original). Consume it before the callback of open() returns.
   */
  stream(): Readable;
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

async function readAll(handle: fs.promises.FileHandle, size: number): Promise<Buffer> {
  const buf = Buffer.alloc(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await handle.read(buf, done, size - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === size ? buf : buf.subarray(0, done);
}

export function createPictureReader(contentDir: string) {
  const verified = new Map<string, { stamp: string; hash: string }>();
  const MAX_REMEMBERED = 10_000;
  /** Checks under way, by file and stamp. */
  const checking = new Map<string, Promise<string>>();

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
      // Positional reads: readFile() goes on from the descriptor's position, so a second read would be empty.
      const read = async () => (body ??= await readAll(handle, stat.size));
      let hash = verified.get(picture.file)?.stamp === stamp ? verified.get(picture.file)!.hash : null;
      if (!hash) {
        // Requests that meet the same unverified file (after a start or an edit) share one
        // check: 300 at once each read and hashed a 10 MB original, and /healthz waited 5 s.
        const key = `${picture.file}\0${stamp}`;
        let check = checking.get(key);
        if (!check) {
          check = (async () => {
            const bytes = await read();
            const seen = inspectPicture(bytes);
            if (!seen.ok || seen.size.format !== picture.format)
              throw new PictureChangedError(`${picture.file} is no longer the ${picture.format} picture that was checked`);
            const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
            if (verified.size >= MAX_REMEMBERED) verified.clear();
            verified.set(picture.file, { stamp, hash: digest });
            return digest;
          })().finally(() => checking.delete(key));
          checking.set(key, check);
        }
        hash = await check;
        // Not kept for the whole response: a slow client would pin the full original.
        body = null;
      }
      return await use({ stat, hash, body: read, stream: () => handle.createReadStream({ start: 0, autoClose: false }) });
    } finally {
      await handle.close();
    }
  };
}

export type PictureReader = ReturnType<typeof createPictureReader>;
