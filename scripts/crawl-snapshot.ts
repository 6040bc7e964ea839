// Crawl snapshot: serves a content tree with a fixed clock and records every page, feed,
// sitemap and API document reachable from the home pages, robots.txt, the sitemaps and
// the feeds, as path → status, type, sha256 and size. Made for refactorings that must
// not change what residents get: take a snapshot before, one after, and compare.
//
//   npx tsx scripts/crawl-snapshot.ts --out /tmp/before [--content content] [--now 2026-11-23T12:00:00Z]
//   npx tsx scripts/crawl-snapshot.ts --out /tmp/after --compare /tmp/before
//
// The requests go to an in-process server on 127.0.0.1 and are bounded (--max, 20000).
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { ContentIndex } from "../src/index/index.js";

const BASE_URL = "https://news.example.org";

export interface SnapshotEntry {
  readonly status: number;
  readonly type: string;
  readonly sha256: string;
  readonly bytes: number;
}

export type Snapshot = Map<string, SnapshotEntry>;

/** Addresses on this site named in a document: href/src attributes, sitemap <loc>, feed links. */
export function linksIn(body: string, type: string): string[] {
  const found: string[] = [];
  if (type.includes("json")) {
    // JSON Feed, API documents: every string that looks like an address on the site.
    for (const m of body.matchAll(/"(https?:\/\/[^"\\]+|\/[^"\\\s]*)"/g)) found.push(m[1]!);
  } else if (/html|xml/.test(type)) {
    for (const m of body.matchAll(/\b(?:href|src|action)="([^"]+)"/g)) found.push(m[1]!);
    for (const m of body.matchAll(/<(?:loc|id|link|url|uri)>([^<]+)<\//g)) found.push(m[1]!);
    for (const m of body.matchAll(/\bsrcset="([^"]+)"/g)) for (const part of m[1]!.split(",")) found.push(part.trim().split(/\s+/)[0]!);
  }
  return found;
}

/** The path and query of a link if it points at this site, else null. */
export function onSite(link: string, from: string): string | null {
  const unescaped = link.replaceAll("&amp;", "&");
  let url: URL;
  try {
    url = new URL(unescaped, BASE_URL + from);
  } catch {
    return null;
  }
  if (url.origin !== BASE_URL) return null;
  return url.pathname + url.search;
}

export interface CrawlOptions {
  readonly contentDir: string;
  readonly now: number;
  readonly max?: number;
}

/** Serves contentDir on 127.0.0.1 (fixed clock, temporary DATA_DIR) and crawls it. */
export async function crawl(options: CrawlOptions): Promise<Snapshot> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-crawl-"));
  const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: options.contentDir, DATA_DIR: dataDir, BASE_URL, LOG_LEVEL: "silent" });
  const index = await ContentIndex.open(config, { clock: () => options.now });
  const { handle } = await createApp({ config, index, logger: pino({ level: "silent" }), compiledViews: null });
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const snapshot: Snapshot = new Map();
  const queue = ["/", "/bg/", "/pl/", "/robots.txt", "/sitemap.xml", "/api/", "/api/openapi.json"];
  const seen = new Set(queue);
  const max = options.max ?? 20_000;
  try {
    while (queue.length > 0 && snapshot.size < max) {
      const at = queue.shift()!;
      const res = await fetch(`http://127.0.0.1:${port}${at}`, { redirect: "manual", headers: { "accept-encoding": "identity" } });
      const body = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get("content-type") ?? "";
      snapshot.set(at, { status: res.status, type, sha256: createHash("sha256").update(body).digest("hex"), bytes: body.length });
      const next = [...linksIn(body.toString("utf8"), type)];
      const location = res.headers.get("location");
      if (location) next.push(location);
      for (const link of next) {
        const p = onSite(link, at);
        if (p !== null && !seen.has(p)) {
          seen.add(p);
          queue.push(p);
        }
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    index.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return snapshot;
}

export function writeSnapshot(dir: string, snapshot: Snapshot): void {
  fs.mkdirSync(dir, { recursive: true });
  const lines = [...snapshot].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, e]) => [p, e.status, e.type, e.sha256, e.bytes].join("\t"));
  fs.writeFileSync(path.join(dir, "snapshot.tsv"), lines.join("\n") + "\n");
}

export function readSnapshot(dir: string): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const line of fs.readFileSync(path.join(dir, "snapshot.tsv"), "utf8").split("\n")) {
    if (!line) continue;
    const [p, status, type, sha256, bytes] = line.split("\t");
    snapshot.set(p!, { status: Number(status), type: type!, sha256: sha256!, bytes: Number(bytes) });
  }
  return snapshot;
}

/** One line per path that differs, is missing or is new. */
export function compareSnapshots(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [p, a] of before) {
    const b = after.get(p);
    if (!b) out.push(`missing ${p}`);
    else if (a.sha256 !== b.sha256 || a.status !== b.status || a.type !== b.type)
      out.push(`changed ${p} (${a.status} ${a.bytes} B → ${b.status} ${b.bytes} B)`);
  }
  for (const p of after.keys()) if (!before.has(p)) out.push(`new ${p}`);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      content: { type: "string", default: "content" },
      now: { type: "string", default: "2026-11-23T12:00:00Z" },
      compare: { type: "string" },
      max: { type: "string", default: "20000" },
    },
  });
  if (!values.out) throw new Error("--out <folder> is required");
  const snapshot = await crawl({ contentDir: path.resolve(values.content), now: Date.parse(values.now), max: Number(values.max) });
  writeSnapshot(values.out, snapshot);
  console.log(`${snapshot.size} documents → ${path.join(values.out, "snapshot.tsv")}`);
  if (values.compare) {
    const before = readSnapshot(values.compare);
    const diff = compareSnapshots(before, snapshot);
    for (const line of diff) console.log(line);
    console.log(diff.length === 0 ? `identical: all ${before.size} documents byte-identical` : `${diff.length} differences`);
    if (diff.length > 0) process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
