// Lists that start where the reader lives: the districts of a language's pages grouped by
// municipality, the municipality with the most news in that language first (the locale's
// own city: Sofia on Bulgarian pages, the Tricity on Polish ones, without naming them in
// code), and the districts with no article in the language apart, to go last under their
// own heading (or be left out, on the home page).
import type { Locale } from "../config.js";
import { collator } from "../i18n/format.js";
import type { AppDeps } from "./deps.js";
import { urls } from "../site/urls.js";

export interface DistrictEntry {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly count: number;
}

export interface DistrictGroup {
  readonly municipality: string;
  readonly count: number;
  readonly districts: DistrictEntry[];
}

export function districtGroups(deps: AppDeps, locale: Locale): { groups: DistrictGroup[]; withoutNews: DistrictGroup[] } {
  const order = collator(locale);
  const counts = deps.index.districts.counts(locale);
  const withNews = new Map<string, DistrictGroup>();
  const without = new Map<string, DistrictGroup>();
  for (const d of deps.index.districts.all(deps.index.version())) {
    const count = counts.get(d.id) ?? 0;
    const into = count > 0 ? withNews : without;
    const m = d.municipality[locale];
    const group = into.get(m) ?? { municipality: m, count: 0, districts: [] };
    group.districts.push({ id: d.id, name: d.name[locale], url: urls.district(locale, d.id), count });
    into.set(m, { ...group, count: group.count + count });
  }
  const sorted = (groups: Map<string, DistrictGroup>) => {
    const list = [...groups.values()].sort((a, b) => b.count - a.count || order.compare(a.municipality, b.municipality));
    for (const g of list) g.districts.sort((a, b) => order.compare(a.name, b.name));
    return list;
  };
  return { groups: sorted(withNews), withoutNews: sorted(without) };
}
