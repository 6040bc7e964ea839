// Worker thread for src/content/load/parallel.ts: parses the content files it is sent with the
// same parseFile as the main thread, so a parallel build yields the very same rows.
import { parentPort, workerData } from "node:worker_threads";
import type { ContentFile } from "../scan.js";
import { parseFile, type ParseConfig } from "./parse-file.js";
import type { Parsed } from "./types.js";

export interface ParseJob {
  readonly id: number;
  readonly files: ContentFile[];
  /** See ParseOptions.bodyLater: decided after the workers started (see ParseMany.warm). */
  readonly bodyLater: boolean | undefined;
}

export type ParseResult = { readonly id: number; readonly parsed: Parsed[] } | { readonly id: number; readonly error: string };

const config = workerData as Omit<ParseConfig, "bodyLater">;

parentPort?.on("message", (job: ParseJob) => {
  let reply: ParseResult;
  try {
    const c: ParseConfig = { ...config, bodyLater: job.bodyLater };
    reply = { id: job.id, parsed: job.files.map((f) => parseFile(f, c)) };
  } catch (error) {
    reply = { id: job.id, error: (error as Error).stack ?? String(error) };
  }
  parentPort?.postMessage(reply);
});
