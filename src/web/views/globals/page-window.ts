/**
 * Page numbers to show around the current page: always the first and last, two on
 * each side of the current one, and 0 where a gap ("…") stands in for the rest.
 */
export function pageWindow(current: number, pages: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - current) <= 2) out.push(n);
    else if (out[out.length - 1] !== 0) out.push(0);
  }
  return out;
}
