// Issue 22 (a portal residents recognise as their city's): the home page as a news front
// page, lists that start where the reader lives, feeds people can find, the public body's
// links from district files, no version-control words, and the identity from content/site.yml.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { contrastRatio, loadSite } from "../../src/content/site.js";
import { formatIssue } from "../../src/content/issues.js";
import { createTestPortal, tempDir } from "../helpers/app.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const sample = await createTestPortal({ contentDir: path.join(ROOT, "content") });
const fixture = await createTestPortal();
afterAll(() => {
  sample.close();
  fixture.close();
});
const get = (url: string, p = sample) => request(p.app).get(url);

describe("home page as a news front page", () => {
  it.each(["bg", "pl"])("/%s/ leads with a story and its picture, eager and high priority, with width and height", async (l) => {
    const html = (await get(`/${l}/`)).text;
    const lead = /<article class="lead-story"[\s\S]*?<\/article>/.exec(html)?.[0] ?? "";
    expect(lead).toMatch(/<source type="image\/avif" srcset="[^"]+"/);
    expect(lead).toMatch(/<img [^>]*width="\d+" height="\d+"[^>]*fetchpriority="high"/);
    expect(lead).not.toContain('loading="lazy"');
  });

  it("shows recent news as cards whose thumbnails load lazily, with width and height", async () => {
    const html = (await get("/pl/")).text;
    const cards = /<ul class="news-cards">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    expect(cards.match(/<li class="news-card/g)?.length).toBeGreaterThanOrEqual(3);
    const thumbs = cards.match(/<img [^>]*>/g) ?? [];
    expect(thumbs.length).toBeGreaterThan(0);
    for (const img of thumbs) expect(img).toMatch(/width="\d+" height="\d+".*loading="lazy"/);
  });

  it("offers a district picker of plain links, with the remembering script as an extra, and news by district", async () => {
    const html = (await get("/bg/")).text;
    expect(html).toMatch(/<script src="\/static\/js\/your-district\.[0-9a-f]{10}\.js" defer><\/script>/);
    const picker = /<section class="district-picker"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(picker).toContain('<a href="/bg/rayoni/sredets/" data-district="sredets">Средец</a>');
    expect(html).toContain('id="by-district-heading"');
  });

  it("hides districts with no article in the page's language from the home page", async () => {
    const bg = (await get("/bg/")).text;
    const picker = /<section class="district-picker"[\s\S]*?<\/section>/.exec(bg)?.[0] ?? "";
    expect(picker).not.toContain("Гданск");
    const pl = (await get("/pl/")).text;
    expect(/<section class="district-picker"[\s\S]*?<\/section>/.exec(pl)?.[0]).not.toContain("Łozenec");
  });
});

describe("district lists start where the reader lives", () => {
  it("/bg/rayoni/ lists Sofia's districts first and the Tricity under 'no news in Bulgarian', without '0 новини'", async () => {
    const html = (await get("/bg/rayoni/")).text;
    expect(html).not.toContain("0 новини");
    const sofia = html.indexOf("Столична община");
    const none = html.indexOf("Райони без новини на български");
    expect(sofia).toBeGreaterThan(0);
    expect(none).toBeGreaterThan(sofia);
    expect(html.indexOf(">Гданск<")).toBeGreaterThan(none);
  });
});

describe("feeds people can find", () => {
  it.each([
    ["/bg/", "/bg/feed.xml"],
    ["/pl/aktualnosci/", "/pl/feed.xml"],
    ["/bg/rayoni/sredets/", "/bg/rayoni/sredets/feed.xml"],
  ])("%s shows a visible RSS link with its icon", async (url, feed) => {
    const html = (await get(url)).text;
    expect(html).toMatch(
      new RegExp(
        `<a class="feed-link" href="${feed}" type="application/rss\\+xml"><img src="/static/img/feed\\.[0-9a-f]{10}\\.svg" alt="" width="16" height="16">[^<]+</a>`,
      ),
    );
  });

  it("a tag page links the tag's own feed, named after the tag", async () => {
    const html = (await get("/bg/etiketi/obuchenie/", fixture)).text;
    expect(html).toMatch(
      /<a class="feed-link" href="\/bg\/etiketi\/obuchenie\/feed\.xml" type="application\/rss\+xml"><img [^>]+>RSS емисия по темата „[^“]+“<\/a>/,
    );
  });

  it.each(["/bg/feed.xml", "/pl/atom.xml"])("%s names the stylesheet of its language, served from public/ as XSLT", async (url) => {
    const res = await get(url);
    const href = /<\?xml-stylesheet type="text\/xsl" href="([^"]+)"\?>/.exec(res.text)?.[1];
    expect(href).toMatch(new RegExp(`^/static/feed-${url.slice(1, 3)}\\.[0-9a-f]{10}\\.xsl$`));
    const xsl = await get(href!);
    expect(xsl.status).toBe(200);
    expect(xsl.headers["content-type"]).toBe("text/xsl; charset=utf-8");
    expect(xsl.text).toContain(`<html lang="${url.slice(1, 3)}"`);
    // The page it makes links the portal's stylesheet under its fingerprinted name.
    expect(xsl.text).toMatch(/<link rel="stylesheet" href="\/static\/css\/site\.[0-9a-f]{10}\.css"\/>/);
  });
});

describe("footer and legal links from data", () => {
  it("a Bulgarian district page and its footer show its 'Достъп до информация' and accessibility statement", async () => {
    const html = (await get("/bg/rayoni/sredets/")).text;
    const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? "";
    for (const part of [html.slice(0, html.indexOf("<footer")), footer]) {
      expect(part).toContain('href="https://www.sredets.bg/dostap-do-informatsiya"');
      expect(part).toContain('href="https://www.sredets.bg/deklaratsiya-za-dostapnost"');
    }
  });

  it("a Polish district page shows its BIP link with the BIP mark", async () => {
    const html = (await get("/pl/dzielnice/gdansk/")).text;
    expect(html).toMatch(
      /<a href="https:\/\/bip\.gdansk\.pl" rel="external"><span class="bip-mark"><img src="\/static\/img\/bip\.[0-9a-f]{10}\.svg" alt="" width="40" height="20">Biuletyn Informacji Publicznej — Gdańsk<\/span><\/a>/,
    );
  });

  it("the district page links its own events page (not /undefined/)", async () => {
    const html = (await get("/pl/dzielnice/gdansk/")).text;
    expect(html).toContain('href="/pl/dzielnice/gdansk/wydarzenia/"');
    expect(html).not.toContain("undefined");
  });

  it.each(["/bg/", "/pl/", "/bg/novini/", "/pl/dzielnice/sopot/"])("%s tells residents nothing about Git", async (url) => {
    for (const p of [sample, fixture]) expect((await get(url, p)).text).not.toMatch(/\bGit\b|repozytorium/);
  });
});

describe("the city's identity from content/site.yml", () => {
  it("shows the name and crest (with its text alternative) in the header and the contact details in the footer", async () => {
    const html = (await get("/bg/")).text;
    expect(html).toMatch(
      /<a class="site-name" href="\/bg\/"><img class="site-logo" src="(\/site\/logo\.[0-9a-f]{10}\.svg)" alt="Герб на портала — кула и вълни" width="64" height="76"><span>Районни новини — София и Тригралието<\/span><\/a>/,
    );
    expect(html).toContain("<title>Районни новини — София и Тригралието</title>");
    expect(html).toMatch(/<address>[\s\S]*redakcia@example\.org[\s\S]*<\/address>/);
    const logo = await get(/src="(\/site\/logo\.[0-9a-f]{10}\.svg)"/.exec(html)![1]!);
    expect(logo.headers["content-type"]).toBe("image/svg+xml");
    expect(logo.headers["content-security-policy"]).toContain("sandbox");
    const theme = /<link rel="stylesheet" href="(\/site\/theme\.[0-9a-f]{10}\.css)">/.exec(html)![1]!;
    expect((await get(theme)).text).toContain("--brand:#1f4e8c");
  });

  it("without site.yml the portal shows its neutral identity: its own name, no crest, no theme", async () => {
    const html = (await get("/bg/", fixture)).text;
    expect(html).toMatch(/<a class="site-name" href="\/bg\/"><span>Районни новини<\/span><\/a>/);
    expect(html).not.toContain("/site/theme.");
  });

  it("refuses a colour below AA contrast with an editor message, and keeps the neutral colour", () => {
    const dir = tempDir("site");
    fs.writeFileSync(path.join(dir, "site.yml"), 'name:\n  bg: Град\n  pl: Miasto\ncolour: "#7fb2ee"\n');
    const { site, issues } = loadSite(dir);
    expect(site.colour).toBe("#0b5394");
    expect(issues.map(formatIssue)).toEqual([
      "site.yml:4: colour: #7fb2ee has a contrast of 2.21:1 with white, below the 4.5:1 that WCAG AA asks for text — choose a darker colour (the portal uses its neutral colour until then)",
    ]);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
  });

  it("reads the logo only from a real file inside the content folder, and refuses an SVG with script", () => {
    const dir = tempDir("site");
    fs.symlinkSync("/etc/hostname", path.join(dir, "logo.svg"));
    fs.writeFileSync(path.join(dir, "evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>');
    const yml = (src: string) => `name:\n  bg: Град\n  pl: Miasto\nlogo:\n  src: ${src}\n  alt:\n    bg: Герб\n    pl: Herb\n`;
    for (const [src, text] of [
      ["logo.svg", "is not a file in the content folder"],
      ["evil.svg", "contains script"],
      ["../etc/x.svg", "must be the name of an .svg or .png file"],
    ] as const) {
      fs.writeFileSync(path.join(dir, "site.yml"), yml(src));
      const { site, issues } = loadSite(dir);
      expect(site.logo).toBeNull();
      expect(issues.map(formatIssue).join("\n")).toContain(text);
    }
  });
});
