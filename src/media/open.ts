// Opens a file that must lie inside a folder (the content folder, the media cache),
// whatever links lead to it. The file is opened first and the opened descriptor is then
// checked: it is a regular file (not a FIFO, a device or /proc's pseudo-files), and the
// path it resolves to now is inside the folder and is the same inode as the descriptor.
// Checking the path first and opening after would leave a window in which the path is
// swapped for a link (check-then-use); checking the open descriptor closes it.
import { AppError } from "../errors.js";
import fs from "node:fs";
import path from "node:path";

export type Refusal = "missing" | "outside" | "not-a-file";

/** The file may not be read; `reason` says why, for the editor message or the log. */
export class RefusedFileError extends AppError {
  override name = "RefusedFileError";
  constructor(
    readonly reason: Refusal,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever,
// holding one of libuv's four threads (or the whole indexer, synchronously).
const FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY;

// Resolved at every check, never remembered: with CONTENT_REPO the content folder is a link
// that each update moves to the other checked-out tree (src/content-repo/repo.ts), and a
// root remembered from before would refuse every new picture as "outside".
function realRoot(root: string): string {
  return fs.realpathSync(root);
}

export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function refusedOpen(file: string, cause: unknown): RefusedFileError {
  // ELOOP: O_NOFOLLOW met a link; anything else (ENOENT, EACCES, ENOTDIR) is "not there" for a visitor.
  return new RefusedFileError((cause as NodeJS.ErrnoException).code === "ELOOP" ? "outside" : "missing", file, { cause });
}

function checkOpened(root: string, file: string, st: fs.Stats, real: string, realStat: fs.Stats): void {
  if (!st.isFile()) throw new RefusedFileError("not-a-file", file);
  if (!isInside(realRoot(root), real)) throw new RefusedFileError("outside", file);
  // The path was swapped between open and realpath: what we hold is not what is there.
  if (realStat.ino !== st.ino || realStat.dev !== st.dev) throw new RefusedFileError("outside", file);
}

/** Reads `file` when it is a regular file inside `root`; throws RefusedFileError otherwise. */
export function readInsideSync(root: string, file: string): { body: Buffer; stat: fs.Stats } {
  let fd: number;
  try {
    fd = fs.openSync(file, FLAGS);
  } catch (cause) {
    throw refusedOpen(file, cause);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new RefusedFileError("not-a-file", file);
    const real = fs.realpathSync(file);
    checkOpened(root, file, st, real, fs.statSync(real));
    return { body: fs.readFileSync(fd), stat: st };
  } catch (cause) {
    throw cause instanceof RefusedFileError ? cause : refusedOpen(file, cause);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens `file` when it is a regular file inside `root`; the caller closes the handle.
 * `trusted`: a descriptor whose identity (device, inode, size, times) was verified before
 * needs no path check again — it is that same file, whatever path leads to it now — which
 * saves two file-system round trips per request for a picture that did not change.
 */
export async function openInside(root: string, file: string, trusted?: (st: fs.Stats) => boolean): Promise<{ handle: fs.promises.FileHandle; stat: fs.Stats }> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, FLAGS);
  } catch (cause) {
    throw refusedOpen(file, cause);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new RefusedFileError("not-a-file", file);
    if (!trusted?.(st)) {
      const real = await fs.promises.realpath(file);
      checkOpened(root, file, st, real, await fs.promises.stat(real));
    }
    return { handle, stat: st };
  } catch (cause) {
    await handle.close();
    throw cause instanceof RefusedFileError ? cause : refusedOpen(file, cause);
  }
}

/**
 * Opens a file the portal wrote itself (the media cache): O_NOFOLLOW, so a link put at
 * its name is never followed, and only a regular file is accepted. Returns null otherwise.
 */
export async function openOwn(file: string): Promise<{ handle: fs.promises.FileHandle; stat: fs.Stats } | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, FLAGS | fs.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  const st = await handle.stat().catch(() => null);
  if (st?.isFile()) return { handle, stat: st };
  await handle.close();
  return null;
}
