// Read queries for the media table: the pictures articles use, by their public URL.
import type { Db } from "./db.js";

export function createMediaQueries(db: Db) {
  const byUrl = db.prepare<[string], { rel: string; format: string; bytes: number }>("SELECT rel, format, bytes FROM media WHERE url = ?");
  return {
    /** The file behind a /media/ URL, or null when no published article uses it. */
    byUrl: (url: string) => byUrl.get(url) ?? null,
  };
}

export type MediaQueries = ReturnType<typeof createMediaQueries>;
