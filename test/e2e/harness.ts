// Shared setup for the browser tests: the real app on an ephemeral port (fixture content
// plus the shipped accessibility statements), one Chromium, and the list of page types.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { LOCALES, type Locale } from "../../src/config.js";
import { urls } from "../../src/site/urls.js";
import { iso, writeAlert } from "../helpers/alerts.js";
import { copyFixture, createTestPortal, NOW, type TestPortal } from "../helpers/app.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOTS = path.join(ROOT, "test-results/screenshots");

/** Debian's Chromium (never a downloaded browser), quiet: no network of its own, no first-run work. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", ...extraArgs, "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface PageType {
  readonly name: string;
  readonly locale: Locale;
  readonly url: string;
  readonly status: number;
}

export interface Harness {
  readonly portal: TestPortal;
  readonly base: string;
  readonly browser: Browser;
  readonly pages: PageType[];
  close(): Promise<void>;
}

const SEARCH: Record<Locale, string> = { bg: "обучение", pl: "szkolenie" };

/** One URL of every page type in one language, found in the index (no hard-coded slugs). */
function pageTypes(portal: TestPortal, locale: Locale): PageType[] {
  const now = portal.index.now();
  const all = portal.index.articles.page(locale, 1, 1000);
  const withImage = all.items.find((a) => a.image);
  const translated = all.items.find((a) => a.translationKey && portal.index.articles.translations(a, now).length > 0);
  const district = all.items[0]!.district;
  const tag = portal.index.tags.all(locale)[0]!.tag;
  const list: [string, string, number][] = [
    ["home", urls.home(locale), 200],
    ["news", urls.news(locale), 200],
    ["article-image", urls.article(locale, withImage!.slug), 200],
    ["article-translated", urls.article(locale, translated!.slug), 200],
    ["districts", urls.districts(locale), 200],
    ["district", urls.district(locale, district), 200],
    ["tags", urls.tags(locale), 200],
    ["tag", urls.tag(locale, tag), 200],
    ["accessibility", urls.accessibility(locale), 200],
    ["search", `${urls.search(locale)}?q=${encodeURIComponent(SEARCH[locale])}`, 200],
    ["search-empty", `${urls.search(locale)}?q=zzqxw`, 200],
    ["events", urls.events(locale), 200],
    ["alerts", urls.alerts(locale), 200],
    ["api", urls.api(locale), 200],
    ["not-found", `/${locale}/no-such-page/`, 404],
  ];
  // An alert's own page, where the fixture has one in this language.
  const alert = portal.index.alerts.live(locale, now)[0] ?? null;
  if (alert) list.splice(list.length - 1, 0, ["alert", urls.alert(locale, alert.slug), 200]);
  if (all.pages > 1) list.splice(2, 0, ["news-page-2", urls.news(locale, 2), 200]);
  return list.map(([name, url, status]) => ({ name, locale, url, status }));
}

export async function startHarness(options: { browser?: boolean } = {}): Promise<Harness> {
  const contentDir = copyFixture("content");
  fs.cpSync(path.join(ROOT, "content/accessibility"), path.join(contentDir, "accessibility"), { recursive: true });
  // A current alert in both languages (the banner and the alert page are page types too).
  const span = { start: iso(NOW - 3_600_000), end: iso(NOW + 86_400_000), translationKey: "voda-e2e" };
  writeAlert(contentDir, "bg", "spirane-na-vodata", span);
  writeAlert(contentDir, "pl", "przerwa-w-dostawie-wody", {
    ...span,
    title: "Przerwa w dostawie wody na Łozencu",
    body: "Naprawa wodociągu. Telefon: 0700 121 21.\n",
  });
  const portal = await createTestPortal({ contentDir });
  const server: Server = await new Promise((resolve) => {
    const s = portal.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = options.browser === false ? (null as unknown as Browser) : await launchChromium(["--disable-quic"]);
  return {
    portal,
    base,
    browser,
    pages: LOCALES.flatMap((l) => pageTypes(portal, l)),
    async close() {
      await browser?.close();
      await new Promise((resolve) => server.close(resolve));
      portal.close();
    },
  };
}
