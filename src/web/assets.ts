// Fingerprinted static files: /static/css/site.3f2a9c1d.css is served with a one-year
// immutable Cache-Control, and templates ask asset("css/site.css") for the current name.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";

export interface AssetFile {
  readonly file: string;
  readonly body: Buffer;
  readonly type: string;
}

export interface Assets {
  /** Public URL of a file under public/, with its content hash. */
  url(name: string): string;
  /** The file behind a fingerprinted URL path (after /static/), or null. */
  lookup(urlPath: string): AssetFile | null;
}

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".xml": "application/xml; charset=utf-8",
  // The feeds' stylesheets (public/feed-*.xsl): browsers apply them to a feed opened as a page.
  ".xsl": "text/xsl; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue; // dotfiles are never served
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, base, out);
    else if (e.isFile()) out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

/** url(relative) in a stylesheet, href="relative" in an XSLT → the file's fingerprinted URL; unknown files stay as written. */
function withAssetUrls(css: string, name: string, byName: ReadonlyMap<string, string>): string {
  const resolve = (ref: string) =>
    /^[a-z]+:|^\/|^#/i.test(ref) ? undefined : byName.get(path.posix.normalize(path.posix.join(path.posix.dirname(name), ref)));
  return css
    .replace(/url\((["']?)([^"')]+)\1\)/g, (whole, _q: string, ref: string) => {
      const target = resolve(ref);
      return target ? `url(${target})` : whole;
    })
    .replace(/\shref="([^"{}]+)"/g, (whole, ref: string) => {
      const target = resolve(ref);
      return target ? ` href="${target}"` : whole;
    });
}

/** Reads public/ once at start; no file system access per request. */
export function loadAssets(publicDir: string): Assets {
  const byName = new Map<string, string>();
  const byUrl = new Map<string, AssetFile>();
  // Stylesheets last: their url(../fonts/x.woff2) references (and an XSLT's href="css/…")
  // are rewritten to the fingerprinted names, so a font can be cached for a year like the
  // stylesheet itself. CSS before XSLT, which links the rewritten CSS.
  const rank = (name: string) => (name.endsWith(".xsl") ? 2 : name.endsWith(".css") ? 1 : 0);
  const names = walk(publicDir).sort((a, b) => rank(a) - rank(b));
  for (const name of names) {
    const ext = path.posix.extname(name);
    const type = TYPES[ext];
    if (!type) continue;
    let body = fs.readFileSync(path.join(publicDir, name));
    if (ext === ".css" || ext === ".xsl") body = Buffer.from(withAssetUrls(body.toString("utf8"), name, byName));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
    const hashed = `${name.slice(0, -ext.length)}.${hash}${ext}`;
    byName.set(name, `/static/${hashed}`);
    byUrl.set(hashed, { file: name, body, type });
  }
  return {
    url(name) {
      const u = byName.get(name);
      if (!u) throw new Error(`No asset public/${name}`);
      return u;
    },
    lookup: (urlPath) => byUrl.get(urlPath) ?? null,
  };
}
