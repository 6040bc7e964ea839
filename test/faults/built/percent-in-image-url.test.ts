// Issue 19, item 7 against the real server: `![x](%e9.png)` in one article made cold and
// warm starts exit 1 ("Building the index failed … URIError"), and on a running server
// every later sync failed. Now the server starts, serves every other article, and
// follows later edits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, eventually, startBuilt, type BuiltServer } from "./harness.js";

const BROKEN = "bg/sredets/2026-11-20-protsent.md";
const SOURCE = "---\ntitle: Процент в адреса на снимката\ndate: 2026-11-20\n---\nПърви ред.\n\n![x](%e9.png)\n";
const OTHER = "bg/sredets/2026-08-24-vremenni-promeni-v-gradskiya-transport.md";
const OTHER_URL = "/bg/novini/vremenni-promeni-v-gradskia-transport-v-tsentara-ot-1-septemvri/";

const running: BuiltServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop("SIGKILL");
});

function folders(): { contentDir: string; dataDir: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "portal-percent-"));
  const contentDir = path.join(base, "content");
  fs.cpSync(path.join(ROOT, "test/fixtures/content"), contentDir, { recursive: true });
  const dataDir = path.join(base, "data");
  fs.mkdirSync(dataDir);
  return { contentDir, dataDir };
}

async function start(contentDir: string, dataDir: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  const server = await startBuilt({ contentDir, dataDir, env });
  running.push(server);
  return server;
}

describe("percent sign in an image address (built server)", () => {
  it("starts cold and warm, and serves every other article", async () => {
    const { contentDir, dataDir } = folders();
    fs.writeFileSync(path.join(contentDir, BROKEN), SOURCE);
    for (const how of ["cold", "warm"]) {
      const server = await start(contentDir, dataDir);
      expect((await fetch(server.url + OTHER_URL)).status, how).toBe(200);
      const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { contentProblems: number };
      expect(ready.contentProblems, how).toBe(1);
      expect(await server.stop()).toBe(0);
      running.pop();
    }
  });

  it("keeps following edits after the file arrives on a running server", async () => {
    const { contentDir, dataDir } = folders();
    const server = await start(contentDir, dataDir, { WATCH: "true" });
    fs.writeFileSync(path.join(contentDir, BROKEN), SOURCE);
    await eventually(
      async () => ((await (await fetch(`${server.url}/readyz`)).json()) as { contentProblems: number }).contentProblems === 1 || undefined,
      15_000,
      "the broken file to be seen",
    );
    const other = path.join(contentDir, OTHER);
    fs.writeFileSync(other, fs.readFileSync(other, "utf8").replace(/^title: .*$/m, 'title: "Временни промени"\nslug: vremenni-promeni'));
    await eventually(
      async () => (await fetch(`${server.url}/bg/novini/vremenni-promeni/`)).status === 200 || undefined,
      15_000,
      "the edit of another file to be served",
    );
  });
});
