// Every page type in both languages, its status codes and redirects, on the fixture tree.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

const get = (url: string, headers: Record<string, string> = {}) => request(portal.app).get(url).set(headers);
const h1 = (html: string) => [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!.trim());

describe("the language redirect at /", () => {
  it.each([
    ["pl-PL,pl;q=0.9,en;q=0.8", "/pl/"],
    ["bg,en;q=0.5", "/bg/"],
    ["en-US,en;q=0.9", "/bg/"],
    ["en;q=0.9,pl;q=0.8,bg;q=0.1", "/pl/"],
    ["pl;q=0,bg;q=0.2", "/bg/"],
    ["", "/bg/"],
    ["*;;;q=x,,,\u00ff", "/bg/"],
  ])("Accept-Language %j → %s", async (header, target) => {
    const res = await get("/", header ? { "Accept-Language": header } : {});
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(target);
    expect(res.headers.vary).toMatch(/Accept-Language/);
  });

  it("uses DEFAULT_LOCALE when nothing matches", async () => {
    const pl = await createTestPortal({ env: { DEFAULT_LOCALE: "pl" } });
    expect((await request(pl.app).get("/").set("Accept-Language", "de")).headers.location).toBe("/pl/");
    pl.close();
  });
});

describe("locale home pages", () => {
  it("shows the latest news, the districts and a way to everything else, in Bulgarian", async () => {
    const res = await get("/bg/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.text).toContain('<html lang="bg"');
    expect(h1(res.text)).toEqual(["Новини от районите"]);
    expect(res.text).toContain("Приключи обучението на служителите в район „Средец“");
    expect(res.text).toContain('href="/bg/rayoni/sredets/"');
    expect(res.text).toContain('href="/bg/novini/"');
    expect(res.text).toContain('href="/bg/etiketi/"');
  });

  it("is in Polish under /pl/ with Polish district names", async () => {
    const res = await get("/pl/");
    expect(res.text).toContain('<html lang="pl"');
    expect(res.text).toContain(">Gdańsk<");
    expect(res.text).toContain("Najnowsze wiadomości");
    expect(res.text).not.toContain("Последни новини");
  });
});

describe("news listing", () => {
  it("lists published articles newest first with a plural count", async () => {
    const res = await get("/pl/aktualnosci/");
    expect(res.status).toBe(200);
    const order = [...res.text.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
    expect(order.length).toBeGreaterThan(3);
    expect([...order].sort().reverse()).toEqual(order);
    expect(res.text).toMatch(/\d+ artykuł(y|ów)?</);
  });

  it("leaves out drafts, scheduled and expired articles", async () => {
    const bg = (await get("/bg/novini/")).text;
    const pl = (await get("/pl/aktualnosci/")).text;
    expect(bg).not.toContain("Чернова: график");
    expect(bg).not.toContain("готов за зимата");
    expect(pl).not.toContain("Wiosenne porządki 2027");
  });

  it("rejects page numbers that are not plain positive integers, and pages past the end", async () => {
    for (const q of ["0", "-1", "0x10", "1e9", "abc", "1.5"]) expect((await get(`/bg/novini/?page=${q}`)).status).toBe(400);
    expect((await get("/bg/novini/?page=1&page=2")).status).toBe(400);
    expect((await get("/bg/novini/?page=99")).status).toBe(404);
  });
});

describe("article page", () => {
  const url = "/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/";

  it("has the title as the one h1, a long localized date, district link, tags, figure and body", async () => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(h1(res.text)).toEqual(["Приключи обучението на служителите в район „Средец“"]);
    expect(res.text).toMatch(/<time datetime="2026-10-29T10:30:00\+02:00">29 октомври 2026 г\.<\/time>/);
    expect(res.text).toContain('href="/bg/rayoni/sredets/"');
    expect(res.text).toMatch(/<a href="\/bg\/etiketi\/obuchenie\/" rel="tag">обучение<\/a>/);
    expect(res.text).toMatch(/<figure class="article-image">[\s\S]*<img [^>]*alt="[^"]+"[^>]*>[\s\S]*<figcaption>/);
    expect(res.text).toMatch(/<h2[^>]*>/);
  });

  it("uses Polish dates and quotes on Polish articles", async () => {
    const res = await get("/pl/aktualnosci/prosty-jezyk-i-dostepnosc-szkolenie-dla-urzednikow-z-calej-metropolii/");
    expect(res.status).toBe(200);
    expect(res.text).toContain("14 maja 2026");
  });

  it("links its translation with hreflang, and the language switcher leads there", async () => {
    const res = await get("/bg/novini/delegatsia-ot-rayon-sredets-gostuva-v-sopot/");
    expect(res.status).toBe(200);
    const tr = /<a href="(\/pl\/aktualnosci\/[^"]+)" hreflang="pl" lang="pl">/.exec(res.text);
    expect(tr).not.toBeNull();
    expect(res.text).toMatch(new RegExp(`<a href="${tr![1]}" lang="pl" hreflang="pl">Polski</a>`));
    const back = await get(tr![1]!);
    expect(back.status).toBe(200);
    expect(back.text).toContain('href="/bg/novini/delegatsia-ot-rayon-sredets-gostuva-v-sopot/" lang="bg" hreflang="bg"');
  });

  it("without a translation, the switcher leads to the article's district in the other language, with a note", async () => {
    const res = await get(url);
    expect(res.text).toMatch(/<a href="\/pl\/dzielnice\/sredets\/\?untranslated=article" lang="pl" hreflang="pl">Polski<\/a>/);
  });

  it("shows related articles of the same district", async () => {
    const res = await get(url);
    expect(res.text).toMatch(/Още новини от Средец[\s\S]*href="\/bg\/novini\/[a-z0-9-]+\/"/);
  });

  it("answers 404 for drafts, scheduled and unknown articles, and for malformed slugs", async () => {
    for (const u of [
      "/bg/novini/chernova-grafik-za-zimnoto-podryazvane-na-darvetata-v-lozenets/",
      "/pl/aktualnosci/wiosenne-porzadki-2027-harmonogram-odbioru-odpadow-wielkogabarytowych/",
      "/bg/novini/zimna-gotovnost-sredets-2025/",
      "/bg/novini/no-such-article/",
      "/bg/novini/..%2F..%2Fpackage.json/",
    ]) {
      const res = await get(u);
      expect(res.status, u).toBe(404);
      expect(res.text).toContain(u.startsWith("/pl/") ? "Nie znaleziono strony" : "Страницата не е намерена");
    }
  });

  it("publishes a scheduled article on time, without a restart", async () => {
    const scheduled = "/pl/aktualnosci/wiosenne-porzadki-2027-harmonogram-odbioru-odpadow-wielkogabarytowych/";
    const p = await createTestPortal();
    try {
      expect((await request(p.app).get(scheduled)).status).toBe(404);
      p.setNow(Date.UTC(2027, 2, 1, 12));
      expect((await request(p.app).get(scheduled)).status).toBe(200);
      expect((await request(p.app).get("/pl/aktualnosci/")).text).toContain("Wiosenne porządki 2027");
    } finally {
      p.close();
    }
  });
});

describe("districts", () => {
  it("groups districts by municipality with plural counts", async () => {
    const res = await get("/pl/dzielnice/");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Metropolia Gdańsk-Gdynia-Sopot");
    expect(res.text).toMatch(/Gdańsk<\/a> <span class="count">\d+ artykuł(y|ów)?<\/span>/);
    // Issue 22: a district with no Polish article is listed last, under its own heading, without "0 artykułów".
    expect(res.text).not.toMatch(/Sredec<\/a> <span class="count">0 artykułów<\/span>/);
    expect(res.text.indexOf("Dzielnice bez wiadomości po polsku")).toBeGreaterThan(res.text.indexOf("Metropolia Gdańsk-Gdynia-Sopot"));
    expect(res.text.indexOf(">Sredec<")).toBeGreaterThan(res.text.indexOf("Dzielnice bez wiadomości po polsku"));
  });

  it("sorts with the locale's collation (Ł after L in Polish)", async () => {
    const res = await get("/pl/dzielnice/");
    const names = [...res.text.matchAll(/<li><a href="\/pl\/dzielnice\/[a-z-]+\/">([^<]+)<\/a>/g)].map((m) => m[1]!);
    expect(names.indexOf("Łozenec")).toBeGreaterThan(names.indexOf("Oboriszte") === -1 ? -1 : 0);
    const sofia = names.filter((n) => ["Łozenec", "Oboriszte", "Sredec"].includes(n));
    expect(sofia).toEqual(["Łozenec", "Oboriszte", "Sredec"]);
  });

  it("shows a district page with its description and articles, and 404 for unknown ones", async () => {
    const res = await get("/bg/rayoni/sredets/");
    expect(res.status).toBe(200);
    expect(h1(res.text)).toEqual(["Средец"]);
    expect(res.text).toContain("<strong>");
    expect(res.text).toMatch(/\d+ новини/);
    expect((await get("/bg/rayoni/atlantis/")).status).toBe(404);
  });

  it("points to the other language when a district has no news in this one", async () => {
    const res = await get("/bg/rayoni/gdansk/");
    expect(res.text).toContain("Все още няма новини на български за Гданск.");
    expect(res.text).toContain('href="/pl/dzielnice/gdansk/"');
  });
});

describe("tags", () => {
  it("lists tags and shows a tag page", async () => {
    const index = await get("/pl/tagi/");
    expect(index.status).toBe(200);
    expect(index.text).toContain('href="/pl/tagi/dostepnosc/"');
    const tag = await get("/pl/tagi/dostepnosc/");
    expect(tag.status).toBe(200);
    expect(h1(tag.text)).toEqual(["Temat: dostępność"]);
    expect((await get("/pl/tagi/nie-ma-takiego/")).status).toBe(404);
  });
});

describe("one URL per page", () => {
  it.each([
    ["/bg/novini", "/bg/novini/"],
    ["/BG/Novini/", "/bg/novini/"],
    ["/bg/novini?page=1", "/bg/novini/?page=1"],
    ["/bg//rayoni/", "/bg/rayoni/"],
  ])("%s → 301 %s", async (from, to) => {
    const res = await get(from);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(to);
  });

  it("redirects an alias to the article", async () => {
    const res = await get("/bg/novini/obuchenie-sluzhiteli-sredets/");
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe("/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/");
  });
});

describe("errors and probes", () => {
  it("has localized 404 pages by path, and by Accept-Language elsewhere", async () => {
    expect((await get("/pl/nie-ma/")).text).toContain("Nie znaleziono strony");
    const res = await get("/nope/", { "Accept-Language": "pl" });
    expect(res.status).toBe(404);
    expect(res.text).toContain('<html lang="pl"');
  });

  it("reports readiness with counts and content problems", async () => {
    const res = await get("/readyz");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ready", districts: 7, contentProblems: 0 });
    expect(res.body.articles).toBeGreaterThan(5);
    expect((await get("/healthz")).body).toEqual({ status: "ok" });
  });

  it("answers 500 with a localized page and request id, without internals", async () => {
    const p = await createTestPortal();
    p.deps.index.articles.page = () => {
      throw new Error("disk on fire at /srv/secret/path.ts");
    };
    const res = await request(p.app).get("/pl/aktualnosci/");
    expect(res.status).toBe(500);
    expect(res.text).toContain("Coś poszło nie tak");
    expect(res.text).toMatch(/Numer zgłoszenia: [0-9a-f-]{36}/);
    expect(res.text).not.toContain("disk on fire");
    expect(res.text).not.toContain("/srv/secret");
    p.close();
  });
});
