import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchContent, type Watcher } from "../../src/content/watch.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

function articleUrl(portal: TestPortal, where: string): string {
  const row = portal.index.db.prepare(`SELECT lang, slug FROM articles WHERE ${where} LIMIT 1`).get() as { lang: string; slug: string };
  return `/${row.lang}/${row.lang === "bg" ? "novini" : "aktualnosci"}/${row.slug}/`;
}

describe.each(["test", "production"])("outside development (NODE_ENV=%s)", (env) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal({ env: { NODE_ENV: env } });
  });
  afterAll(() => portal.close());

  it("answers 404 for drafts, scheduled articles and every /_dev/ address", async () => {
    await request(portal.app).get(articleUrl(portal, "draft = 1")).expect(404);
    await request(portal.app).get(articleUrl(portal, "date > 1800000000000")).expect(404);
    await request(portal.app).get("/_dev/problems/").expect(404);
    await request(portal.app).get("/_dev/events").redirects(1).expect(404);
  });

  it("has no problems banner and no reload script, even when the content has problems", async () => {
    fs.writeFileSync(path.join(portal.contentDir, "bg/sredets/2026-11-20-bad.md"), '---\ntitle: "Лоша"\ndate: "2026-02-30"\n---\n\nТекст.\n');
    await portal.index.sync();
    const res = await request(portal.app).get("/bg/").expect(200);
    expect(res.text).not.toContain("/_dev/problems/");
    expect(res.text).not.toContain("dev-reload");
  });
});

describe("in development (npm run dev)", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal({ env: { NODE_ENV: "development" } });
  });
  afterAll(() => portal.close());

  it("shows a draft with the draft banner, kept out of search engines", async () => {
    const res = await request(portal.app).get(articleUrl(portal, "draft = 1")).expect(200);
    expect(res.text).toContain('<p class="banner banner-preview" role="note">Чернова — тази новина не е публикувана и се вижда само при преглед.</p>');
    expect(res.text).toContain('<meta name="robots" content="noindex">');
  });

  it("shows a scheduled article with the date it will appear", async () => {
    const res = await request(portal.app).get(articleUrl(portal, "date > 1800000000000")).expect(200);
    expect(res.text).toMatch(/Zaplanowany — zostanie opublikowany 1 marca 2027/);
  });

  it("loads the live-reload script from the same origin, and no banner while there are no problems", async () => {
    const res = await request(portal.app).get("/bg/").expect(200);
    expect(res.text).toMatch(/<script src="\/static\/js\/dev-reload\.[0-9a-f]+\.js" defer><\/script>/);
    expect(portal.index.issues()).toEqual([]);
    expect(res.text).not.toContain('href="/_dev/problems/');
    const page = await request(portal.app).get("/_dev/problems/").expect(200);
    expect(page.text).toContain("Няма проблеми в съдържанието.");
  });

  it("links every page to the problems page while problems exist, and lists them there", async () => {
    fs.writeFileSync(path.join(portal.contentDir, "bg/sredets/2026-11-20-bad.md"), '---\ntitle: "Лоша"\ndate: "2026-02-30"\n---\n\nТекст.\n');
    await portal.index.sync();
    for (const url of ["/bg/", "/bg/rayoni/sredets/", "/bg/nyama-takava-stranitsa/"]) {
      const res = await request(portal.app).get(url);
      expect(res.text).toContain('<a href="/_dev/problems/?lang=bg">Режим на разработка: в съдържанието има 1 проблем — вижте го</a>');
    }
    const pl = await request(portal.app).get("/pl/aktualnosci/").expect(200);
    expect(pl.text).toContain('<a href="/_dev/problems/?lang=pl">Tryb deweloperski: w treści jest 1 problem — zobacz go</a>');
    const page = await request(portal.app).get("/_dev/problems/?lang=bg").expect(200);
    expect(page.text).toContain("<code>bg/sredets/2026-11-20-bad.md:3: date: „2026-02-30“ не е съществуваща дата — пишете ГГГГ-ММ-ДД</code>");
    expect(page.text).toContain("<strong>Грешка:</strong>");
    expect(page.text).toContain('<meta name="robots" content="noindex">');
    fs.rmSync(path.join(portal.contentDir, "bg/sredets/2026-11-20-bad.md"));
    await portal.index.sync();
  });

  it("words the problems page in the language of the page it was opened from", async () => {
    fs.writeFileSync(path.join(portal.contentDir, "bg/sredets/2026-11-20-bad.md"), '---\ntitle: "Лоша"\ndate: "2026-02-30"\n---\n\nТекст.\n');
    await portal.index.sync();
    const pl = await request(portal.app).get("/_dev/problems/?lang=pl").expect(200);
    expect(pl.text).toContain('<html lang="pl"');
    expect(pl.text).toContain("<h1>Problemy w treści</h1>");
    expect(pl.text).toContain(
      "<strong>Błąd:</strong> <code>bg/sredets/2026-11-20-bad.md:3: date: „2026-02-30” nie jest istniejącą datą — wpisz RRRR-MM-DD</code>",
    );
    // Without ?lang= (an old bookmark, a link typed by hand): the Referer's /bg/ or /pl/.
    const fromPl = await request(portal.app).get("/_dev/problems/").set("Referer", "http://localhost:3000/pl/aktualnosci/").expect(200);
    expect(fromPl.text).toContain("<h1>Problemy w treści</h1>");
    const fromBg = await request(portal.app).get("/_dev/problems/").set("Referer", "http://localhost:3000/bg/rayoni/sredets/").expect(200);
    expect(fromBg.text).toContain("<h1>Проблеми в съдържанието</h1>");
    expect(fromBg.text).toContain("не е съществуваща дата");
    await request(portal.app).get("/_dev/problems/?lang=de").expect(200);
    fs.rmSync(path.join(portal.contentDir, "bg/sredets/2026-11-20-bad.md"));
    await portal.index.sync();
  });

  it("streams a content event on connect and another when a file changes", async () => {
    const server = http.createServer(portal.app).listen(0);
    const { port } = server.address() as AddressInfo;
    const events: string[] = [];
    const req = http.get(`http://127.0.0.1:${port}/_dev/events`);
    let watcher: Watcher | undefined;
    const response = await new Promise<http.IncomingMessage>((resolve) => req.on("response", resolve));
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      for (const m of chunk.matchAll(/event: content\ndata: (.+)\n\n/g)) events.push(m[1]!);
    });
    const waitFor = async (n: number) => {
      for (const started = Date.now(); events.length < n; await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() - started > 5000) throw new Error(`only ${events.length} events`);
      }
    };
    try {
      await waitFor(1);
      const draft = portal.index.db.prepare("SELECT file FROM articles WHERE draft = 1").pluck().get() as string;
      const file = path.join(portal.contentDir, draft);
      fs.appendFileSync(file, "\nНов абзац в черновата.\n");
      await portal.index.sync();
      await waitFor(2);
      expect(events[1]).not.toBe(events[0]);
      // Saved by writing a new file and renaming it over the old one (vim, gedit): the
      // content watcher, as `npm run dev` starts it, still sees the file after the rename.
      watcher = watchContent(portal.contentDir, (paths) => void portal.index.sync(undefined, paths ? { paths } : {}));
      fs.writeFileSync(`${file}.tmp`, `${fs.readFileSync(file, "utf8")}\nОще един абзац.\n`);
      fs.renameSync(`${file}.tmp`, file);
      await waitFor(3);
      expect(events[2]).not.toBe(events[1]);
      expect(portal.index.db.prepare("SELECT html FROM articles WHERE file = ?").pluck().get(draft)).toContain("Още един абзац.");
      fs.writeFileSync(`${file}.tmp`, `${fs.readFileSync(file, "utf8")}\nИ трети.\n`);
      fs.renameSync(`${file}.tmp`, file);
      await waitFor(4);
      expect(portal.index.db.prepare("SELECT html FROM articles WHERE file = ?").pluck().get(draft)).toContain("И трети.");
    } finally {
      watcher?.close();
      req.destroy();
      server.close();
    }
  });
});
