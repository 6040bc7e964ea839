// Article pictures: the originals at /media/<path> and resized variants at
// /media-v/<width|og>/<format>/<path>. Only pictures that an indexed article references
// are served: the index knows them by URL, so no request path reaches the file system
// unchecked, and width and format come from fixed lists (zod; anything else is a 400).
import fs from "node:fs";
import path from "node:path";
import type { Request, Response } from "express";
import { Router } from "express";
import { z } from "zod";
import { HttpError } from "../../errors.js";
import { pictureData } from "../../media/picture.js";
import { QueueFullError } from "../../media/limit.js";
import { createVariantStore } from "../../media/variants.js";
import { MIME, VARIANT_FORMATS, VARIANT_PREFIX, VARIANT_WIDTHS, type VariantSize } from "../../media/urls.js";
import type { AppDeps } from "../context.js";
import { isNotModified } from "../render-cache.js";

const MEDIA_TYPES: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp" };
/** Variant URLs do not change when an editor replaces a picture, so caches revalidate daily. */
const MEDIA_CACHE = "public, max-age=86400, stale-while-revalidate=604800";

const variantParams = z.object({
  size: z.union([z.literal("og"), z.enum(VARIANT_WIDTHS.map(String) as [string, ...string[]]).transform(Number)]),
  format: z.enum(VARIANT_FORMATS),
});

function lookup(deps: AppDeps, mediaUrl: string): { file: string; format: string } {
  const m = deps.index.districts.media(mediaUrl);
  if (!m) throw new HttpError(404, "No such media file");
  return { file: path.join(deps.config.contentDir, m.rel), format: m.format };
}

async function readWithStat(file: string): Promise<[Buffer, fs.Stats]> {
  try {
    return await Promise.all([fs.promises.readFile(file), fs.promises.stat(file)]);
  } catch (cause) {
    throw new HttpError(404, "Media file gone", { cause });
  }
}

function sendFile(req: Request, res: Response, body: Buffer, type: string, etag: string, lastModified: number): void {
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", MEDIA_CACHE);
  res.setHeader("ETag", etag);
  res.setHeader("Last-Modified", new Date(lastModified).toUTCString());
  if (isNotModified(req, etag, lastModified)) {
    res.status(304).end();
    return;
  }
  res.send(body);
}

export function mediaRoutes(deps: AppDeps): Router {
  const store = createVariantStore(deps.config.dataDir);
  // Templates build <picture> data with this (views/partials/picture.njk).
  deps.views.addGlobal("pictureSources", pictureData);
  const router = Router();

  router.get("/media/{*rest}", async (req, res) => {
    const m = lookup(deps, req.path);
    const [body, st] = await readWithStat(m.file);
    sendFile(req, res, body, MEDIA_TYPES[m.format] ?? "application/octet-stream", `"${Math.trunc(st.mtimeMs).toString(36)}-${st.size.toString(36)}"`, st.mtimeMs);
  });

  router.get(`${VARIANT_PREFIX}:size/:format/{*rest}`, async (req, res) => {
    const parsed = variantParams.safeParse(req.params);
    if (!parsed.success) throw new HttpError(400, "Unknown picture size or format", { cause: parsed.error });
    const { size, format } = parsed.data;
    // The original's URL is the rest of the path, percent-encoding kept as the index stores it.
    const prefix = `${VARIANT_PREFIX}${req.params.size}/${req.params.format}/`;
    const source = lookup(deps, `/media/${req.path.slice(prefix.length)}`).file;
    let variant;
    try {
      variant = await store.get(source, size as VariantSize, format);
    } catch (cause) {
      if (cause instanceof QueueFullError) {
        res.setHeader("Retry-After", "5");
        throw new HttpError(503, "Picture resizing is busy", { cause });
      }
      if ((cause as NodeJS.ErrnoException).code === "ENOENT") throw new HttpError(404, "Media file gone", { cause });
      throw new HttpError(500, "Picture cannot be resized", { cause });
    }
    const [body, st] = await readWithStat(variant.file);
    sendFile(req, res, body, MIME[format], `"${variant.hash}-${size}-${format}"`, st.mtimeMs);
  });

  return router;
}
