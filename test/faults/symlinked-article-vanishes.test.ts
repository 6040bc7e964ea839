// Regression (issue 19, items 8 and 9, an article file): links are never followed, which
// is right (one to /etc/passwd must not be read), but a published article swapped for a
// link (`ln -sf` by a careless editor, or a deploy tool that links files) vanished from the
// site with no message anywhere. It is now named as a problem, and the site keeps what it had.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const ARTICLE = "bg/sredets/2025-06-20-letni-vecheri-v-gradskata-gradina.md";
const MESSAGE = `${ARTICLE}:1: file: is a symbolic link — the portal reads only real files inside the content folder; put the file itself here (the site keeps what it had from this path)`;

const open: TestPortal[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe("symlinked-article-vanishes", () => {
  it("keeps a published article that became a symbolic link, names it, and never reads the link", async () => {
    const p = await createTestPortal();
    open.push(p);
    const row = p.index.db.prepare("SELECT slug FROM articles WHERE file = ?").get(ARTICLE) as { slug: string };
    const url = `/bg/novini/${row.slug}/`;
    expect((await request(p.app).get(url)).status).toBe(200);
    const abs = path.join(p.contentDir, ARTICLE);
    const elsewhere = path.join(tempDir("elsewhere"), "article.md");
    fs.writeFileSync(elsewhere, fs.readFileSync(abs, "utf8").replace(/^title: .*$/m, 'title: "Чужд текст"'));
    fs.rmSync(abs);
    fs.symlinkSync(elsewhere, abs);
    const report = await p.index.sync();
    expect(report.removed).toBe(0);
    expect(report.issues.map(formatIssue)).toContain(MESSAGE);
    const page = await request(p.app).get(url);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Чужд текст");
    expect(checkContent(p.config).issues.map(formatIssue)).toContain(MESSAGE);
  });
});
