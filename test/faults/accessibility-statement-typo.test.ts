// Regression (issue 19, item 9, the accessibility statement): a typo in
// accessibility/bg.yml (or the file emptied or deleted) made /bg/dostapnost/ answer 500,
// a page the law requires to be reachable on every public body's site. Now the last valid
// statement stays served, across a restart of the same DATA_DIR, and the log says why;
// a statement never valid is still an error page.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const STATEMENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content/accessibility");
const PAGE = "/bg/dostapnost/";
const ENTITY = "Сдружение на районните администрации";

const open: TestPortal[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function portal(contentDir: string | undefined, dataDir: string): Promise<TestPortal> {
  const p = await createTestPortal({ contentDir, env: { DATA_DIR: dataDir } });
  open.push(p);
  return p;
}

function later(file: string): void {
  const t = new Date(Date.now() + 5_000);
  fs.utimesSync(file, t, t);
}

describe("accessibility-statement-typo", () => {
  it("keeps the last valid statement when the file gets a typo, is emptied or deleted, also after a restart", async () => {
    const dataDir = tempDir("data");
    const p = await portal(undefined, dataDir);
    fs.cpSync(STATEMENTS, path.join(p.contentDir, "accessibility"), { recursive: true });
    const file = path.join(p.contentDir, "accessibility/bg.yml");
    expect((await request(p.app).get(PAGE)).text).toContain(ENTITY);

    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^status:/m, "statuss:"));
    later(file);
    const typo = await request(p.app).get(PAGE);
    expect(typo.status).toBe(200);
    expect(typo.text).toContain(ENTITY);

    fs.writeFileSync(file, "");
    later(file);
    expect((await request(p.app).get(PAGE)).status).toBe(200);

    p.close();
    open.pop();
    fs.rmSync(file);
    const restarted = await portal(p.contentDir, dataDir);
    const after = await request(restarted.app).get(PAGE);
    expect(after.status).toBe(200);
    expect(after.text).toContain(ENTITY);
  });

  it("still answers with the error page when the statement was never valid", async () => {
    const p = await portal(undefined, tempDir("data"));
    fs.mkdirSync(path.join(p.contentDir, "accessibility"));
    fs.writeFileSync(path.join(p.contentDir, "accessibility/bg.yml"), "statuss: partial\n");
    expect((await request(p.app).get(PAGE)).status).toBe(500);
  });
});
