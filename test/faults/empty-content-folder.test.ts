// Regression (issue 19, item 9, the whole tree): a content folder that is suddenly empty
// (an unmounted volume's mount point, a checkout in progress, CONTENT_DIR set to the wrong
// folder) read as "every file deleted": the next sync or restart removed all 22 files and
// the portal served an empty site while /readyz said "ready" with no error. Now such a
// sync is refused, the site keeps what it had, across a restart too, and /readyz says why.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { ContentGoneError } from "../../src/errors.js";
import { ContentIndex } from "../../src/index/index.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** The folder still exists, with nothing in it (what a mount point shows once its volume is gone). */
function unmount(p: TestPortal): void {
  fs.renameSync(p.contentDir, `${p.contentDir}-away`);
  fs.mkdirSync(p.contentDir);
}

describe("empty-content-folder", () => {
  it("keeps serving every article when the content folder turns up empty, and says so in /readyz", async () => {
    const p = await createTestPortal();
    open.push(p);
    const before = p.index.db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get() as number;
    expect(before).toBeGreaterThan(10);
    unmount(p);
    await expect(p.index.sync()).rejects.toBeInstanceOf(ContentGoneError);
    expect(p.index.db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get()).toBe(before);
    expect((await request(p.app).get("/bg/novini/")).text).toContain("/bg/novini/zapochva-remontat-na-ul-tsar-ivan-shishman/");
    const ready = await request(p.app).get("/readyz");
    expect(ready.body.lastError).toMatch(/^The content folder CONTENT_DIR has no content files any more/);
    expect(JSON.stringify(ready.body)).not.toContain(p.contentDir);
  });

  it("serves the index it has when it restarts while the content folder is empty", async () => {
    const p = await createTestPortal();
    const before = p.index.db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get() as number;
    p.close();
    unmount(p);
    const logged: string[] = [];
    const index = await ContentIndex.open(p.config, { log: (m) => logged.push(m) });
    open.push(index);
    expect(index.db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get()).toBe(before);
    expect(logged.join("\n")).toContain("has no content files any more");
    // Once the volume is back, the next sync finds every file where it was.
    fs.rmdirSync(p.contentDir);
    fs.renameSync(`${p.contentDir}-away`, p.contentDir);
    const report = await index.sync();
    expect(report.removed).toBe(0);
    expect(report.articles).toBe(before);
  });

  it("still builds an empty site for a new portal with no content yet", async () => {
    const contentDir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "portal-empty-"));
    const p = await createTestPortal({ contentDir });
    open.push(p);
    expect(p.index.db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(0);
  });
});
