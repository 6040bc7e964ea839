// Rendered pages kept in memory per URL and content version, so a repeated request is
// answered without querying, templating, hashing or compressing again. The entry holds
// the bytes, a strong ETag, Last-Modified and, once zlib has finished in the background,
// gzip and Brotli variants (RFC 9110 §8.4: Content-Encoding, with Vary: Accept-Encoding).
import type { IncomingMessage } from "node:http";
import querystring from "node:querystring";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { ROUTE_PARAMS } from "./params.js";

export interface CachedPage {
  readonly key: string;
  readonly version: string;
  readonly type: string;
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModified: number;
  /** Last-Modified as an HTTP date (RFC 9110 §5.6.7), formatted once. */
  readonly lastModifiedText: string;
  readonly cacheControl: string;
  /** Headers the route set (Link, Content-Language, Vary…), replayed on a hit. */
  readonly headers: readonly [string, string | number | readonly string[]][];
  gzip?: Buffer;
  br?: Buffer;
}

/** Enough for a few thousand pages; a 10,000-article site stays well under its memory target. */
export const DEFAULT_MAX_BYTES = 48 * 1024 * 1024;
/** The compression middleware's threshold in app.ts: smaller pages are sent as they are. */
export const COMPRESS_MIN = 1024;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Least recently used pages go first once the bytes (all variants) exceed the budget. */
export class RenderCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  private version = "";
  private pending = new Set<Promise<void>>();
  /** Compressions run one after another: hundreds of parallel Brotli encoders grow the heap for good. */
  private queue: Promise<void> = Promise.resolve();
  hits = 0;

  constructor(readonly maxBytes = DEFAULT_MAX_BYTES) {}

  get(key: string, version: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page || page.version !== version) return undefined;
    this.pages.delete(key); // re-insert: a Map iterates in insertion order, oldest first
    this.pages.set(key, page);
    this.hits++;
    return page;
  }

  set(page: CachedPage): void {
    // A new content version makes every older page unreachable: drop them at once.
    if (page.version !== this.version) this.clear(page.version);
    this.delete(page.key);
    if (page.body.length > this.maxBytes / 8) return; // one huge page must not flush the rest
    this.pages.set(page.key, page);
    this.grow(page.body.length);
    if (page.body.length >= COMPRESS_MIN) {
      this.queue = this.queue.then(() => this.compress(page));
      this.track(this.queue);
    }
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  /** Resolves when every background compression started so far has finished (for tests). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  clear(version = ""): void {
    this.pages.clear();
    this.bytes = 0;
    this.version = version;
  }

  private delete(key: string): void {
    const old = this.pages.get(key);
    if (!old) return;
    this.pages.delete(key);
    this.bytes -= old.body.length + (old.gzip?.length ?? 0) + (old.br?.length ?? 0);
  }

  private grow(n: number): void {
    this.bytes += n;
    for (const key of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** zlib runs on the libuv thread pool, off the event loop; the first response used the middleware. */
  private async compress(page: CachedPage): Promise<void> {
    if (this.pages.get(page.key) !== page) return; // evicted or replaced while queued
    try {
      const [gz, br] = await Promise.all([
        gzip(page.body, { level: 9 }),
        // Quality 6 is within a few per cent of 11 on HTML at a fraction of the time; a
        // 512 KB window covers any page and keeps the encoder's memory small.
        brotli(page.body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
            [zlib.constants.BROTLI_PARAM_LGWIN]: 19,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length,
          },
        }),
      ]);
      if (this.pages.get(page.key) !== page) return; // evicted or replaced meanwhile
      page.gzip = gz;
      page.br = br;
      this.grow(gz.length + br.length);
    } catch {
      // Compression failing only means this page is sent uncompressed from the cache.
    }
  }
}

const PAGE_VALUE = /^[1-9][0-9]{0,5}$/;

/**
 * The cache key, or null when the request must not use the cache (anything but GET and
 * HEAD). The key is the path and the parameters that some route reads (params.ts), parsed
 * as Express parses them (its "simple" query parser is node:querystring, so "pag%65=2"
 * is page 2 here too). Every other parameter (utm_source, fbclid, cache-busting junk)
 * is ignored by every route, so it is dropped here: such a URL is answered with the page
 * already kept. Search terms and filters, a repeated or bracketed parameter, or anything
 * but one ?page=N is not cached. Pages are stored only under their own address (see
 * renderPage), so no parameter, meaningless or not, can add an entry.
 */
/** Works on a plain Node request too (see serveCachedPages). */
export function cacheKey(req: Pick<IncomingMessage, "method" | "url"> & { originalUrl?: string }): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.originalUrl ?? req.url ?? "";
  const q = url.indexOf("?");
  if (q < 0) return url;
  let page: string | null = null;
  for (const [name, value] of Object.entries(querystring.parse(url.slice(q + 1)))) {
    if (/[[\]]/.test(name)) return null; // refused by parseQuery
    if (!ROUTE_PARAMS.has(name)) continue;
    if (name !== "page" || page !== null || typeof value !== "string" || !PAGE_VALUE.test(value)) return null;
    page = value;
  }
  const path = url.slice(0, q);
  return page === null ? path : `${path}?page=${page}`;
}

/** Parsed Accept-Encoding values: browsers send a handful of distinct strings, parsed once each. */
const acceptedMemo = new Map<string, { br: boolean; gzip: boolean }>();

function accepted(acceptEncoding: string): { br: boolean; gzip: boolean } {
  let known = acceptedMemo.get(acceptEncoding);
  if (known) return known;
  const names = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim());
    if (name && !params.some((p) => p.startsWith("q=") && Number(p.slice(2)) === 0)) names.add(name);
  }
  known = { br: names.has("br"), gzip: names.has("gzip") || names.has("x-gzip") };
  // Arbitrary client strings must not grow memory without bound.
  if (acceptedMemo.size >= 64) acceptedMemo.clear();
  acceptedMemo.set(acceptEncoding, known);
  return known;
}

/** The best encoding a client accepts: Brotli, then gzip, else none. */
export function preferredEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const ok = accepted(acceptEncoding);
  return ok.br ? "br" : ok.gzip ? "gzip" : null;
}

/** Which stored variant to send: Brotli, then gzip, then identity, as the client accepts. */
export function pickEncoding(acceptEncoding: string | undefined, page: CachedPage): "br" | "gzip" | null {
  if (!acceptEncoding || (!page.br && !page.gzip)) return null;
  const ok = accepted(acceptEncoding);
  if (page.br && ok.br) return "br";
  if (page.gzip && ok.gzip) return "gzip";
  return null;
}

export function isNotModified(req: Pick<IncomingMessage, "headers">, etag: string, lastModified: number): boolean {
  const inm = req.headers["if-none-match"];
  if (inm) return inm.split(",").some((v) => v.trim().replace(/^W\//, "") === etag || v.trim() === "*");
  const ims = req.headers["if-modified-since"];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
