// The index follows the content folder: incremental restarts, live changes, broken files.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { closeAfterEach, copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const track = closeAfterEach();

const ARTICLE = (title: string) => `---\ntitle: "${title}"\ndate: 2026-11-20\n---\nТекст на новината.\n`;

describe("restart", () => {
  it("parses only changed files when the index exists", async () => {
    const contentDir = copyFixture("content");
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    const first = await ContentIndex.open(config);
    const total = first.status().lastSync!.parsed;
    expect(total).toBeGreaterThan(10);
    first.close();

    const second = await ContentIndex.open(config);
    expect(second.status().lastSync!.parsed).toBe(0);

    const file = path.join(contentDir, "bg/sredets/2026-11-21-nova.md");
    fs.writeFileSync(file, ARTICLE("Нова новина"));
    second.close();
    const third = track(await ContentIndex.open(config));
    expect(third.status().lastSync!.parsed).toBe(1);
    expect(third.articles.bySlug("bg", "nova-novina", Date.now())).not.toBeNull();
  });

  it("gives the same content version on two replicas built from the same files", async () => {
    const contentDir = copyFixture("content");
    const a = track(await ContentIndex.open(loadConfig({ CONTENT_DIR: contentDir, DATA_DIR: tempDir("a") })));
    const b = track(await ContentIndex.open(loadConfig({ CONTENT_DIR: contentDir, DATA_DIR: tempDir("b") })));
    expect(a.version()).toBe(b.version());
  });
});

describe("checks across files", () => {
  // A fresh build takes the keys it checks from the rows it has just written; a later
  // sync reads them back from the index. Both must switch off the same articles.
  const CLASHES: Record<string, string> = {
    "bg/lozenets/2026-11-01-remont.md":
      "---\ntitle: Ремонт на улица Шипка\ndate: 2026-11-01\naliases: [/bg/stari/remont/]\ntranslationKey: remont-shipka\n---\nПърви.\n",
    "bg/sredets/2026-11-02-remont.md": "---\ntitle: Ремонт на улица Шипка\ndate: 2026-11-02\n---\nСъщото заглавие, друг район.\n",
    "bg/sredets/2026-11-03-park.md":
      "---\ntitle: Нов парк\ndate: 2026-11-03\naliases: [/bg/stari/remont/]\ntranslationKey: remont-shipka\n---\nСтар адрес и ключ, вече заети.\n",
    "bg/nyama-takav/2026-11-04-x.md": "---\ntitle: Новина от непознат район\ndate: 2026-11-04\n---\nТекст.\n",
  };
  const write = (dir: string) => {
    for (const [rel, text] of Object.entries(CLASHES)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  };

  it("switches off the same clashing articles in a fresh build as in a later sync", async () => {
    const freshDir = copyFixture("content");
    write(freshDir);
    const fresh = track(await ContentIndex.open(loadConfig({ NODE_ENV: "test", CONTENT_DIR: freshDir, DATA_DIR: tempDir("fresh"), LOG_LEVEL: "silent" })));

    const laterDir = copyFixture("content");
    const later = track(await ContentIndex.open(loadConfig({ NODE_ENV: "test", CONTENT_DIR: laterDir, DATA_DIR: tempDir("later"), LOG_LEVEL: "silent" })));
    write(laterDir);
    await later.sync();

    const clashes = (index: ContentIndex) =>
      index
        .issues()
        .filter((i) => i.file in CLASHES)
        .map((i) => `${i.file} ${i.field}`)
        .sort();
    expect(clashes(fresh)).toEqual([
      "bg/nyama-takav/2026-11-04-x.md district",
      "bg/sredets/2026-11-02-remont.md title",
      "bg/sredets/2026-11-03-park.md aliases",
      "bg/sredets/2026-11-03-park.md translationKey",
    ]);
    expect(clashes(later)).toEqual(clashes(fresh));
    // The earliest article of a clashing slug keeps it; the other gets its date added.
    expect(fresh.articles.bySlug("bg", "remont-na-ulitsa-shipka", Date.now())?.file).toBe("bg/lozenets/2026-11-01-remont.md");
    expect(fresh.articles.bySlug("bg", "remont-na-ulitsa-shipka-2026-11-02", Date.now())?.file).toBe("bg/sredets/2026-11-02-remont.md");
    expect(fresh.status().articles).toBe(later.status().articles);
    // The version digests what is published: equal versions, equal sets of served articles.
    expect(fresh.version()).toBe(later.version());
  });
});

describe("a sync of the files the watcher named", () => {
  const REL = "bg/sredets/2025-04-14-remont-ul-tsar-ivan-shishman.md";
  const slugs = (index: ContentIndex) => index.articles.page("bg", 1, 100).items.map((a) => a.slug);
  const edit = (portal: TestPortal, rel: string, change: (text: string) => string) => {
    const abs = path.join(portal.contentDir, rel);
    fs.writeFileSync(abs, change(fs.readFileSync(abs, "utf8")));
    fs.utimesSync(abs, new Date(), new Date(Date.now() + 5_000)); // a new mtime even within the same millisecond
  };

  it("publishes a corrected text, moves the version on and keeps the listings", async () => {
    const portal = track(await createTestPortal());
    portal.index.warmUp(); // as the server does a second after start
    const [version, order] = [portal.index.version(), slugs(portal.index)];
    edit(portal, REL, (t) => `${t}\nДобавен ред с поправка.\n`);
    const report = await portal.index.sync(undefined, { paths: [REL] });
    expect(report.parsed).toBe(1);
    expect(portal.index.version()).not.toBe(version);
    expect(slugs(portal.index)).toEqual(order);
    const page = await request(portal.app).get("/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/");
    expect(page.text).toContain("Добавен ред с поправка.");
    // Undone, the text is published as before: the version computed on its own (this
    // sync) matches the one the full build computed with the listings.
    edit(portal, REL, (t) => t.replace("\nДобавен ред с поправка.\n", ""));
    await portal.index.sync(undefined, { paths: [REL] });
    expect(portal.index.version()).toBe(version);
  });

  it("reorders the listings when the date changes, and drops a deleted file", async () => {
    const portal = track(await createTestPortal());
    const slug = "zapochva-remontat-na-ul-tsar-ivan-shishman";
    expect(slugs(portal.index)).toContain(slug);
    edit(portal, REL, (t) => t.replace(/^date: .*$/m, "date: 2026-11-22"));
    await portal.index.sync(undefined, { paths: [REL] });
    expect(slugs(portal.index)[0]).toBe(slug);
    fs.rmSync(path.join(portal.contentDir, REL));
    await portal.index.sync(undefined, { paths: [REL] });
    expect(slugs(portal.index)).not.toContain(slug);
    expect((await request(portal.app).get(`/bg/novini/${slug}/`)).status).toBe(404);
  });

  it("reads the whole tree after a failed sync, so no change named during it is lost", async () => {
    const portal = track(await createTestPortal());
    edit(portal, REL, (t) => `${t}\nПромяна по време на прекъсване.\n`);
    const moved = `${portal.contentDir}-away`;
    fs.renameSync(portal.contentDir, moved); // the content folder is briefly gone (a remount)
    await expect(portal.index.sync(undefined, { paths: [REL] })).rejects.toThrow(/content folder/);
    fs.renameSync(moved, portal.contentDir);
    // The next event names another file; the earlier change is still picked up.
    await portal.index.sync(undefined, { paths: ["bg/sredets/nothing-here.md"] });
    const page = await request(portal.app).get("/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/");
    expect(page.text).toContain("Промяна по време на прекъсване.");
  });

  it("falls back to a full scan for a folder (a new page bundle)", async () => {
    const portal = track(await createTestPortal());
    fs.mkdirSync(path.join(portal.contentDir, "bg/sredets/papka"));
    fs.writeFileSync(path.join(portal.contentDir, "bg/sredets/papka/index.md"), ARTICLE("Новина в папка"));
    await portal.index.sync(undefined, { paths: ["bg/sredets/papka"] });
    expect((await request(portal.app).get("/bg/novini/novina-v-papka/")).status).toBe(200);
  });

  it("checks a new file against articles another process indexed meanwhile", async () => {
    const portal = track(await createTestPortal());
    // The same index file, opened by a second process (WORKERS, a rolling restart).
    const other = track(await ContentIndex.open(portal.config));
    fs.writeFileSync(path.join(portal.contentDir, "bg/sredets/a.md"), ARTICLE("Една и съща новина"));
    await other.sync();
    fs.writeFileSync(path.join(portal.contentDir, "bg/lozenets/b.md"), ARTICLE("Една и съща новина"));
    await portal.index.sync(undefined, { paths: ["bg/lozenets/b.md"] });
    // Of the two, dated alike, the first in path order keeps the address; the other is reported.
    const clash = portal.index.issues().filter((i) => i.field === "title" && /^bg\/(sredets\/a|lozenets\/b)\.md$/.test(i.file));
    expect(clash).toHaveLength(1);
    expect(clash[0]!.message).toMatch(/already used by bg\/lozenets\/b\.md/);
  });
});

describe("broken files never take the site down", () => {
  it("serves every valid article and counts the broken ones in /readyz", async () => {
    const contentDir = copyFixture("content");
    const broken: Record<string, string> = {
      "bg/sredets/bad-date.md": "---\ntitle: Лоша дата\ndate: 2026-02-30\n---\nТекст\n",
      "bg/sredets/bad-yaml.md": "---\ntitle: [неправилно\n---\nТекст\n",
      "bg/nowhere/orphan.md": ARTICLE("Сирак"),
      "en/sredets/english.md": ARTICLE("English"),
      "bg/sredets/evil.md": "---js\n{ title: process.exit(1) }\n---\n",
      "districts/broken.yml": "name: [\n",
    };
    for (const [rel, text] of Object.entries(broken)) {
      fs.mkdirSync(path.dirname(path.join(contentDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(contentDir, rel), text);
    }
    const portal = track(await createTestPortal({ contentDir }));
    const ready = await request(portal.app).get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.contentProblems).toBe(Object.keys(broken).length);
    const files = new Set(portal.index.issues().map((i) => i.file));
    for (const rel of Object.keys(broken)) expect(files, rel).toContain(rel);
    expect((await request(portal.app).get("/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/")).status).toBe(200);
    expect((await request(portal.app).get("/bg/novini/")).status).toBe(200);
  });

  it("publishes an article whose title another article already has, at its own address", async () => {
    const contentDir = copyFixture("content");
    fs.writeFileSync(path.join(contentDir, "bg/sredets/dup.md"), ARTICLE("Приключи обучението на служителите в район „Средец“"));
    const portal = track(await createTestPortal({ contentDir }));
    expect((await request(portal.app).get("/readyz")).body.contentProblems).toBe(0);
    expect((await request(portal.app).get("/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets/")).status).toBe(200);
    expect((await request(portal.app).get("/bg/novini/priklyuchi-obuchenieto-na-sluzhitelite-v-rayon-sredets-2026-11-20/")).status).toBe(200);
  });
});
