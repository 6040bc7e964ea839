// The accessibility statements: the Polish structure (ids, dates, the Ombudsman link),
// the Bulgarian EU-model sections, the site-wide meta tag, and editing the YAML files.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStatement, readStatement } from "../../src/content/accessibility.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

const STATEMENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content/accessibility");

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
  fs.cpSync(STATEMENTS, path.join(portal.contentDir, "accessibility"), { recursive: true });
});
afterAll(() => portal.close());

const get = (url: string) => request(portal.app).get(url);

describe("the Polish accessibility statement", () => {
  it("has every element id the technical conditions prescribe, with YYYY-MM-DD dates", async () => {
    const res = await get("/pl/deklaracja-dostepnosci/");
    expect(res.status).toBe(200);
    const ids = [
      "wstep",
      "podmiot",
      "url",
      "data-publikacja",
      "data-aktualizacja",
      "status",
      "ocena",
      "data-sporzadzenie",
      "kontakt",
      "osoba",
      "email",
      "telefon",
      "procedura",
      "architektura",
      "aplikacje",
    ];
    for (const id of ids) expect(res.text, id).toContain(`id="a11y-${id}"`);
    expect(res.text).toMatch(/<time id="a11y-data-publikacja" datetime="2025-03-03">2025-03-03<\/time>/);
    expect(res.text).toMatch(/<time id="a11y-data-sporzadzenie" datetime="\d{4}-\d{2}-\d{2}">/);
    expect(res.text).toContain('href="https://bip.brpo.gov.pl/pl/content/zlozenie-wniosku-do-rzecznika-praw-obywatelskich"');
    expect(res.text).toContain("częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r.");
    expect(res.text).toMatch(/<a id="a11y-telefon" href="tel:\+48585001234">/);
    expect(res.text.match(/<h1[\s>]/g)).toHaveLength(1);
  });
});

describe("the Bulgarian accessibility statement", () => {
  it("follows the EU model and names the Bulgarian enforcement body", async () => {
    const res = await get("/bg/dostapnost/");
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="a11y-deklaracja">Декларация за достъпност</h1>');
    for (const heading of [
      "Състояние на съответствие",
      "Недостъпно съдържание",
      "Изготвяне на настоящата декларация",
      "Обратна информация и данни за контакт",
      "процедура по прилагане",
    ]) {
      expect(res.text).toContain(heading);
    }
    expect(res.text).toContain("Министерство на електронното управление");
    expect(res.text).toContain("чл. 58в от Закона за електронното управление");
    // Bulgarian dates read as words, machine-readable in datetime.
    expect(res.text).toMatch(/<time id="a11y-data-publikacja" datetime="2025-03-03">3 март 2025 г\.<\/time>/);
    expect(res.text).toContain('<link rel="alternate" hreflang="pl" href="https://news.example.org/pl/deklaracja-dostepnosci/">');
  });
});

describe("the site-wide statement link", () => {
  it.each(["/pl/", "/pl/aktualnosci/", "/pl/dzielnice/", "/pl/no-such-page/"])("%s carries <meta name=deklaracja-dostępności>", async (url) => {
    const res = await get(url);
    expect(res.text).toContain('<meta name="deklaracja-dostępności" content="https://news.example.org/pl/deklaracja-dostepnosci/">');
    expect(res.text).toMatch(/<footer[\s\S]*href="\/pl\/deklaracja-dostepnosci\/"/);
  });

  // Issue 22: the tag names the Polish statement, so Bulgarian pages must not carry it.
  it.each(["/bg/", "/bg/novini/", "/bg/rayoni/", "/bg/no-such-page/"])(
    "%s (Bulgarian) carries no Polish statement meta tag, and links its own statement",
    async (url) => {
      const res = await get(url);
      expect(res.text).not.toContain("deklaracja-dostępności");
      expect(res.text).toMatch(/<footer[\s\S]*href="\/bg\/dostapnost\/"/);
    },
  );
});

describe("editing the statement", () => {
  it("shows a changed file without a restart", async () => {
    const file = path.join(portal.contentDir, "accessibility/pl.yml");
    const raw = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, raw.replace("person: Anna Kowalewska", "person: Jan Nowicki"));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const res = await get("/pl/deklaracja-dostepnosci/");
    expect(res.text).toContain('<dd id="a11y-osoba">Jan Nowicki</dd>');
  });

  it("serves the last valid statement (never a half one) when the file is broken, and recovers when fixed", async () => {
    const file = path.join(portal.contentDir, "accessibility/bg.yml");
    const raw = fs.readFileSync(file, "utf8");
    expect((await get("/bg/dostapnost/")).status).toBe(200);
    fs.writeFileSync(file, raw.replace("status: partial", "status: mostly"));
    expect((await get("/bg/dostapnost/")).status).toBe(200);
    fs.writeFileSync(file, raw);
    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(file, later, later);
    expect((await get("/bg/dostapnost/")).status).toBe(200);
  });

  it("reports editor mistakes with the file, line and field", () => {
    const bad = parseStatement("accessibility/pl.yml", "entity: X\nsiteName: Y\nsiteUrl: nope\npublished: 2025-02-30\n");
    expect(bad.statement).toBeNull();
    const fields = bad.issues.map((i) => `${i.line}:${i.field}`);
    expect(fields).toContain("3:siteUrl");
    expect(fields).toContain("4:published");
    expect(fields).toContain("1:status");
    const partial = parseStatement("x.yml", fs.readFileSync(path.join(STATEMENTS, "pl.yml"), "utf8").replace(/nonAccessible:[\s\S]*?prepared:/, "prepared:"));
    expect(partial.issues.map((i) => i.field)).toEqual(["nonAccessible"]);
  });

  it("says so when a language has no statement", () => {
    const missing = readStatement(path.join(portal.contentDir, "nowhere"), "bg");
    expect(missing.issues[0]?.message).toMatch(/missing/);
  });
});
