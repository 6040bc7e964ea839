// `npm run check` support: every picture in the content tree must be decodable and of a
// reasonable size, or the variant route would fail for visitors (or spend minutes on a
// 60-megapixel camera original), and no link or special file may stand in for one (the
// server refuses those too). `checkMedia` is synchronous (size and structure);
// `checkMediaDecode`, which `npm run check` runs, also decodes every picture with sharp.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { issue, type ContentIssue } from "./issues.js";
import { msg } from "./messages/index.js";
import { MAX_INPUT_PIXELS } from "../media/inspect.js";
import { isInside } from "../media/open.js";
import { pictureProblem, type PictureProblem } from "./picture-problems.js";
import { readPictureSync } from "../media/source.js";

/** Originals above this are refused: export them at about 2,500 px wide instead. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
// The formats an article may use (media/image-size.ts reads their headers).
const PICTURE = /\.(?:jpe?g|png|gif|webp)$/i;

type Found = { abs: string; problem?: PictureProblem };

/**
 * Pictures to check, and links or special files that the portal would refuse: a link
 * whose target is outside the content folder (a picture swapped for a link to
 * /proc/self/environ, a linked folder), a FIFO, socket or device. Links inside the
 * folder are followed to a picture but not into folders (those are walked anyway).
 */
function pictures(root: string, dir: string, out: Found[], depth = 0): void {
  if (depth > 8) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) pictures(root, full, out, depth + 1);
    else if (e.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(full);
      } catch {
        if (PICTURE.test(e.name)) out.push({ abs: full, problem: "missing" });
        continue;
      }
      if (!isInside(fs.realpathSync(root), real)) out.push({ abs: full, problem: "outside" });
      else if (PICTURE.test(e.name)) out.push({ abs: full });
    } else if (e.isFile()) {
      if (PICTURE.test(e.name)) out.push({ abs: full });
    } else out.push({ abs: full, problem: "not-a-file" });
  }
}

function relOf(contentDir: string, abs: string): string {
  return path.relative(contentDir, abs).split(path.sep).join("/");
}

function problemIssue(contentDir: string, abs: string, problem: PictureProblem): ContentIssue {
  return issue(relOf(contentDir, abs), 1, "file", pictureProblem(path.basename(abs), problem));
}

/** Size limit, then the structure (media/inspect.ts): no decoding, so it is fast and synchronous. */
function checkFile(contentDir: string, found: Found): ContentIssue | null {
  const { abs } = found;
  if (found.problem) return problemIssue(contentDir, abs, found.problem);
  const bytes = fs.statSync(abs).size;
  if (bytes > MAX_MEDIA_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    return issue(relOf(contentDir, abs), 1, "file", msg("picture.tooLarge", { mb, max: MAX_MEDIA_BYTES / 1024 / 1024 }));
  }
  const read = readPictureSync(contentDir, abs);
  return read.ok ? null : problemIssue(contentDir, abs, read.problem);
}

/** Full decode with sharp: finds corrupt data that an intact structure hides. */
async function checkDecode(contentDir: string, found: Found): Promise<ContentIssue | null> {
  const first = checkFile(contentDir, found);
  if (first) return first;
  try {
    await sharp(found.abs, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).resize({ width: 64 }).raw().toBuffer();
  } catch {
    return problemIssue(contentDir, found.abs, { kind: "undecodable" });
  }
  return null;
}

function pictureFiles(contentDir: string): Found[] {
  const files: Found[] = [];
  pictures(contentDir, contentDir, files);
  return files.sort((a, b) => a.abs.localeCompare(b.abs));
}

/** Problems with the pictures under `contentDir` (size, header), one issue per bad file, in path order. */
export function checkMedia(contentDir: string): ContentIssue[] {
  return pictureFiles(contentDir).flatMap((f) => checkFile(contentDir, f) ?? []);
}

/** Like checkMedia, and every picture is decoded too (slower: seconds for hundreds of pictures). */
export async function checkMediaDecode(contentDir: string): Promise<ContentIssue[]> {
  const out: ContentIssue[] = [];
  // One at a time: a check run must not need more memory than the server.
  for (const f of pictureFiles(contentDir)) {
    const problem = await checkDecode(contentDir, f);
    if (problem) out.push(problem);
  }
  return out;
}
