// Regression (issue 19, item 11, a variant): three articles with the same title get
// /grafik-za-smetosabirane/, /…-2026-02-10/ and /…-2026-03-10/. Deleting the first moved
// the second to the plain address, and its dated address, already in newsletters and
// search engines, answered 404. A dated address now leads (301) to the article of that
// day wherever it lives, and the other addresses do not move.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";

const DAYS = ["2026-01-10", "2026-02-10", "2026-03-10"];
const fileOf = (day: string) => `bg/sredets/${day}-grafik.md`;

const open: TestPortal[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe("recurring-title-first-deleted", () => {
  it("keeps every published address of the later articles working after the first is deleted", async () => {
    const contentDir = copyFixture("content");
    for (const day of DAYS)
      fs.writeFileSync(path.join(contentDir, fileOf(day)), `---\ntitle: "График за сметосъбиране"\ndate: "${day}"\n---\n\nГрафик ${day}.\n`);
    const p = await createTestPortal({ contentDir });
    open.push(p);
    const second = "/bg/novini/grafik-za-smetosabirane-2026-02-10/";
    const third = "/bg/novini/grafik-za-smetosabirane-2026-03-10/";
    expect((await request(p.app).get(second)).text).toContain("График 2026-02-10.");
    fs.rmSync(path.join(contentDir, fileOf(DAYS[0]!)));
    await p.index.sync();
    const moved = await request(p.app).get(second);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe("/bg/novini/grafik-za-smetosabirane/");
    expect((await request(p.app).get(moved.headers.location as string)).text).toContain("График 2026-02-10.");
    expect((await request(p.app).get(third)).text).toContain("График 2026-03-10.");
    // A dated address of a day the plain article was not published stays unknown.
    expect((await request(p.app).get("/bg/novini/grafik-za-smetosabirane-2026-02-11/")).status).toBe(404);
  });
});
