// Fault injection (issue 19, item 12) against the built server: build an index, stop
// cleanly, overwrite 29 random 4 KB pages in the middle of the index file (fixed seed,
// header intact), start again. The portal must come up, answer 503 while it rebuilds or
// serve, then serve every article, and log the damage once. Before the fix every such
// start exited 1 with SQLITE_CORRUPT.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { middlePages, overwritePages } from "../../helpers/corrupt.js";
import { ROOT, startBuilt, type BuiltServer } from "./harness.js";

const SEED = 1912;
const EXTRA = 400;
const running: BuiltServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop("SIGKILL");
});

/** The fixture tree plus EXTRA generated articles, so the index spans a few hundred pages. */
function content(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-corrupt-content-"));
  fs.cpSync(path.join(ROOT, "test/fixtures/content"), dir, { recursive: true });
  const body = "Rada Miasta zebrała się na sesji. ".repeat(40);
  for (let i = 1; i <= EXTRA; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    fs.writeFileSync(
      path.join(dir, `pl/gdansk/2026-03-${day}-komunikat-${i}.md`),
      `---\ntitle: "Komunikat numer ${i}"\ndate: 2026-03-${day}\ntags: [komunikat]\n---\n${body}\n\n## Szczegóły\n\n${body}\n`,
    );
  }
  return dir;
}

async function articlePaths(server: BuiltServer): Promise<string[]> {
  const locs = async (url: string) => [...(await (await fetch(url)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const paths: string[] = [];
  for (const sitemap of await locs(`${server.url}/sitemap.xml`)) paths.push(...(await locs(`${server.url}${sitemap}`)));
  return [...new Set(paths.filter((p) => /^\/(bg\/novini|pl\/aktualnosci)\/[^/]+\/$/.test(p)))];
}

it("corrupt-index-pages: 29 damaged pages after a clean shutdown: the portal comes up, rebuilds once and serves every article", async () => {
  const contentDir = content();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-corrupt-data-"));
  const first = await startBuilt({ contentDir, dataDir });
  running.push(first);
  const paths = await articlePaths(first);
  expect(paths.length).toBeGreaterThan(EXTRA);
  expect(await first.stop("SIGTERM")).toBe(0);
  running.pop();

  const file = path.join(dataDir, fs.readFileSync(path.join(dataDir, "CURRENT"), "utf8").trim());
  expect(fs.statSync(file).size / 4096).toBeGreaterThan(200);
  overwritePages(file, middlePages(file, 29, SEED), SEED);

  // Listening starts before the rebuild: pages answer 503 until it is done.
  const second = await startBuilt({ contentDir, dataDir, waitFor: "alive" });
  running.push(second);
  const deadline = Date.now() + 40_000;
  const statuses = new Map<number, number>();
  for (const p of paths) {
    for (;;) {
      const res = await fetch(`${second.url}${p}`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 200) break;
      expect(res.status, p).toBe(503);
      expect(Date.now(), `${p} still answers 503`).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const ready = (await (await fetch(`${second.url}/readyz`)).json()) as { status: string; articles: number; rebuilding: boolean };
  expect(ready).toMatchObject({ status: "ready", rebuilding: false });
  expect(ready.articles).toBeGreaterThan(EXTRA);
  const damage = second
    .output()
    .split("\n")
    .filter((l) => l.includes("rebuilding the index"));
  expect(damage, second.output()).toHaveLength(1);
  expect(second.child.exitCode).toBeNull();
});

it("corrupt-index-pages: damage only a request meets (listings, search): 503 for it, one rebuild, then every article", async () => {
  const contentDir = content();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-corrupt-data-"));
  const first = await startBuilt({ contentDir, dataDir });
  running.push(first);
  const paths = await articlePaths(first);
  expect(await first.stop("SIGTERM")).toBe(0);
  running.pop();

  const file = path.join(dataDir, fs.readFileSync(path.join(dataDir, "CURRENT"), "utf8").trim());
  const db = new Database(file, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name IN ('listing', 'search_pl_data')").pluck().all() as number[];
  db.close();
  overwritePages(file, pages, SEED);

  const second = await startBuilt({ contentDir, dataDir });
  running.push(second);
  expect(second.output()).not.toContain("rebuilding the index");
  const list = await fetch(`${second.url}/pl/aktualnosci/`);
  await list.arrayBuffer();
  expect(list.status).toBe(503);
  const deadline = Date.now() + 40_000;
  for (const p of ["/pl/aktualnosci/", "/pl/szukaj/?q=komunikat", ...paths]) {
    for (;;) {
      const res = await fetch(`${second.url}${p}`);
      await res.arrayBuffer();
      if (res.status === 200) break;
      expect(res.status, p).toBe(503);
      expect(Date.now(), `${p} still answers 503`).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const damage = second
    .output()
    .split("\n")
    .filter((l) => l.includes("rebuilding the index"));
  expect(damage, second.output()).toHaveLength(1);
  expect(second.child.exitCode).toBeNull();
});
