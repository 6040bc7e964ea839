// The resize limiter: bounded parallelism and a bounded queue.
import { describe, expect, it } from "vitest";
import { Limiter, QueueFullError } from "../../src/media/limit.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("Limiter", () => {
  it("never runs more jobs at once than allowed and runs them all", async () => {
    const limiter = new Limiter(2, 100);
    let running = 0;
    let peak = 0;
    const job = async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n;
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.run(() => job(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it("turns work away once the queue is full, and frees the slot after a failure", async () => {
    const limiter = new Limiter(1, 1);
    const first = limiter.run(async () => {
      await tick();
      throw new Error("broken picture");
    });
    const second = limiter.run(async () => "ok");
    await expect(limiter.run(async () => "too many")).rejects.toBeInstanceOf(QueueFullError);
    await expect(first).rejects.toThrow("broken picture");
    await expect(second).resolves.toBe("ok");
    expect(limiter.active).toBe(0);
  });
});
