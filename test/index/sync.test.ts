// The index follows the content folder: incremental restarts, live changes, broken files.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { watchContent } from "../../src/content/watch.js";
import { ContentIndex } from "../../src/index/index.js";
import { copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function track<T extends { close(): void }>(x: T): T {
  open.push(x);
  return x;
}

const ARTICLE = (title: string) => `---\ntitle: "${title}"\ndate: 2026-11-20\n---\nТекст на новината.\n`;

describe("restart", () => {
  it("parses only changed files when the index exists", async () => {
    const contentDir = copyFixture("content");
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    const first = await ContentIndex.open(config);
    const total = first.status().lastSync!.parsed;
    expect(total).toBeGreaterThan(10);
    first.close();

    const second = track(await ContentIndex.open(config));
    expect(second.status().lastSync!.parsed).toBe(0);

    const file = path.join(contentDir, "bg/sredets/2026-11-21-nova.md");
    fs.writeFileSync(file, ARTICLE("Нова новина"));
    second.close();
    open.pop();
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

describe("live changes", () => {
  let portal: TestPortal;

  it("adds, changes and deletes articles without a restart (watcher)", async () => {
    portal = track(await createTestPortal());
    let synced = 0;
    const watcher = track(watchContent(portal.contentDir, () => void portal.index.sync().then(() => synced++), 30));
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100; i++) {
        if (await check()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("timed out waiting for the index to follow the change");
    };
    const file = path.join(portal.contentDir, "bg/sredets/2026-11-22-zhiva.md");
    const url = "/bg/novini/zhiva-promyana/";

    fs.writeFileSync(file, ARTICLE("Жива промяна"));
    await waitFor(async () => (await request(portal.app).get(url)).status === 200);

    fs.writeFileSync(file, ARTICLE("Жива промяна").replace("Текст на новината.", "Нов текст."));
    await waitFor(async () => (await request(portal.app).get(url)).text.includes("Нов текст."));

    fs.rmSync(file);
    await waitFor(async () => (await request(portal.app).get(url)).status === 404);
    expect(synced).toBeGreaterThan(0);
    watcher.close();
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
      "bg/sredets/dup.md": ARTICLE("Приключи обучението на служителите в район „Средец“"),
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
});
