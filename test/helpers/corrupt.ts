// Damages an SQLite file the way a failing disk or a stray write does: whole 4 KB pages
// overwritten with random bytes, the header (page 1) left intact. Seeded, so a failure
// can be replayed.
import fs from "node:fs";
import { prng } from "../../bench/corpus.js";

const PAGE = 4096;

/**
 * `count` distinct page numbers (1-based) from the middle of the file: neither the first
 * nor the last tenth, nor any page in `avoid`.
 */
export function middlePages(file: string, count: number, seed: number, avoid: ReadonlySet<number> = new Set()): number[] {
  const pages = Math.floor(fs.statSync(file).size / PAGE);
  const lo = Math.max(2, Math.floor(pages / 10));
  const hi = Math.max(lo, Math.ceil((pages * 9) / 10));
  const random = prng(seed);
  const picked = new Set<number>();
  const candidates = hi - lo + 1 - [...avoid].filter((p) => p >= lo && p <= hi).length;
  while (picked.size < Math.min(count, candidates)) {
    const page = lo + Math.floor(random() * (hi - lo + 1));
    if (!avoid.has(page)) picked.add(page);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Overwrites the given pages (1-based) with random bytes. */
export function overwritePages(file: string, pages: readonly number[], seed: number): void {
  const random = prng(seed ^ 0x5eed);
  const fd = fs.openSync(file, "r+");
  try {
    for (const page of pages) {
      const junk = Buffer.alloc(PAGE);
      for (let i = 0; i < PAGE; i++) junk[i] = Math.floor(random() * 256);
      fs.writeSync(fd, junk, 0, PAGE, (page - 1) * PAGE);
    }
  } finally {
    fs.closeSync(fd);
  }
}
