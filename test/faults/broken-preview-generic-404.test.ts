// Fault (issue 22): when the file behind a preview address was broken, `npm run dev`
// answered that address with the generic "page not found", and the editor had to guess
// why. Must hold: in development the address shows the problems of that file (in the
// page's language, every problem in full), and once the file is fixed, the article; and
// outside development nothing of the sort (a plain 404).
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

const FILE = "bg/sredets/2026-11-20-remont-na-parka.md";
const URL = "/bg/novini/remont-na-parka-v-sredets/";
const BROKEN = '---\ntitle: "Ремонт на парка в Средец"\ndate: "2026-02-30"\n---\n\nТекст.\n';
const FIXED = '---\ntitle: "Ремонт на парка в Средец"\ndate: "2026-02-20"\n---\n\nТекст.\n';

describe.each(["development", "production"])("a preview address whose file is broken (NODE_ENV=%s)", (env) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal({ env: { NODE_ENV: env } });
    fs.writeFileSync(path.join(portal.contentDir, FILE), BROKEN);
    await portal.index.sync();
  });
  afterAll(() => portal.close());

  it(env === "development" ? "shows that file's problems at that address" : "is a plain 404", async () => {
    const res = await request(portal.app).get(URL);
    expect(res.status).toBe(404);
    if (env === "development") {
      expect(res.text).toContain(`Тази страница не може да се покаже: ${FILE} има грешки`);
      // In the language of the page (issue 20): a Bulgarian address, Bulgarian wording.
      expect(res.text).toContain(`${FILE}:3: date: „2026-02-30“ не е съществуваща дата — пишете ГГГГ-ММ-ДД`);
      expect(res.text).not.toContain("Страницата не е намерена");
      // Found by its file name too, and an alert address is left alone.
      expect((await request(portal.app).get("/bg/novini/remont-na-parka/")).text).toContain(FILE);
      expect((await request(portal.app).get("/bg/novini/nyama-takava/")).text).toContain("Страницата не е намерена");
    } else {
      expect(res.text).not.toContain(FILE);
    }
  });

  it("shows the article once the file is fixed", async () => {
    fs.writeFileSync(path.join(portal.contentDir, FILE), FIXED);
    await portal.index.sync();
    const res = await request(portal.app).get(URL);
    expect(res.status).toBe(200);
    expect(res.text).toContain("Ремонт на парка в Средец");
  });
});
