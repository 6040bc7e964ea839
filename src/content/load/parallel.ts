// Parses many content files on worker threads (a cold start or a large checkout): the
// files go out in small chunks to one worker per CPU, which keeps every worker busy
// even when some files are slower than others, and the results come back in order.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { Config } from "../../config.js";
import { AppError } from "../../errors.js";
import type { ParseConfig } from "./parse-file.js";
import type { ContentFile } from "../scan.js";
import type { ParseJob, ParseResult } from "./parse-worker.js";
import { startWorker, workerUrl } from "./threads.js";
import type { ParseMany, Parsed } from "./types.js";

/**
 * Below this many files the main thread is faster: each worker loads the parser and warms
 * its JIT first (about 0.6 s on the 2-core benchmark machine; 1,000 synthetic articles
 * took 1.35 s in the main thread and 1.55 s on two workers, 10,000 took 8.6 s and 5.7 s).
 */
export const PARALLEL_THRESHOLD = 1500;
const CHUNK = 64;

export interface ParallelOptions {
  readonly threads?: number;
  readonly threshold?: number;
  readonly log?: (msg: string) => void;
  /** Called as chunks finish when the workers run (a progress bar for large sites). */
  readonly progress?: (done: number, total: number) => void;
}

/** A worker could not start, crashed or exited: the main thread can take over. */
export class WorkerFailure extends AppError {
  override name = "WorkerFailure";
}

/** A parse worker started before its files were known, and what became of it meanwhile. */
interface EarlyWorker {
  readonly worker: Worker;
  failed: Error | null;
}

/** What a parse worker is started with; the rest (bodyLater) comes with each job. */
const workerConfig = (config: ParseConfig) => ({ contentDir: config.contentDir, timeZones: { ...config.timeZones } });

/**
 * Starts parse workers ahead of their files. They are unref'ed, so one that is never used
 * does not keep the process alive, and a failure is kept until parseInWorkers looks.
 */
function startEarly(config: ParseConfig, threads: number): EarlyWorker[] {
  const url = workerUrl("parse-worker", import.meta.url);
  return Array.from({ length: threads }, () => {
    const early: EarlyWorker = { worker: startWorker(url, workerConfig(config)), failed: null };
    early.worker.unref();
    early.worker.on("error", (cause) => (early.failed ??= new WorkerFailure("A parse worker stopped", { cause })));
    early.worker.once("exit", (code) => (early.failed ??= new WorkerFailure(`A parse worker exited with code ${code} before its first job`)));
    return early;
  });
}

/**
 * Parses `files` on `threads` workers and hands the results to `emit` chunk by chunk in
 * the files' order (a chunk that finishes early waits for the ones before it), so the
 * index gets the same row ids, and the same listing order for equal dates, as in-thread.
 * Workers in `early` (see ParseMany.warm) are used first; those not needed are stopped.
 */
export function parseInWorkers(files: ContentFile[], config: ParseConfig, threads: number, emit: (batch: Parsed[]) => void, progress?: ParallelOptions["progress"], early: EarlyWorker[] = []): Promise<void> {
  const url = workerUrl("parse-worker", import.meta.url);
  const chunks: ContentFile[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  const waiting = new Map<number, Parsed[]>();
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let emitted = 0;
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: Worker) => {
      if (next < chunks.length) {
        const job: ParseJob = { id: next, files: chunks[next]!, bodyLater: config.bodyLater };
        next++;
        w.postMessage(job);
      }
    };
    const flush = () => {
      for (let batch = waiting.get(emitted); batch; batch = waiting.get(emitted)) {
        waiting.delete(emitted);
        emitted++;
        emit(batch);
      }
    };
    const count = Math.max(1, Math.min(threads, chunks.length));
    const dead = early.slice(0, count).find((e) => e.failed)?.failed;
    for (const e of dead ? early : early.slice(count)) void e.worker.terminate();
    if (dead) return reject(dead);
    for (let i = 0; i < count; i++) {
      const w = early[i]?.worker ?? startWorker(url, workerConfig(config));
      w.ref();
      workers.push(w);
      w.on("message", (reply: ParseResult) => {
        if (failed) return;
        if ("error" in reply) return finish(new WorkerFailure(`A parse worker failed: ${reply.error}`));
        // The next job goes out before this chunk is written, so the worker parses while we write.
        feed(w);
        waiting.set(reply.id, reply.parsed);
        try {
          flush();
        } catch (error) {
          return finish(error as Error);
        }
        progress?.(Math.min(files.length, emitted * CHUNK), files.length);
        if (emitted === chunks.length) finish();
      });
      w.on("error", (cause) => finish(new WorkerFailure("A parse worker stopped", { cause })));
      w.on("exit", (code) => {
        if (emitted < chunks.length) finish(new WorkerFailure(`A parse worker exited with code ${code} before finishing`));
      });
      // Two jobs each: the next chunk is already waiting when a worker finishes one.
      feed(w);
      feed(w);
    }
  });
}

/**
 * A ParseMany for ContentIndex.open: worker threads for many files, the current thread
 * for a few. If the workers cannot start, the current thread parses instead (same result).
 */
export function parallelParser(config: Pick<Config, "contentDir" | "timeZones">, options: ParallelOptions = {}): ParseMany {
  const threads = options.threads ?? os.availableParallelism();
  const threshold = options.threshold ?? PARALLEL_THRESHOLD;
  let early: EarlyWorker[] = [];
  const parse: ParseMany = async (files, emit, many) => {
    const parseConfig: ParseConfig = { ...config, ...many };
    const started = early;
    early = [];
    const inThread = (await import("./parse-file.js")).parseInThread(parseConfig);
    if (files.length <= threshold || threads < 2) {
      for (const spare of started) void spare.worker.terminate();
      return inThread(files, emit);
    }
    let written = 0;
    try {
      await parseInWorkers(files, parseConfig, threads, (batch) => {
        emit(batch);
        written += batch.length;
      }, options.progress, started);
    } catch (error) {
      // A worker that cannot start or crashes (not a failed write: that rethrows below).
      if (!(error instanceof WorkerFailure)) throw error;
      options.log?.(`parsing on worker threads failed, parsing the rest in the main thread: ${error.message}`);
      await inThread(files.slice(written), emit);
    }
  };
  // Loading the parser and warming its JIT takes a worker about as long as the main
  // thread's stat of 10,000 files: started from the walk's count, it overlaps with it.
  const warm = (count: number) => {
    if (count > threshold && threads >= 2 && early.length === 0) early = startEarly(config, threads);
  };
  return Object.assign(parse, { warm });
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
