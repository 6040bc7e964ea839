// src/server/follow.ts itself: followContent keeps a serving index in step with the
// content folder (the watcher's paths go to a targeted sync); followRepo is tested with a
// real repository in test/content-repo/follow.test.ts.
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { followContent } from "../../src/server/follow.js";
import { closeAfterEach, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const track = closeAfterEach();

const ARTICLE = (title: string) => `---\ntitle: "${title}"\ndate: 2026-11-20\n---\nТекст на новината.\n`;

/** A logger whose lines are kept as objects. */
function capture() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
  return { logger, lines };
}

describe("live changes", () => {
  let portal: TestPortal;

  it("adds, changes and deletes articles without a restart (followContent)", async () => {
    portal = track(await createTestPortal());
    const { logger, lines } = capture();
    // What src/server.ts and the cluster primary run: the watcher's paths go to a targeted sync.
    const watcher = track(followContent(portal.index, { contentDir: portal.contentDir, watch: true }, logger)!);
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

    // A folder made after the watcher started (a page bundle): its article is seen, then
    // an edit inside it.
    const bundle = path.join(portal.contentDir, "bg/lozenets/nova-papka");
    const bundleUrl = "/bg/novini/novina-v-nova-papka/";
    const makeBundleThenEdit = async (edited: string) => {
      fs.mkdirSync(bundle);
      await new Promise((r) => setTimeout(r, 100));
      fs.writeFileSync(path.join(bundle, "index.md"), ARTICLE("Новина в нова папка"));
      await waitFor(async () => (await request(portal.app).get(bundleUrl)).status === 200);
      fs.writeFileSync(path.join(bundle, "index.md"), ARTICLE("Новина в нова папка").replace("Текст на новината.", edited));
      await waitFor(async () => (await request(portal.app).get(bundleUrl)).text.includes(edited));
    };
    await makeBundleThenEdit("Поправен текст.");

    // The folder removed and made again (a branch switch): edits inside are still seen.
    fs.rmSync(bundle, { recursive: true });
    await waitFor(async () => (await request(portal.app).get(bundleUrl)).status === 404);
    await makeBundleThenEdit("Трета версия.");
    expect(lines.filter((l) => l.msg === "content updated").length).toBeGreaterThan(0);
    watcher.close();
  });
});

describe("followContent", () => {
  it("follows nothing when watching is off (CONTENT_REPO, tests)", async () => {
    const portal = track(await createTestPortal());
    expect(followContent(portal.index, { contentDir: portal.contentDir, watch: false }, capture().logger)).toBeNull();
  });

  it("logs a failed update and keeps serving the previous index", async () => {
    const portal = track(await createTestPortal());
    const { logger, lines } = capture();
    const watcher = track(followContent(portal.index, { contentDir: portal.contentDir, watch: true }, logger)!);
    // The content folder vanishes (an unmounted volume): the sync fails, the site stays.
    const gone = path.join(tempDir("gone"), "moved");
    fs.renameSync(portal.contentDir, gone);
    fs.mkdirSync(portal.contentDir);
    fs.writeFileSync(path.join(portal.contentDir, "README.md"), "moved\n");
    for (let i = 0; i < 100 && !lines.some((l) => l.msg.startsWith("content update failed")); i++) await new Promise((r) => setTimeout(r, 50));
    expect(lines.some((l) => l.msg === "content update failed; the previous index keeps serving")).toBe(true);
    expect((await request(portal.app).get("/bg/")).status).toBe(200);
    watcher.close();
  });
});
