// `npm run check` support: every picture in the content tree must be decodable and of a
// reasonable size, or the variant route would fail for visitors (or spend minutes on a
// 60-megapixel camera original). `checkMedia` is synchronous (file size and header, for
// the check CLI's ExtraCheck hook); `checkMediaDecode` also decodes every picture with sharp.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { imageSize } from "../content/image-size.js";
import { issue, type ContentIssue } from "../content/issues.js";
import { MAX_INPUT_PIXELS } from "./variants.js";

/** Originals above this are refused: export them at about 2,500 px wide instead. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
// The formats an article may use (content/image-size.ts reads their headers).
const PICTURE = /\.(?:jpe?g|png|gif|webp)$/i;
const UNREADABLE = "cannot be decoded (damaged or not really a JPEG, PNG, GIF or WebP)";
const FIX = "open it in an image editor and export it again as JPEG or PNG";

function pictures(dir: string, out: string[], depth = 0): void {
  if (depth > 8) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) pictures(full, out, depth + 1);
    else if (e.isFile() && PICTURE.test(e.name)) out.push(full);
  }
}

function relOf(contentDir: string, abs: string): string {
  return path.relative(contentDir, abs).split(path.sep).join("/");
}

/** Size limits and a readable header: no decoding, so it is fast and synchronous. */
function checkHeader(contentDir: string, abs: string): ContentIssue | null {
  const rel = relOf(contentDir, abs);
  const bytes = fs.statSync(abs).size;
  if (bytes > MAX_MEDIA_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    return issue(rel, 1, "file", `picture is ${mb} MB, more than ${MAX_MEDIA_BYTES / 1024 / 1024} MB — export it at about 2500 px wide as JPEG quality 85`);
  }
  const fd = fs.openSync(abs, "r");
  const head = Buffer.alloc(Math.min(bytes, 256 * 1024)); // JPEG size markers may follow large EXIF blocks
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const size = imageSize(head);
  if (!size || !size.width || !size.height) return issue(rel, 1, "file", `picture ${UNREADABLE} — ${FIX}`);
  if (size.width * size.height > MAX_INPUT_PIXELS) {
    return issue(rel, 1, "file", `picture has ${size.width}×${size.height} pixels, too many to resize — export it at about 2500 px wide`);
  }
  return null;
}

/** Full decode with sharp: finds truncated or corrupt data that a valid header hides. */
async function checkDecode(contentDir: string, abs: string): Promise<ContentIssue | null> {
  const first = checkHeader(contentDir, abs);
  if (first) return first;
  try {
    await sharp(abs, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).resize({ width: 64 }).raw().toBuffer();
  } catch {
    return issue(relOf(contentDir, abs), 1, "file", `picture ${UNREADABLE} — ${FIX}`);
  }
  return null;
}

function pictureFiles(contentDir: string): string[] {
  const files: string[] = [];
  pictures(contentDir, files);
  return files.sort();
}

/** Problems with the pictures under `contentDir` (size, header), one issue per bad file, in path order. */
export function checkMedia(contentDir: string): ContentIssue[] {
  return pictureFiles(contentDir).flatMap((f) => checkHeader(contentDir, f) ?? []);
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
