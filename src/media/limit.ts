// A small job limiter: at most `concurrency` jobs run, at most `maxQueue` wait; past that
// the caller is told to come back later, so a burst of first requests for new pictures
// cannot hold hundreds of decoded images in memory at once.
import { AppError } from "../errors.js";

export class QueueFullError extends AppError {
  override name = "QueueFullError";
}

export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxQueue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new QueueFullError("too many pictures are being resized");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job, so `running` stays correct.
      if (next) next();
      else this.running--;
    }
  }
}
