// src/index/search-live.ts: the filters, count and cap of a search, applied to the ids of
// its matches (the ranking itself is pinned in ranking.test.ts).
import { describe, expect, it } from "vitest";
import { complement, liveSet, pick } from "../../src/index/search-live.js";

// id, lang, district, date, listing position (1 = newest)
const live = liveSet([
  [1, "bg", "sredets", 100, 5],
  [2, "bg", "lozenets", 200, 4],
  [3, "bg", "sredets", 300, 3],
  [4, "pl", "sopot", 300, 1],
  [5, "bg", "sredets", 400, 2],
  [6, "bg", "lozenets", 500, 1],
]);
const ids = (...xs: number[]) => Int32Array.from(xs);

describe("picking the matches a search ranks", () => {
  it("keeps the published matches of the language, all of them when nothing else is left out", () => {
    const p = pick(live, ids(1, 2, 3, 5, 6), "bg", {}, 10);
    expect([...p.ids]).toEqual([1, 2, 3, 5, 6]);
    expect([p.total, p.capped, p.all]).toEqual([5, false, true]);
    // 4 is Polish, 7 is indexed but not published (a draft, or newer than the set).
    const q = pick(live, ids(1, 4, 7), "bg", {}, 10);
    expect([...q.ids, q.total, q.all]).toEqual([1, 1, false]);
  });

  it("filters by district and by a half-open date range", () => {
    expect([...pick(live, ids(1, 2, 3, 5, 6), "bg", { district: "sredets" }, 10).ids]).toEqual([1, 3, 5]);
    expect([...pick(live, ids(1, 2, 3, 5, 6), "bg", { from: 200, to: 400 }, 10).ids]).toEqual([2, 3]);
    expect([...pick(live, ids(1, 2, 3, 5, 6), "bg", { district: "sredets", from: 200 }, 10).ids]).toEqual([3, 5]);
    expect(pick(live, ids(1, 2, 3, 5, 6), "bg", { district: "nowhere" }, 10).total).toBe(0);
  });

  it("keeps the newest when more than the limit pass, and counts them all", () => {
    const p = pick(live, ids(1, 2, 3, 5, 6), "bg", {}, 2);
    expect([...p.ids].sort()).toEqual([5, 6]);
    expect([p.total, p.capped, p.all]).toEqual([5, true, false]);
    const d = pick(live, ids(1, 2, 3, 5, 6), "bg", { district: "sredets" }, 2);
    expect([...d.ids].sort()).toEqual([3, 5]);
    expect([d.total, d.capped]).toEqual([3, true]);
  });

  it("gives the ids left out", () => {
    expect([...complement(ids(1, 2, 3, 5, 6), ids(2, 5))]).toEqual([1, 3, 6]);
  });
});
