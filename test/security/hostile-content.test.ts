// Content is data, never code: a content tree full of hostile files (test/fixtures/hostile,
// plus files too big or too binary to keep in git, written here) must still start, serve
// every legitimate article unchanged, and either print each hostile file inertly or
// report it as a content problem. Nothing in it may run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/content/markdown.js";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { activeMarkup } from "./inert-html.js";

const MARKERS = ["portal-hostile-marker-js", "portal-hostile-marker-yaml", "portal-hostile-marker-python"].map((m) => path.join(os.tmpdir(), m));

const head = (title: string, slug: string, extra = "") => `---\ntitle: "${title}"\ndate: "2026-02-01"\nslug: ${slug}\n${extra}---\n\n`;

/** Files generated at test time: large, binary or in a foreign encoding. */
function writeGenerated(dir: string): void {
  const d = path.join(dir, "bg/sredets");
  fs.writeFileSync(
    path.join(d, "2026-02-01-big-front-matter.md"),
    head("Big front matter", "big-front-matter", `summary: "${"a".repeat(100 * 1024)}"\n`) + "Body.",
  );
  fs.writeFileSync(path.join(d, "2026-02-01-big-body.md"), head("Big body", "big-body") + "дума ".repeat(110 * 1024));
  fs.writeFileSync(path.join(d, "2026-02-01-nested-quotes.md"), head("Nested quotes", "nested-quotes") + ">".repeat(50_000) + " deep");
  fs.writeFileSync(path.join(d, "2026-02-01-nested-brackets.md"), head("Nested brackets", "nested-brackets") + "[".repeat(50_000) + "x" + "](".repeat(50_000));
  fs.writeFileSync(path.join(d, "2026-02-01-nul-byte.md"), Buffer.concat([Buffer.from(head("NUL byte", "nul-byte")), Buffer.from([0x41, 0x00, 0x42])]));
  // "Zażółć" in ISO-8859-2, as an old Polish editor might save it.
  fs.writeFileSync(
    path.join(d, "2026-02-01-latin2.md"),
    Buffer.concat([Buffer.from(head("Latin-2", "latin2")), Buffer.from([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6])]),
  );
}

let portal: TestPortal;
let startMs = 0;

beforeAll(async () => {
  for (const m of MARKERS) fs.rmSync(m, { force: true });
  const dir = copyFixture("hostile");
  writeGenerated(dir);
  const started = performance.now();
  portal = await createTestPortal({ contentDir: dir });
  startMs = performance.now() - started;
}, 60_000);

afterAll(() => portal?.close());

const get = (url: string) => request(portal.app).get(url);
const issueFor = (name: string) => portal.index.issues().filter((i) => i.file.endsWith(name));

describe("a content tree with hostile files", () => {
  it("starts in bounded time and ran nothing", () => {
    expect(startMs).toBeLessThan(20_000);
    for (const m of MARKERS) expect(fs.existsSync(m), m).toBe(false);
  });

  it("serves every legitimate article intact", async () => {
    const bg = await get("/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/");
    expect(bg.status).toBe(200);
    expect(bg.text).toContain("Започва ремонтът на ул. „Цар Иван Шишман“");
    expect(bg.text).toContain('<a href="https://call.sofia.bg">платформата за сигнали на Столична община</a>');
    const pl = await get("/pl/aktualnosci/noc-muzeow-w-gdansku-ponad-40-miejsc-i-dodatkowe-kursy-autobusow/");
    expect(pl.status).toBe(200);
    expect(pl.text).toContain("Noc Muzeów w Gdańsku");
    const bundle = await get("/bg/novini/delegatsia-ot-rayon-sredets-gostuva-v-sopot/");
    expect(bundle.status).toBe(200);
    // The shared picture is the article picture's 1200×630 crop (og:image, issue 20 item 10).
    const img = /"https:\/\/news\.example\.org(\/media(?:-v\/og\/jpeg)?\/[^"\s]+\.jpg)"/.exec(bundle.text)?.[1];
    expect(img).toBeDefined();
    expect((await get(img!)).status).toBe(200);
  });

  it("serves an article whose file name has spaces and non-ASCII letters", async () => {
    const res = await get("/bg/novini/fayl-s-intervali-v-imeto/");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Името на файла съдържа интервали");
  });

  it.each([
    ["2026-01-14-js-front-matter.md", /JavaScript|js/],
    ["2026-01-15-json-front-matter.md", /json/i],
    ["2026-01-16-yaml-bomb.md", /aliases/],
    ["2026-01-17-yaml-js-function.md", /tags/],
    ["2026-01-18-yaml-python.md", /tags/],
    ["2026-02-01-big-front-matter.md", /64 KB/],
    ["2026-02-01-big-body.md", /512 KB/],
    ["2026-02-01-nul-byte.md", /not a text file/],
    ["2026-02-01-latin2.md", /UTF-8/],
  ])("reports %s as a content problem and keeps it off the site", (file, message) => {
    const found = issueFor(file);
    expect(found.map((i) => i.message).join("\n")).toMatch(message);
    expect(found.every((i) => i.severity === "error")).toBe(true);
  });

  it("never publishes the refused files", async () => {
    for (const slug of ["js-front-matter", "json-front-matter", "billion-laughs", "big-front-matter", "big-body", "nul-byte", "latin2"]) {
      expect((await get(`/bg/novini/${slug}/`)).status, slug).toBe(404);
    }
  });

  it("prints raw HTML from the body as text", async () => {
    const res = await get("/bg/novini/raw-html/");
    expect(res.status).toBe(200);
    expect(res.text).toContain("&lt;script&gt;alert(");
    expect(res.text).toContain("&lt;iframe src=");
    expect(res.text).toContain("Първи абзац преди опитите.");
    expect(activeMarkup(res.text)).toEqual([]);
  });

  it("drops links and images with script-capable or data: URLs and keeps safe ones", async () => {
    const res = await get("/bg/novini/dangerous-links/");
    expect(res.status).toBe(200);
    expect(res.text).toContain('<a href="https://example.org/safe">municipality</a>');
    expect(activeMarkup(res.text)).toEqual([]);
    expect(res.text).not.toMatch(/(?:href|src)="\s*(?:javascript|vbscript|data):/i);
  });

  it("prints template syntax literally in title, summary and body", async () => {
    for (const url of ["/bg/novini/nunjucks-syntax/", "/pl/aktualnosci/skladnia-szablonu/"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(res.text)?.[1] ?? "";
      expect(h1).toContain("{{ 7*7 }}");
      expect(h1).not.toContain("49");
      expect(res.text).toContain("{% raw %}");
      expect(activeMarkup(res.text)).toEqual([]);
    }
    const list = await get("/bg/novini/");
    expect(list.text).toContain("Обобщение {{ 7*7 }}");
  });

  it("escapes a title, summary, author and tag that try to close a script element", async () => {
    const res = await get("/bg/novini/script-title/");
    expect(res.status).toBe(200);
    expect(res.text).toContain("&lt;/script&gt;&lt;script&gt;alert(");
    expect(activeMarkup(res.text)).toEqual([]);
  });

  it("keeps every listing, district, tag and feed page inert", async () => {
    const tag = /href="(\/bg\/etiketi\/script[^"]*)"/.exec((await get("/bg/novini/script-title/")).text)?.[1];
    expect(tag).toBeDefined();
    for (const url of ["/bg/", "/pl/", "/bg/novini/", "/pl/aktualnosci/", "/bg/rayoni/sredets/", "/bg/etiketi/", tag!, "/sitemap.xml"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(activeMarkup(res.text), url).toEqual([]);
    }
  });

  it("parses 50,000 nested quotes or brackets in bounded time", async () => {
    for (const [slug, body] of [
      ["nested-quotes", ">".repeat(50_000)],
      ["nested-brackets", "[".repeat(50_000) + "](".repeat(50_000)],
    ] as const) {
      const started = performance.now();
      renderMarkdown(body, "bg", { resolveImage: () => null });
      expect(performance.now() - started, slug).toBeLessThan(3_000);
      expect((await get(`/bg/novini/${slug}/`)).status, slug).toBe(200);
    }
  });
});

describe("the inertness check itself", () => {
  it("flags what a browser would run and passes escaped text", () => {
    expect(activeMarkup("<p><script>alert(1)</script></p>")).toHaveLength(1);
    expect(activeMarkup('<img src="/x.png" onerror="alert(1)">')).toEqual(["onerror= on <img>"]);
    expect(activeMarkup('<a href="java&#x09;script:alert(1)">x</a>')).toHaveLength(1);
    expect(activeMarkup('<a href="data:text/html,x">x</a><iframe src="/x"></iframe>')).toHaveLength(2);
    expect(activeMarkup('<img src="https://evil.example/x.png" alt="">')).toHaveLength(1);
    expect(activeMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a href="https://example.org/">ok</a><script src="/static/js/a.js"></script>')).toEqual(
      [],
    );
  });
});
