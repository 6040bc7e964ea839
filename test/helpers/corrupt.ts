// Damages an SQLite file the way a failing disk or a stray write does: whole 4 KB pages
// overwritten with random bytes, the header (page 1) left intact. Seeded, so a failure
// can be replayed.
import fs from "node:fs";

const PAGE = 4096;

/** mulberry32: a tiny seeded generator, enough to pick pages and fill them reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct page numbers (1-based) from the middle of the file: neither the first
 * nor the last tenth, nor any page in `avoid`.
 */
export function middlePages(file: string, count: number, seed: number, avoid: ReadonlySet<number> = new Set()): number[] {
  const pages = Math.floor(fs.statSync(file).size / PAGE);
  const lo = Math.max(2, Math.floor(pages / 10));
  const hi = Math.max(lo, Math.ceil((pages * 9) / 10));
  const random = seeded(seed);
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
  const random = seeded(seed ^ 0x5eed);
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
