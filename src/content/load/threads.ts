// Worker threads that work the same under tsx (development, tests), from dist/src/ and
// from the one-file bundle (dist/bundle/), where every worker sits beside server.mjs.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker next to the calling module (moduleUrl), with its extension: parse-worker.ts under tsx
 * (development, tests), parse-worker.js from dist/src/, parse-worker.mjs in the bundle.
 */
export function workerUrl(name: "parse-worker" | "search-worker", moduleUrl: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(moduleUrl))}`, moduleUrl);
}

/** Starts a worker; a .ts one through tsx-worker.mjs, which registers tsx inside the thread. */
export function startWorker(url: URL, data: object): Worker {
  const workerData = { ...data, entry: url.href };
  return url.pathname.endsWith(".ts") ? new Worker(new URL("./tsx-worker.mjs", import.meta.url), { workerData }) : new Worker(url, { workerData });
}
