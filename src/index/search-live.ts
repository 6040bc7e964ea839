// What the search filters need of each published article (language, district, date,
// listing position), in typed arrays indexed by article id, so that the matches of a
// query are filtered, counted and capped in JavaScript rather than by joining every
// match to a table in SQLite.
//
// Why: a common word matches nearly every article of a language (49,000 of 50,000 at
// 100,000 articles in the bench corpus), and each search joined every match to the
// published set twice (to count, then to rank), a B-tree lookup per match each time. The
// district and year filters always took that path: p95 99–250 ms at 100,000 articles
// (`npm run bench -- --size 100000 --search-only`). Reading the matching ids once and
// filtering them here costs a pass over an array; SQLite then ranks only the picked ids.
import { LOCALES, type Locale } from "../config.js";

export interface LiveSet {
  /** 1 + the index of the article's language in LOCALES; 0: not published. */
  readonly lang: Uint8Array;
  /** 1 + the district's number in `districts`. */
  readonly district: Uint32Array;
  readonly date: Float64Array;
  /** The article's place in its language's listing (1 = newest). */
  readonly pos: Int32Array;
  readonly districts: ReadonlyMap<string, number>;
}

export interface LiveFilters {
  readonly district?: string | undefined;
  /** Half-open [from, to) epoch range. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export interface Picked {
  /** The matches that pass the filters, the newest `maxRanked` of them if there are more. */
  readonly ids: Int32Array;
  /** Every match that passes the filters. */
  readonly total: number;
  readonly capped: boolean;
  /** Whether `ids` are all the matches given (no filter, cap or unpublished one left any out). */
  readonly all: boolean;
}

/** Builds the set from rows of [id, lang, district, date, pos]. */
export function liveSet(rows: readonly (readonly [number, string, string, number, number])[]): LiveSet {
  let size = 1;
  for (const [id] of rows) size = Math.max(size, id + 1);
  const set = {
    lang: new Uint8Array(size),
    district: new Uint32Array(size),
    date: new Float64Array(size),
    pos: new Int32Array(size),
    districts: new Map<string, number>(),
  };
  for (const [id, lang, district, date, pos] of rows) {
    let d = set.districts.get(district);
    if (d === undefined) set.districts.set(district, (d = set.districts.size + 1));
    set.lang[id] = LOCALES.indexOf(lang as Locale) + 1;
    set.district[id] = d;
    set.date[id] = date;
    set.pos[id] = pos;
  }
  return set;
}

/**
 * The published matches of `lang` among `matches` that pass `filters`; when more than
 * `maxRanked` do, only the newest `maxRanked` (product decision of issue 21: "showing the
 * most recent matches", with filters as without).
 */
export function pick(live: LiveSet, matches: Int32Array, lang: Locale, filters: LiveFilters, maxRanked: number): Picked {
  const code = LOCALES.indexOf(lang) + 1;
  // A district no article has: nothing passes (0 is never a district's number).
  const district = filters.district === undefined ? -1 : (live.districts.get(filters.district) ?? 0);
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const out = new Int32Array(matches.length);
  let n = 0;
  for (const id of matches) {
    // An id past the arrays: indexed after the set was read; left out until the next read.
    if (id >= live.lang.length || live.lang[id] !== code) continue;
    if (district >= 0 && live.district[id] !== district) continue;
    const date = live.date[id]!;
    if (date < from || date >= to) continue;
    out[n++] = id;
  }
  if (n <= maxRanked) return { ids: out.subarray(0, n), total: n, capped: false, all: n === matches.length };
  // Positions are unique within a language: the maxRanked-th smallest is the cut.
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = live.pos[out[i]!]!;
  const maxPos = positions.sort()[maxRanked - 1]!;
  const kept = new Int32Array(maxRanked);
  let k = 0;
  for (let i = 0; i < n; i++) if (live.pos[out[i]!]! <= maxPos) kept[k++] = out[i]!;
  return { ids: kept.subarray(0, k), total: n, capped: true, all: false };
}

/** The ids of `all` that are not in `some`, a subsequence of it (as pick() returns). */
export function complement(all: Int32Array, some: Int32Array): Int32Array {
  const out = new Int32Array(all.length - some.length);
  let j = 0;
  let n = 0;
  for (const id of all) {
    if (j < some.length && some[j] === id) j++;
    else out[n++] = id;
  }
  return out.subarray(0, n);
}
