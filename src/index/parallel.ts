// Parses many content files on worker threads (a cold start or a large checkout): the
// files go out in small chunks to one worker per CPU, which keeps every worker busy
// even when some files are slower than others, and the results come back in order.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config.js";
import type { ContentFile } from "../content/scan.js";
import type { ParseJob, ParseResult } from "./parse-worker.js";
import { parseFile, type ParseMany, type Parsed } from "./sync.js";

/**
 * Below this many files the main thread is faster: each worker loads the parser and warms
 * its JIT first (about 0.6 s on the 2-core benchmark machine; 1,000 synthetic articles
 * took 1.35 s in the main thread and 1.55 s on two workers, 10,000 took 8.6 s and 5.7 s).
 */
export const PARALLEL_THRESHOLD = 1500;
const CHUNK = 64;

type ParseConfig = Pick<Config, "contentDir" | "timeZones">;

export interface ParallelOptions {
  readonly threads?: number;
  readonly threshold?: number;
  readonly log?: (msg: string) => void;
  /** Called as chunks finish when the workers run (a progress bar for large sites). */
  readonly progress?: (done: number, total: number) => void;
}

/**
 * The worker next to this module, with this module's extension: parse-worker.ts under
 * tsx (development, tests), parse-worker.js from dist/ in production.
 */
export function workerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(`./parse-worker${path.extname(fileURLToPath(moduleUrl))}`, moduleUrl);
}

/** Starts the worker; a .ts one through tsx-worker.mjs, which registers tsx inside the thread. */
function startWorker(url: URL, config: ParseConfig): Worker {
  const workerData = { contentDir: config.contentDir, timeZones: { ...config.timeZones }, entry: url.href };
  return url.pathname.endsWith(".ts") ? new Worker(new URL("./tsx-worker.mjs", url), { workerData }) : new Worker(url, { workerData });
}

export function parseInWorkers(files: ContentFile[], config: ParseConfig, threads: number, progress?: ParallelOptions["progress"]): Promise<Parsed[]> {
  const url = workerUrl();
  const chunks: ContentFile[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  const results: Parsed[][] = new Array<Parsed[]>(chunks.length);
  const workers: Worker[] = [];
  return new Promise<Parsed[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results.flat());
    };
    const feed = (w: Worker) => {
      if (next < chunks.length) {
        const job: ParseJob = { id: next, files: chunks[next]! };
        next++;
        w.postMessage(job);
      }
    };
    const count = Math.max(1, Math.min(threads, chunks.length));
    for (let i = 0; i < count; i++) {
      const w = startWorker(url, config);
      workers.push(w);
      w.on("message", (reply: ParseResult) => {
        if ("error" in reply) return finish(new Error(`A parse worker failed: ${reply.error}`));
        results[reply.id] = reply.parsed;
        done++;
        progress?.(Math.min(files.length, done * CHUNK), files.length);
        if (done === chunks.length) finish();
        else feed(w);
      });
      w.on("error", (cause) => finish(new Error("A parse worker stopped", { cause })));
      w.on("exit", (code) => {
        if (done < chunks.length) finish(new Error(`A parse worker exited with code ${code} before finishing`));
      });
      feed(w);
    }
  });
}

/**
 * A ParseMany for ContentIndex.open: worker threads for many files, the current thread
 * for a few, and the current thread again if the workers cannot run (the result is the same).
 */
export function parallelParser(config: ParseConfig, options: ParallelOptions = {}): ParseMany {
  const threads = options.threads ?? os.availableParallelism();
  const threshold = options.threshold ?? PARALLEL_THRESHOLD;
  const inThread = (files: ContentFile[]) => files.map((f) => parseFile(f, config));
  return async (files) => {
    if (files.length <= threshold || threads < 2) return inThread(files);
    try {
      return await parseInWorkers(files, config, threads, options.progress);
    } catch (error) {
      options.log?.(`parsing on worker threads failed, parsing in the main thread instead: ${(error as Error).message}`);
      return inThread(files);
    }
  };
}

/** A one-line progress bar on a terminal (nothing when output goes to a file or a pipe). */
export function ttyProgress(stream: NodeJS.WriteStream = process.stderr): ParallelOptions["progress"] {
  if (!stream.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((100 * done) / total);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const full = Math.round((width * done) / total);
    stream.write(`\rparsing content [${"#".repeat(full)}${"-".repeat(width - full)}] ${pct}% ${done}/${total}${done === total ? "\n" : ""}`);
  };
}
