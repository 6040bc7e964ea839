// Fault (issue 22): the language switcher sent the reader to the other language's home
// page from an article without a translation, from a tag page, from an alert, and search
// lost the query (/bg/tarsene/?q=sredets → /pl/szukaj/). Must hold: the switcher goes to
// the translation when there is one, else to the same kind of page in the other language,
// which then says why ("Ten artykuł nie ma wersji polskiej…"); never silently home. The
// note's ?untranslated= flag is validated and adds no render-cache entry.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";
import { addressIn } from "../../src/web/page-address.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

const get = (url: string) => request(portal.app).get(url);
const unescape = (s: string) => s.replaceAll("&amp;", "&");

/** The switcher's link to the other language (the one not marked current). */
async function switchTarget(url: string, lang: "bg" | "pl"): Promise<string> {
  const res = await get(url);
  expect([200, 404], url).toContain(res.status);
  const nav = /<nav class="lang-switch"[\s\S]*?<\/nav>/.exec(res.text)?.[0] ?? "";
  const link = new RegExp(`<a href="([^"]+)" lang="${lang}" hreflang="${lang}">`).exec(nav);
  expect(link, `${url}: no switcher link to ${lang}`).not.toBeNull();
  return unescape(link![1]!);
}

const NOTE = /<p class="banner switch-note" role="status">([^<]+)<\/p>/;

describe("the language switcher never strands the reader", () => {
  it.each([
    // Pages that exist in both languages: their counterpart.
    ["/bg/", "pl", "/pl/"],
    ["/bg/novini/", "pl", "/pl/aktualnosci/"],
    ["/bg/rayoni/", "pl", "/pl/dzielnice/"],
    ["/bg/rayoni/sredets/", "pl", "/pl/dzielnice/sredets/"],
    ["/pl/dzielnice/sopot/", "bg", "/bg/rayoni/sopot/"],
    ["/bg/etiketi/", "pl", "/pl/tagi/"],
    ["/bg/sabitiya/", "pl", "/pl/wydarzenia/"],
    ["/bg/rayoni/sredets/sabitiya/", "pl", "/pl/dzielnice/sredets/wydarzenia/"],
    ["/bg/preduprezhdeniya/", "pl", "/pl/komunikaty/"],
    ["/bg/preduprezhdeniya/arhiv/", "pl", "/pl/komunikaty/archiwum/"],
    ["/bg/preduprezhdeniya/rayoni/lozenets/", "pl", "/pl/komunikaty/dzielnice/lozenets/"],
    ["/bg/api/", "pl", "/pl/api/"],
    // A translated article: its translation.
    ["/bg/novini/delegatsia-ot-rayon-sredets-gostuva-v-sopot/", "pl", "/pl/aktualnosci/urzednicy-z-dzielnicy-sredec-w-sofii-z-wizyta-w-sopocie/"],
    // An article without a translation: its district, with the note.
    ["/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/", "pl", "/pl/dzielnice/sredets/?untranslated=article"],
    // A tag that has articles in the other language too: that tag; otherwise the topics list.
    ["/bg/etiketi/transport/", "pl", "/pl/tagi/transport/"],
    ["/bg/etiketi/remont/", "pl", "/pl/tagi/?untranslated=tag"],
    // Search keeps the query and filters, drops the results page.
    ["/bg/tarsene/?q=sredets", "pl", "/pl/szukaj/?q=sredets"],
    [
      "/bg/tarsene/?q=%D1%80%D0%B5%D0%BC%D0%BE%D0%BD%D1%82&district=sredets&year=2026",
      "pl",
      "/pl/szukaj/?q=%D1%80%D0%B5%D0%BC%D0%BE%D0%BD%D1%82&district=sredets&year=2026",
    ],
    ["/bg/tarsene/", "pl", "/pl/szukaj/"],
    // An alert without a Polish version: the alerts page, with the note.
    ["/bg/preduprezhdeniya/bez-parno-v-chast-ot-lozenets/", "pl", "/pl/komunikaty/?untranslated=alert"],
    // A page that does not exist: the other home, saying so.
    ["/bg/novini/no-such-article/", "pl", "/pl/?untranslated=page"],
  ] as const)("%s → %s: %s", async (from, lang, to) => {
    const target = await switchTarget(from, lang);
    expect(target).toBe(to);
    expect((await get(target)).status, target).toBe(200);
  });

  it("the accessibility statement goes to the other language's statement", () => {
    expect(addressIn({ kind: "accessibility" }, "pl")).toEqual({ alternate: "/pl/deklaracja-dostepnosci/", href: "/pl/deklaracja-dostepnosci/" });
  });

  it("a translated article and its translation point at each other", async () => {
    const back = await switchTarget("/pl/aktualnosci/urzednicy-z-dzielnicy-sredec-w-sofii-z-wizyta-w-sopocie/", "bg");
    expect(back).toBe("/bg/novini/delegatsia-ot-rayon-sredets-gostuva-v-sopot/");
  });

  it.each([
    ["/pl/dzielnice/sredets/?untranslated=article", "Ten artykuł nie ma wersji polskiej"],
    ["/pl/tagi/?untranslated=tag", "Ten temat nie ma artykułów po polsku"],
    ["/pl/komunikaty/?untranslated=alert", "Ten komunikat nie ma wersji polskiej"],
    ["/pl/?untranslated=page", "nie ma wersji polskiej"],
    ["/bg/rayoni/sopot/?untranslated=article", "Тази статия няма версия на български"],
    ["/bg/etiketi/?untranslated=tag", "Тази тема няма статии на български"],
  ])("%s says why the reader landed there", async (url, note) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(NOTE.exec(res.text)?.[1]).toContain(note);
    // The same page without the flag has no note, and the flag is not its canonical address.
    expect(res.text).toContain(`<link rel="canonical" href="${portal.config.baseUrl}${url.split("?")[0]}">`);
    expect(NOTE.test((await get(url.split("?")[0]!)).text)).toBe(false);
  });

  it("refuses an unknown ?untranslated= value", async () => {
    expect((await get("/pl/dzielnice/sredets/?untranslated=<script>")).status).toBe(400);
    expect((await get("/pl/tagi/?untranslated=1")).status).toBe(400);
  });

  it("pages with the note are not kept in the render cache, and the kept page never shows it", async () => {
    const cache = portal.deps.pageCache!;
    expect((await get("/pl/tagi/")).status).toBe(200);
    await cache.settled();
    const before = cache.size.pages;
    for (let n = 0; n < 20; n++) expect((await get("/pl/tagi/?untranslated=tag")).status).toBe(200);
    await cache.settled();
    expect(cache.size.pages).toBe(before);
    expect(NOTE.test((await get("/pl/tagi/")).text)).toBe(false);
  });

  it("hreflang lists only real counterparts: an untranslated article has none, a tag none", async () => {
    const article = await get("/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/");
    expect(article.text).not.toMatch(/hreflang="pl" href=/);
    const tag = await get("/bg/etiketi/transport/");
    expect(tag.text).not.toMatch(/hreflang="pl" href=/);
    const district = await get("/bg/rayoni/sredets/");
    expect(district.text).toContain(`<link rel="alternate" hreflang="pl" href="${portal.config.baseUrl}/pl/dzielnice/sredets/">`);
  });
});
