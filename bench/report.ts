// Targets (issue 7) next to measured figures: a table for people, JSON for machines.

export interface Row {
  readonly metric: string;
  readonly target: string;
  readonly measured: number | null;
  readonly unit: string;
  /** null: informational, or not measured (n/a). */
  readonly pass: boolean | null;
}

export interface Targets {
  readonly coldS: number;
  /** null: the issue sets none at this size (the warm restart and the edit grow with it). */
  readonly warmS: number | null;
  readonly editMs: number | null;
  readonly cachedVsBare: number;
  readonly renderP99Ms: number;
  /** Uncached result pages, with and without the district and year filters (issue 21). */
  readonly searchP95Ms: number;
  /** OpenSearch suggestions (issue 21). */
  readonly suggestMs: number;
  readonly rssMb: number;
  /** Webhook → page 200 with a followed content repository (issue 25); null: not measured. */
  readonly pushToLiveMs: number | null;
}

/** 10,000 articles on the 2-core benchmark machine; 100,000 relaxes three of them. */
export function targetsFor(size: number): Targets {
  const base: Targets = {
    coldS: 3.5,
    warmS: 1,
    editMs: 300,
    cachedVsBare: 0.8,
    renderP99Ms: 20,
    searchP95Ms: 20,
    suggestMs: 10,
    rssMb: 250,
    pushToLiveMs: 5000,
  };
  return size >= 100_000 ? { ...base, coldS: 40, rssMb: 400, searchP95Ms: 50, warmS: null, editMs: null, pushToLiveMs: null } : base;
}

export const atMost = (metric: string, limit: number, measured: number | null, unit: string): Row => ({
  metric,
  target: `≤ ${limit} ${unit}`,
  measured,
  unit,
  pass: measured === null ? null : measured <= limit,
});

export const atLeast = (metric: string, limit: number, measured: number | null, unit: string): Row => ({
  metric,
  target: `≥ ${limit} ${unit}`,
  measured,
  unit,
  pass: measured === null ? null : measured >= limit,
});

export const info = (metric: string, measured: number | null, unit: string): Row => ({ metric, target: "", measured, unit, pass: null });

/** atMost, or an informational row where the size has no such target (see Targets). */
export const atMostIfSet = (metric: string, limit: number | null, measured: number | null, unit: string): Row =>
  limit === null ? info(`${metric} (no target at this size)`, measured, unit) : atMost(metric, limit, measured, unit);

export function table(title: string, rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.metric,
    r.target,
    r.measured === null ? "n/a" : `${r.measured} ${r.unit}`,
    r.pass === null ? (r.target && r.measured === null ? "n/a" : "") : r.pass ? "PASS" : "FAIL",
  ]);
  const head = ["metric", "target", "measured", "result"];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(width[i]!))
      .join("  ")
      .trimEnd();
  return [title, line(head), line(width.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
