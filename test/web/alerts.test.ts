// Alert pages and banners (issue 23): placement per district and for `all`, the order of
// the banner, the lists, the archive, and an alert's page before, during and after it.
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { NOW, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { iso, writeAlert, type AlertFields } from "../helpers/alerts.js";

const HOUR = 3_600_000;
const open: TestPortal[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

async function portalWith(alerts: Record<string, AlertFields>): Promise<TestPortal> {
  const contentDir = copyFixture("content");
  for (const [name, f] of Object.entries(alerts)) writeAlert(contentDir, name.slice(0, 2), name.slice(3), f);
  const portal = await createTestPortal({ contentDir });
  open.push(portal);
  return portal;
}

/** Titles of the alerts in a page's banner, in order. */
function banner(html: string): string[] {
  const region = /<section class="alert-banner"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  return [...region.matchAll(/<p class="alert-title"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

const SREDETS_ARTICLE = "/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/";

describe("the banner", () => {
  const alerts = {
    "bg/voda": {
      title: "Спиране на водата в Лозенец",
      districts: "[lozenets]",
      severity: "warning",
      start: iso(NOW - HOUR),
      end: iso(NOW + 5 * HOUR),
      area: "ул. „Криволак“",
    },
    "bg/tok": {
      title: "Авария с тока в Средец",
      kind: "electricity",
      districts: "[sredets]",
      severity: "emergency",
      start: iso(NOW - HOUR),
      end: iso(NOW + 8 * HOUR),
    },
    "bg/vreme": { title: "Силен вятър", kind: "weather", districts: "all", severity: "info", start: iso(NOW - HOUR), end: iso(NOW + 2 * HOUR) },
    "bg/utre": { title: "Утрешен ремонт", kind: "roads", districts: "[lozenets]", start: iso(NOW + 20 * HOUR), end: iso(NOW + 22 * HOUR) },
    "bg/minalo": { title: "Минала авария", districts: "[lozenets]", start: iso(NOW - 5 * HOUR), end: iso(NOW - HOUR) },
    "pl/woda": { title: "Brak wody w Gdańsku", districts: "[gdansk]", start: iso(NOW - HOUR), end: iso(NOW + HOUR) },
  } satisfies Record<string, AlertFields>;

  it("shows a district's current alerts and those for all districts on its pages, never upcoming or ended ones", async () => {
    const portal = await portalWith(alerts);
    const get = async (url: string) => banner((await request(portal.app).get(url).expect(200)).text);
    expect(await get("/bg/rayoni/lozenets/")).toEqual(["Спиране на водата в Лозенец", "Силен вятър"]);
    expect(await get("/bg/rayoni/sredets/")).toEqual(["Авария с тока в Средец", "Силен вятър"]);
    expect(await get(SREDETS_ARTICLE)).toEqual(["Авария с тока в Средец", "Силен вятър"]);
    // Other pages of the language: only `districts: all`.
    expect(await get("/bg/rayoni/")).toEqual(["Силен вятър"]);
    expect(await get("/bg/etiketi/")).toEqual(["Силен вятър"]);
    // The other language has its own.
    expect(await get("/pl/dzielnice/gdansk/")).toEqual(["Brak wody w Gdańsku"]);
    expect(await get("/pl/dzielnice/sopot/")).toEqual([]);
  });

  it("on the home page and the all-news listing: every current alert, most severe first, then the soonest to end", async () => {
    const portal = await portalWith(alerts);
    for (const url of ["/bg/", "/bg/novini/"]) {
      expect(banner((await request(portal.app).get(url).expect(200)).text)).toEqual(["Авария с тока в Средец", "Спиране на водата в Лозенец", "Силен вятър"]);
    }
  });

  it("says kind, severity, area and the span in words, in a labelled region without aria-live", async () => {
    const portal = await portalWith(alerts);
    const html = (await request(portal.app).get("/bg/rayoni/lozenets/").expect(200)).text;
    const region = /<section class="alert-banner"[\s\S]*?<\/section>/.exec(html)![0];
    expect(region).toContain('aria-labelledby="alert-banner-heading"');
    expect(region).toContain('<h2 id="alert-banner-heading" class="visually-hidden">Предупреждения за района</h2>');
    expect(region).not.toContain("aria-live");
    expect(region).not.toContain('role="alert"');
    // NOW is 14:00 in Sofia; the alert runs from 13:00 to 19:00 today.
    expect(region).toContain("днес от 13:00 до 19:00");
    expect(region).toContain("Внимание</span>");
    expect(region).toContain("Вода</span>");
    expect(region).toContain('<p class="alert-area">ул. „Криволак“</p>');
    expect(region).toContain('href="/bg/preduprezhdeniya/spirane-na-vodata-v-lozenets/"');
    expect(html).toMatch(/<script src="\/static\/js\/alerts\.[0-9a-f]+\.js" defer><\/script>/);
    // Information and warnings may be hidden; an emergency may not.
    const sredets = (await request(portal.app).get("/bg/rayoni/sredets/").expect(200)).text;
    expect(sredets).toMatch(/<li class="alert alert-emergency" data-alert-id="[^"]+">/);
    expect(sredets).toMatch(/<li class="alert alert-info" data-alert-id="[^"]+" data-dismissible/);
  });

  it("puts dates in words when the span is not today", async () => {
    const portal = await portalWith({
      "pl/jutro": { title: "Jutro", districts: "all", start: "2026-11-24T08:00", end: "2026-11-24T18:00" },
      "pl/dni": { title: "Dni", districts: "all", start: "2026-11-23T08:00", end: "2026-11-26T18:00" },
    });
    const html = (await request(portal.app).get("/pl/komunikaty/").expect(200)).text;
    expect(html).toContain("jutro od 8:00 do 18:00");
    expect(html).toContain("od dziś, 8:00 do 26 listopada, 18:00");
  });
});

describe("alert pages", () => {
  it("lists current and upcoming alerts per language and per district, and ended ones in the archive", async () => {
    const portal = await portalWith({
      "bg/sega": { title: "Сега", districts: "[lozenets]", start: iso(NOW - HOUR), end: iso(NOW + HOUR) },
      "bg/posle": { title: "После", districts: "[sredets]", start: iso(NOW + HOUR), end: iso(NOW + 2 * HOUR) },
      "bg/predi": { title: "Преди", districts: "[sredets]", start: iso(NOW - 2 * HOUR), end: iso(NOW - HOUR) },
    });
    const list = (await request(portal.app).get("/bg/preduprezhdeniya/").expect(200)).text;
    expect(list).toContain(">Сега</a>");
    expect(list).toContain(">После</a>");
    expect(list).not.toContain(">Преди</a>");
    expect(list).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Предупреждения — Районни новини" href="https://news.example.org/bg/preduprezhdeniya/atom.xml">',
    );
    const sredets = (await request(portal.app).get("/bg/preduprezhdeniya/rayoni/sredets/").expect(200)).text;
    expect(sredets).toContain(">После</a>");
    expect(sredets).not.toContain(">Сега</a>");
    const archive = (await request(portal.app).get("/bg/preduprezhdeniya/arhiv/").expect(200)).text;
    expect(archive).toContain(">Преди</a>");
    expect(archive).not.toContain(">Сега</a>");
    await request(portal.app).get("/bg/preduprezhdeniya/arhiv/?page=2").expect(404);
    await request(portal.app).get("/bg/preduprezhdeniya/rayoni/nyama/").expect(404);
    await request(portal.app).get("/bg/preduprezhdeniya/nyama-takova/").expect(404);
  });

  it("an alert's page says it ended, in the past tense, once it is over", async () => {
    const portal = await portalWith({ "bg/voda": { districts: "[lozenets]", start: iso(NOW - HOUR), end: iso(NOW + HOUR), area: "ул. „Криволак“" } });
    const url = "/bg/preduprezhdeniya/spirane-na-vodata-v-kv-lozenets/";
    const during = (await request(portal.app).get(url).expect(200)).text;
    expect(during).toContain("В сила");
    expect(during).toContain("Ремонт на водопровода.");
    expect(during).toContain('<a href="/bg/rayoni/lozenets/">Лозенец</a>');
    expect(during).toContain('"@type":"SpecialAnnouncement"');
    portal.setNow(NOW + 2 * HOUR);
    const after = (await request(portal.app).get(url).expect(200)).text;
    expect(after.replace(/[\s\S]*<h1/, "").slice(0, 600)).toContain("Приключи на 23 ноември 2026 г. в 15:00.");
    expect(banner(after)).toEqual([]);
  });
});

describe("the editors' preview (npm run dev)", () => {
  it("shows upcoming alerts in the banner with when they start; the public site does not", async () => {
    const contentDir = copyFixture("content");
    writeAlert(contentDir, "bg", "utre", { title: "Утрешен ремонт", districts: "all", start: "2026-11-24T08:00", end: "2026-11-24T18:00" });
    const dev = await createTestPortal({ contentDir, env: { NODE_ENV: "development" } });
    open.push(dev);
    const html = (await request(dev.app).get("/bg/rayoni/").expect(200)).text;
    expect(banner(html)).toEqual(["Утрешен ремонт"]);
    expect(html).toContain('<p class="alert-preview"><strong>Предстои — ще се появи на 24 ноември в 8:00. Виждате го само в прегледа.</strong></p>');
    const prod = await createTestPortal({ contentDir });
    open.push(prod);
    expect(banner((await request(prod.app).get("/bg/rayoni/").expect(200)).text)).toEqual([]);
  });
});
