// The process log: pino's JSON lines, written to stdout without ever blocking the process.
// pino's default destination writes synchronously and, when stdout is a pipe whose
// reader stopped reading, sleeps and retries for ever (atomic-sleep on EAGAIN): requests
// froze and SIGTERM never ended the process. Here sonic-boom (pino's own writer) writes
// asynchronously: a full pipe only delays lines, which wait in a buffer of at most
// MAX_BUFFERED_BYTES; lines beyond it are dropped, and so is everything once the reader is
// gone (EPIPE). Drops are counted and said once on stderr, and at exit what is left is
// written only as far as the pipe takes it at once.
import fs from "node:fs";
import pino, { type Logger } from "pino";
import type { prettyFactory as PrettyFactory } from "pino-pretty";
import sonicBoom from "sonic-boom";

/** About 10,000 request lines: minutes of a busy portal, and a bound on what a stalled reader costs. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface ProcessLog {
  readonly logger: Logger;
  /** Lines that could not be written (buffer full or reader gone). */
  dropped(): number;
  /** Resolves once the buffered lines are written, or after `ms` in any case. */
  drained(ms: number): Promise<void>;
}

export interface ProcessLogOptions {
  readonly level: string;
  /** Default 1 (stdout). */
  readonly fd?: number;
  readonly maxBufferedBytes?: number;
  /** Where the one note about dropped lines goes (default: stderr, never blocking). */
  readonly note?: (text: string) => void;
  /** Turns each JSON line into what is written (development: readable lines, see devLineFormat). */
  readonly format?: (line: string) => string;
}

/**
 * `npm run dev`: readable lines for the person at the terminal instead of JSON (issue 22),
 * made by pino's own prettifier. A development dependency, loaded only here, by a name the
 * production bundle does not follow (scripts/bundle.mjs); production keeps JSON lines.
 */
export async function devLineFormat(): Promise<(line: string) => string> {
  const name = "pino-pretty";
  const { prettyFactory } = (await import(name)) as { prettyFactory: typeof PrettyFactory };
  return prettyFactory({ colorize: process.stdout.isTTY, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", singleLine: false });
}

function noteOnStderr(text: string): void {
  try {
    fs.writeSync(2, text);
  } catch {
    // stderr is stuck too: nothing else can be said.
  }
}

export function createProcessLog(options: ProcessLogOptions): ProcessLog {
  const fd = options.fd ?? 1;
  // Node opens a piped stdout in non-blocking mode when it first uses it, so a reader that
  // stopped makes a write fail with EAGAIN instead of holding a thread-pool thread for ever.
  if (fd === 1) void process.stdout.fd;
  let exiting = false;
  const out = new sonicBoom.SonicBoom({
    fd,
    sync: false,
    maxLength: options.maxBufferedBytes ?? MAX_BUFFERED_BYTES,
    // While running, a full pipe is retried later (a timer, not a sleep); at exit, never.
    retryEAGAIN: () => !exiting,
  });
  const note = options.note ?? noteOnStderr;
  let dropped = 0;
  let pending = 0;
  let gone: string | null = null;
  const drop = (why: string) => {
    if (dropped++ === 0) note(`portal: log lines are being dropped (${why}); they are counted, see droppedLogLines in the shutdown line\n`);
  };
  out.on("drop", () => drop("the log reader is not keeping up"));
  out.on("write", (n: number) => (pending = Math.max(0, pending - n)));
  out.on("error", (err: NodeJS.ErrnoException) => {
    gone = err.code ?? "error";
    drop(`stdout failed: ${gone}`);
    pending = 0;
  });
  const destination = {
    write(json: string): void {
      if (gone) return void drop(`stdout failed: ${gone}`);
      const line = options.format ? options.format(json) : json;
      const before = dropped;
      out.write(line);
      if (dropped === before) pending += Buffer.byteLength(line);
    },
  };
  process.once("exit", () => {
    exiting = true;
    if (gone || pending === 0) return;
    try {
      out.flushSync();
    } catch {
      // The pipe takes no more now; what is left is lost, as counted.
    }
  });
  return {
    logger: pino({ level: options.level }, destination),
    dropped: () => dropped,
    drained: (ms) =>
      new Promise<void>((resolve) => {
        const deadline = Date.now() + ms;
        const poll = () => (pending === 0 || gone || Date.now() >= deadline ? resolve() : setTimeout(poll, 20).unref());
        poll();
      }),
  };
}
