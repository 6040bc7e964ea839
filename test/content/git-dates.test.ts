import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { gitDates, modifiedDate } from "../../src/content/git-dates.js";
import { ContentIndex } from "../../src/index/index.js";
import { parseInThread } from "../../src/content/load/parse-file.js";
import { copyFixture, createTestPortal, tempDir } from "../helpers/app.js";

/** Runs git with fixed identity and dates, so commits are reproducible. */
function git(dir: string, when: string, ...args: string[]): void {
  execFileSync("git", ["-C", dir, ...args], {
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_NAME: "Editor", GIT_AUTHOR_EMAIL: "editor@example.org", GIT_COMMITTER_NAME: "Editor", GIT_COMMITTER_EMAIL: "editor@example.org", GIT_CONFIG_NOSYSTEM: "1", HOME: dir },
    stdio: "ignore",
  });
}

function repoWithContent(): { repo: string; contentDir: string } {
  const repo = tempDir("git");
  const contentDir = path.join(repo, "content");
  fs.cpSync(copyFixture("content"), contentDir, { recursive: true });
  git(repo, "2026-01-02T10:00:00Z", "init", "-q");
  git(repo, "2026-01-02T10:00:00Z", "add", ".");
  git(repo, "2026-01-02T10:00:00Z", "commit", "-q", "-m", "first");
  return { repo, contentDir };
}

const SHISHMAN = "bg/sredets/2025-04-14-remont-ul-tsar-ivan-shishman.md";

describe("gitDates", () => {
  it("gives each file the time of the last commit that touched it, with one git call", async () => {
    const { repo, contentDir } = repoWithContent();
    fs.appendFileSync(path.join(contentDir, SHISHMAN), "\nОще един абзац.\n");
    git(repo, "2026-03-04T08:30:00Z", "commit", "-q", "-am", "second");
    const dates = await gitDates(contentDir);
    expect(dates.get(SHISHMAN)).toBe(Date.parse("2026-03-04T08:30:00Z"));
    expect(dates.get("bg/sredets/2025-11-17-zimna-gotovnost-2025.md")).toBe(Date.parse("2026-01-02T10:00:00Z"));
    expect(dates.get("districts/sredets.yml")).toBe(Date.parse("2026-01-02T10:00:00Z"));
    expect(await gitDates(contentDir, [SHISHMAN])).toEqual(new Map([[SHISHMAN, Date.parse("2026-03-04T08:30:00Z")]]));
  });

  it("keeps non-ASCII file names as they are", async () => {
    const { repo, contentDir } = repoWithContent();
    fs.writeFileSync(path.join(contentDir, "bg/sredets/новина.md"), "x");
    git(repo, "2026-05-06T00:00:00Z", "add", ".");
    git(repo, "2026-05-06T00:00:00Z", "commit", "-q", "-m", "cyrillic");
    expect((await gitDates(contentDir)).get("bg/sredets/новина.md")).toBe(Date.parse("2026-05-06T00:00:00Z"));
  });

  it("is empty outside a git checkout, and the mtime is used then", async () => {
    const dir = copyFixture("content");
    expect((await gitDates(dir)).size).toBe(0);
    expect(modifiedDate(undefined, SHISHMAN, new Map(), 123)).toBe(123);
    expect(modifiedDate(456, SHISHMAN, new Map([[SHISHMAN, 789]]), 123)).toBe(456);
    expect(modifiedDate(undefined, SHISHMAN, new Map([[SHISHMAN, 789]]), 123)).toBe(789);
  });
});

describe("modified dates in the index and on the pages", () => {
  it("uses the commit date where `updated` is absent, for the article page and the sitemap", async () => {
    const { repo, contentDir } = repoWithContent();
    fs.appendFileSync(path.join(contentDir, SHISHMAN), "\nОще един абзац.\n");
    git(repo, "2026-03-04T08:30:00Z", "commit", "-q", "-am", "second");
    const portal = await createTestPortal({ contentDir });
    try {
      const a = [...portal.index.articles.published(portal.index.now())].find((x) => x.file === SHISHMAN)!;
      expect(a.updated).toBeUndefined();
      expect(a.modified).toBe(Date.parse("2026-03-04T08:30:00Z"));
      const page = await request(portal.app).get(`/bg/novini/${a.slug}/`).expect(200);
      expect(page.text).toContain('<time datetime="2026-03-04T10:30:00+02:00">4 март 2026 г.</time>');
      const sitemap = await request(portal.app).get("/sitemap-bg-1.xml").expect(200);
      expect(sitemap.text).toContain(`${a.slug}/</loc><lastmod>2026-03-04T10:30:00+02:00</lastmod>`);
      // An edit committed later, then synced: the new commit's time.
      fs.appendFileSync(path.join(contentDir, SHISHMAN), "\nИ още един.\n");
      git(repo, "2026-06-07T09:00:00Z", "commit", "-q", "-am", "third");
      await portal.index.sync(undefined, { paths: [SHISHMAN] });
      const edited = [...portal.index.articles.published(portal.index.now())].find((x) => x.file === SHISHMAN)!;
      expect(edited.modified).toBe(Date.parse("2026-06-07T09:00:00Z"));
    } finally {
      portal.close();
    }
  });

  it("gives the commit date also to articles written before git answered", async () => {
    const { repo, contentDir } = repoWithContent();
    fs.appendFileSync(path.join(contentDir, SHISHMAN), "\nОще един абзац.\n");
    git(repo, "2026-03-04T08:30:00Z", "commit", "-q", "-am", "second");
    const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: contentDir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" });
    // Parsing in this thread, with its modules loaded, writes every row before git's answer.
    const index = await ContentIndex.open(config, { parseMany: parseInThread(config) });
    try {
      const a = [...index.articles.published(index.now())].find((x) => x.file === SHISHMAN)!;
      expect(a.modified).toBe(Date.parse("2026-03-04T08:30:00Z"));
    } finally {
      index.close();
    }
  });

  it("falls back to the file's mtime for a file that was never committed", async () => {
    const { contentDir } = repoWithContent();
    const file = path.join(contentDir, "bg/sredets/2026-11-01-nova.md");
    fs.writeFileSync(file, '---\ntitle: "Нова"\ndate: "2026-11-01"\n---\n\nТекст.\n');
    fs.utimesSync(file, new Date("2026-11-05T12:00:00Z"), new Date("2026-11-05T12:00:00Z"));
    const portal = await createTestPortal({ contentDir });
    try {
      const a = [...portal.index.articles.published(portal.index.now())].find((x) => x.file === "bg/sredets/2026-11-01-nova.md")!;
      expect(a.modified).toBe(Date.parse("2026-11-05T12:00:00Z"));
    } finally {
      portal.close();
    }
  });
});
