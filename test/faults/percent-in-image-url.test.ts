// Issue 19, item 7: `![x](%e9.png)` made decodeURI throw while indexing, so a cold or
// warm start failed ("Building the index failed … URIError") and every later sync of a
// running server failed too. One file must never stop the others from being indexed.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { parallelParser } from "../../src/content/load/parallel.js";
import { closeAfterEach, copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const BROKEN = "bg/sredets/2026-11-20-protsent.md";
const SOURCE = "---\ntitle: Процент в адреса на снимката\ndate: 2026-11-20\n---\nПърви ред.\n\n![x](%e9.png)\n";
const OTHER_FILE = "bg/sredets/2026-08-24-vremenni-promeni-v-gradskiya-transport.md";
const OTHER_SLUG = "vremenni-promeni-v-gradskia-transport-v-tsentara-ot-1-septemvri";

const track = closeAfterEach();

function withBroken(): string {
  const dir = copyFixture("content");
  fs.writeFileSync(path.join(dir, BROKEN), SOURCE);
  return dir;
}

describe("percent sign in an image address", () => {
  for (const how of ["in the main thread", "on worker threads"] as const) {
    it(`a cold start ${how}, and a warm start on the same DATA_DIR, index every other file and name the broken line`, async () => {
      const contentDir = withBroken();
      const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
      const parseMany = how === "on worker threads" ? parallelParser(config, { threads: 2, threshold: 0 }) : undefined;
      const cold = await ContentIndex.open(config, { parseMany });
      const problem = cold.issues().find((i) => i.file === BROKEN);
      expect(problem).toMatchObject({
        file: BROKEN,
        line: 7,
        field: "body",
        message: 'image "%e9.png" has a "%" escape that is not UTF-8 — write the picture\'s file name as it is, without %-escapes',
      });
      expect(cold.articles.bySlug("bg", OTHER_SLUG, Date.now())).not.toBeNull();
      const articles = cold.status().articles;
      cold.close();
      const warm = track(await ContentIndex.open(config));
      expect(warm.status().articles).toBe(articles);
      expect(warm.issues().some((i) => i.file === BROKEN && i.line === 7)).toBe(true);
    }, 30_000);
  }

  it("on a running portal, the sync succeeds and later edits of other files still arrive", async () => {
    const portal: TestPortal = track(await createTestPortal());
    fs.writeFileSync(path.join(portal.contentDir, BROKEN), SOURCE);
    await portal.index.sync();
    expect(portal.index.status().lastError).toBeNull();
    const other = path.join(portal.contentDir, OTHER_FILE);
    fs.writeFileSync(other, fs.readFileSync(other, "utf8").replace(/^title: .*$/m, 'title: "Временни промени"\nslug: vremenni-promeni'));
    await portal.index.sync();
    expect(portal.index.status().lastError).toBeNull();
    expect((await request(portal.app).get("/bg/novini/vremenni-promeni/")).status).toBe(200);
    // The article itself is published; the picture that cannot be found is reported.
    const page = await request(portal.app).get("/bg/novini/protsent-v-adresa-na-snimkata/");
    expect(page.status).toBe(200);
  });
});
