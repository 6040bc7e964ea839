// Article pictures: the originals at /media/<path> and resized variants at
// /media-v/<width|og>/<format>/<path>. Only pictures that an indexed article references
// are served: the index knows them by URL, so no request path reaches the file system
// unchecked, and width and format come from fixed lists (zod; anything else is a 400).
// At request time the file must still be the regular file inside the content folder
// that was checked when indexing (media/source.ts), or the answer is 404.
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Request, Response } from "express";
import { Router } from "express";
import { z } from "zod";
import { HttpError } from "../../errors.js";
import { QueueFullError } from "../../media/limit.js";
import { createPictureReader, PictureChangedError, type CheckedPicture, type ServedPicture } from "../../media/source.js";
import { createVariantStore, UndecodablePictureError } from "../../media/variants.js";
import { MIME, VARIANT_FORMATS, VARIANT_PREFIX, VARIANT_WIDTHS, type VariantSize } from "../../site/media-urls.js";
import type { AppDeps } from "../deps.js";
import { isNotModified } from "../render-cache.js";

const MEDIA_TYPES: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp" };
/** Variant URLs do not change when an editor replaces a picture, so caches revalidate daily. */
const MEDIA_CACHE = "public, max-age=86400, stale-while-revalidate=604800";

const variantParams = z.object({
  size: z.union([z.literal("og"), z.enum(VARIANT_WIDTHS.map(String) as [string, ...string[]]).transform(Number)]),
  format: z.enum(VARIANT_FORMATS),
});

function lookup(deps: AppDeps, mediaUrl: string): CheckedPicture {
  const m = deps.index.media.byUrl(mediaUrl);
  if (!m) throw new HttpError(404, "No such media file");
  return { file: path.join(deps.config.contentDir, m.rel), bytes: m.bytes, format: m.format };
}

/** A picture that is gone, swapped or undecodable is a 404, never a 500 or someone else's bytes. */
function notServable(cause: unknown): never {
  if (cause instanceof PictureChangedError) throw new HttpError(404, "Media file gone or changed", { cause });
  if (cause instanceof UndecodablePictureError) throw new HttpError(404, "Picture cannot be decoded", { cause });
  if (cause instanceof QueueFullError) throw new HttpError(503, "Picture resizing is busy", { cause });
  throw cause;
}

/** Sets the validators; true when the client's copy is current and a 304 was sent. */
function notModified(req: Request, res: Response, type: string, etag: string, lastModified: number): boolean {
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", MEDIA_CACHE);
  res.setHeader("ETag", etag);
  res.setHeader("Last-Modified", new Date(lastModified).toUTCString());
  if (!isNotModified(req, etag, lastModified)) return false;
  res.status(304).end();
  return true;
}

function sendFile(req: Request, res: Response, body: Buffer, type: string, etag: string, lastModified: number): void {
  if (!notModified(req, res, type, etag, lastModified)) res.send(body);
}

/** An original (up to 20 MB) is streamed, so what a client leaves unread stays one stream buffer. */
async function streamFile(req: Request, res: Response, p: ServedPicture, type: string, etag: string): Promise<void> {
  if (notModified(req, res, type, etag, p.stat.mtimeMs)) return;
  res.setHeader("Content-Length", p.stat.size);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  try {
    await pipeline(p.stream(), res);
  } catch {
    // The client went away (or the read failed midway): nothing more can be said on this response.
    res.destroy();
  }
}

export function mediaRoutes(deps: AppDeps): Router {
  const log = deps.logger.child({ module: "media" });
  const store = createVariantStore(deps.config.dataDir, {
    onProblem: (event, err) =>
      log.warn(
        { err },
        event === "undecodable" ? "a picture cannot be decoded; answered 404 from now on" : "a picture variant could not be cached; served from memory",
      ),
  });
  const openPicture = createPictureReader(deps.config.contentDir);
  const router = Router();

  router.get("/media/{*rest}", async (req, res) => {
    const picture = lookup(deps, req.path);
    try {
      await openPicture(picture, (p) =>
        streamFile(
          req,
          res,
          p,
          MEDIA_TYPES[picture.format] ?? "application/octet-stream",
          `"${Math.trunc(p.stat.mtimeMs).toString(36)}-${p.stat.size.toString(36)}"`,
        ),
      );
    } catch (cause) {
      notServable(cause);
    }
  });

  router.get(`${VARIANT_PREFIX}:size/:format/{*rest}`, async (req, res) => {
    const parsed = variantParams.safeParse(req.params);
    if (!parsed.success) throw new HttpError(400, "Unknown picture size or format", { cause: parsed.error });
    const { size, format } = parsed.data;
    // The original's URL is the rest of the path, percent-encoding kept as the index stores it.
    const prefix = `${VARIANT_PREFIX}${req.params.size}/${req.params.format}/`;
    const picture = lookup(deps, `/media/${req.path.slice(prefix.length)}`);
    try {
      await openPicture(picture, async (p) => {
        const variant = await store.get(p.hash, p.body, size as VariantSize, format);
        sendFile(req, res, variant.body, MIME[format], `"${p.hash}-${size}-${format}"`, variant.mtimeMs);
      });
    } catch (cause) {
      if (cause instanceof QueueFullError) res.setHeader("Retry-After", "5");
      notServable(cause);
    }
  });

  return router;
}
