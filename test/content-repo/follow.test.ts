// The portal follows a content repository (CONTENT_REPO): a real bare repository in a
// temporary folder, commits made with git, the webhook signed as GitHub, GitLab and Gitea
// sign it, and the pages read through the app's own request handler.
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { ConfigError, loadConfig, type Config } from "../../src/config.js";
import { repoPaths } from "../../src/content-repo/paths.js";
import { ContentIndex } from "../../src/index/index.js";
import { followRepo, openRepo } from "../../src/server/follow.js";
import { NOW, tempDir } from "../helpers/app.js";
import { ARTICLE_URL, article, githubSignature, makeRemote, SECRET, type TestRemote } from "./remote.js";
import { createHmac } from "node:crypto";
import { inspect } from "node:util";

interface Portal extends App {
  readonly config: Config;
  readonly index: ContentIndex;
  readonly follower: ReturnType<typeof followRepo>;
  readonly logs: string[];
  /** Posts a signed webhook (GitHub style) and waits until the background update is done. */
  hook(): Promise<request.Response>;
  close(): void;
}

const open: Portal[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
  vi.unstubAllEnvs();
});

async function startPortal(remote: TestRemote, env: Record<string, string> = {}, dataDir = tempDir("data")): Promise<Portal> {
  const logs: string[] = [];
  const logger = pino({ level: "info" }, new Writable({ write: (chunk: Buffer, _e, done) => (logs.push(chunk.toString()), done()) }));
  const config = loadConfig({
    NODE_ENV: "test",
    CONTENT_REPO: remote.bare,
    DATA_DIR: dataDir,
    WEBHOOK_SECRET: SECRET,
    CONTENT_POLL_SECONDS: "0",
    BASE_URL: "https://news.example.org",
    LOG_LEVEL: "silent",
    ...env,
  });
  const repo = await openRepo(config, logger);
  const index = await ContentIndex.open(config, { clock: () => NOW });
  const follower = followRepo(index, repo!, config, logger);
  const app = await createApp({ config, index, logger, contentRepo: follower, compiledViews: null });
  const portal: Portal = {
    ...app,
    config,
    index,
    follower,
    logs,
    hook: async () => {
      const body = JSON.stringify({ ref: "refs/heads/main" });
      const res = await request(app.handle)
        .post("/hooks/content")
        .set("Content-Type", "application/json")
        .set("X-Hub-Signature-256", githubSignature(body))
        .send(body);
      await follower.idle();
      return res;
    },
    close: () => {
      follower.close();
      index.close();
    },
  };
  open.push(portal);
  return portal;
}

const get = (p: Portal, url: string) => request(p.handle).get(url);

// Each test runs git a dozen times and builds an index: seconds on a loaded 2-core machine.
describe("following the content repository", { timeout: 30_000 }, () => {
  it("a pushed article is served after a signed webhook, and X-Content-Commit is the pushed commit", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    const first = remote.git("rev-parse", "HEAD");
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: first, lastFetchError: null });
    expect((await get(p, ARTICLE_URL("novo-ot-git"))).status).toBe(404);

    remote.write("bg/sredets/2026-01-15-novo-ot-git.md", article("novo-ot-git", "Новина, публикувана с git push"));
    const pushed = remote.push("new article");
    const started = Date.now();
    const res = await p.hook();
    expect(res.status).toBe(202);
    const page = await get(p, ARTICLE_URL("novo-ot-git"));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Новина, публикувана с git push");
    expect(page.headers["x-content-commit"]).toBe(pushed);
    // A page answered from the render cache carries it too, and the health probes.
    expect((await get(p, ARTICLE_URL("novo-ot-git"))).headers["x-content-commit"]).toBe(pushed);
    expect((await get(p, "/healthz")).headers["x-content-commit"]).toBe(pushed);
    const ready = (await get(p, "/readyz")).body as Record<string, unknown>;
    expect(ready).toMatchObject({ contentCommit: pushed, lastFetchError: null });
    expect(Date.parse(String(ready.deployedAt))).toBeGreaterThanOrEqual(started - 1000);
  });

  it("a missing or wrong signature answers 401 and changes nothing; GitLab and Gitea proofs are accepted", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    const first = remote.git("rev-parse", "HEAD");
    remote.write("bg/sredets/2026-01-15-podpis.md", article("podpis", "Проверка на подписа"));
    const pushed = remote.push("article");
    const body = JSON.stringify({ ref: "refs/heads/main" });
    const post = () => request(p.handle).post("/hooks/content").set("Content-Type", "application/json");
    for (const res of [
      await post().send(body),
      await post().set("X-Hub-Signature-256", githubSignature(body, "another-secret-0123456789")).send(body),
      await post()
        .set("X-Hub-Signature-256", githubSignature(body + " "))
        .send(body),
      await post().set("X-Gitlab-Token", `${SECRET}x`).send(body),
      await post().set("X-Gitea-Signature", "00").send(body),
    ]) {
      expect(res.status).toBe(401);
    }
    await p.follower.idle();
    expect((await get(p, ARTICLE_URL("podpis"))).status).toBe(404);
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: first });

    expect((await post().set("X-Gitlab-Token", SECRET).send(body)).status).toBe(202);
    await p.follower.idle();
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: pushed });
    remote.write("bg/sredets/2026-01-15-podpis.md", article("podpis", "Проверка на подписа, втора"));
    const second = remote.push("edit");
    const gitea = createHmac("sha256", SECRET).update(body).digest("hex");
    expect((await post().set("X-Gitea-Signature", gitea).send(body)).status).toBe(202);
    await p.follower.idle();
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: second });
  });

  it("without a webhook, polling (CONTENT_POLL_SECONDS) brings the push", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote, { CONTENT_POLL_SECONDS: "1" });
    remote.write("bg/sredets/2026-01-15-anketa.md", article("anketa", "Намерено при проверка"));
    const pushed = remote.push("article");
    const deadline = Date.now() + 8_000;
    while ((await get(p, "/readyz")).body.contentCommit !== pushed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await p.follower.idle();
    expect((await get(p, ARTICLE_URL("anketa"))).status).toBe(200);
  });

  it("without WEBHOOK_SECRET the endpoint answers 404", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote, { WEBHOOK_SECRET: "" });
    expect((await request(p.handle).post("/hooks/content").set("X-Gitlab-Token", "").send("{}")).status).toBe(404);
  });

  it("many webhooks in a row fold into one update to the last commit", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    const calls = vi.spyOn(Object.getPrototypeOf(await openRepoOf(p)) as { update(): unknown }, "update");
    let last = "";
    for (let i = 1; i <= 3; i++) {
      remote.write(`bg/sredets/2026-01-15-sgnato-${i}.md`, article(`sgnato-${i}`, `Сгъната новина ${i}`));
      last = remote.push(`push ${i}`);
    }
    const body = "{}";
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => request(p.handle).post("/hooks/content").set("X-Hub-Signature-256", githubSignature(body)).send(body)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(202));
    await p.follower.idle();
    expect(calls.mock.calls.length).toBeLessThanOrEqual(2);
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: last });
    for (let i = 1; i <= 3; i++) expect((await get(p, ARTICLE_URL(`sgnato-${i}`))).status).toBe(200);
    calls.mockRestore();
  });

  it("a rename and a delete are applied, re-indexing only the files the commit changed", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    const renamed = "bg/sredets/2026-01-15-preimenuvana.md";
    const deleted = "bg/sredets/2026-01-15-iztrita.md";
    remote.write(renamed, article("preimenuvana", "Статия, която ще се премести"));
    remote.write(deleted, article("iztrita", "Статия, която ще се изтрие"));
    remote.push("two articles");
    await p.hook();
    const [renamedSlug, deletedSlug] = ["preimenuvana", "iztrita"];
    expect((await get(p, ARTICLE_URL(deletedSlug))).status).toBe(200);
    remote.git("mv", renamed, "bg/sredets/2026-01-15-premestena.md");
    remote.git("rm", "--quiet", deleted);
    remote.push("rename and delete");
    await p.hook();
    expect((await get(p, ARTICLE_URL(renamedSlug))).status).toBe(200);
    expect((await get(p, ARTICLE_URL(deletedSlug))).status).toBe(404);
    expect(p.index.status().lastSync).toMatchObject({ parsed: 1, removed: 2 });
    expect(p.index.issues()).toEqual([]);
    // The unchanged files kept their modification times (hard links): a restart parses nothing.
    p.close();
    const again = await ContentIndex.open(p.config, { clock: () => NOW });
    try {
      expect(again.status().lastSync?.parsed).toBe(0);
    } finally {
      again.close();
    }
  });

  it("a force-push is followed (the branch tip is the truth) and logged as such", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    remote.write("bg/sredets/2026-01-15-greshka.md", article("greshka", "Публикувана по грешка"));
    remote.push("mistake");
    await p.hook();
    expect((await get(p, ARTICLE_URL("greshka"))).status).toBe(200);
    remote.git("reset", "--quiet", "--hard", "HEAD~1");
    remote.write("bg/sredets/2026-01-15-popravka.md", article("popravka", "Поправена новина"));
    const forced = remote.push("instead", { force: true });
    await p.hook();
    expect((await get(p, ARTICLE_URL("greshka"))).status).toBe(404);
    expect((await get(p, ARTICLE_URL("popravka"))).status).toBe(200);
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: forced });
    expect(p.logs.some((l) => l.includes("force-pushed or reset"))).toBe(true);
  });

  it("git dates work on the followed clone: an article's modified date is its last commit's", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    remote.write("bg/sredets/2026-01-15-s-data.md", article("s-data", "Дата от git"));
    remote.push("article", { date: "2026-03-10T12:00:00Z" });
    await p.hook();
    const page = await get(p, ARTICLE_URL("s-data"));
    expect(page.status).toBe(200);
    expect(page.text).toContain("2026-03-10T14:00:00+02:00");
  });

  it("an update cut short (a crash) leaves nothing behind in the next tree", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    remote.write("bg/sredets/2026-01-15-parva.md", article("parva", "Първа"));
    remote.push("one");
    await p.hook(); // the content now lives in trees/b; trees/a is idle
    const idle = path.join(repoPaths(p.config.dataDir).trees, "a");
    fs.writeFileSync(path.join(idle, "bg/sredets/2026-01-15-ostatak.md"), article("ostatak", "Остатък от прекъснато обновяване"));
    fs.writeFileSync(`${idle}.updating`, "");
    remote.write("bg/sredets/2026-01-15-vtora.md", article("vtora", "Втора"));
    remote.push("two");
    await p.hook();
    expect(fs.realpathSync(repoPaths(p.config.dataDir).current)).toBe(fs.realpathSync(idle));
    expect((await get(p, ARTICLE_URL("vtora"))).status).toBe(200);
    p.close();
    // A full look at the tree (a restart) finds no stray article.
    const again = await ContentIndex.open(p.config, { clock: () => NOW });
    try {
      expect(fs.existsSync(path.join(idle, "bg/sredets/2026-01-15-ostatak.md"))).toBe(false);
    } finally {
      again.close();
    }
  });

  it("a fetch from an unreachable remote keeps serving the deployed commit and reports the error", async () => {
    const remote = makeRemote();
    const p = await startPortal(remote);
    const first = remote.git("rev-parse", "HEAD");
    const away = `${remote.bare}-away`;
    fs.renameSync(remote.bare, away);
    expect((await p.hook()).status).toBe(202);
    const ready = (await get(p, "/readyz")).body as Record<string, unknown>;
    expect(ready.contentCommit).toBe(first);
    expect(String(ready.lastFetchError)).toMatch(/git fetch/);
    expect((await get(p, "/bg/novini/")).status).toBe(200);
    fs.renameSync(away, remote.bare);
    await p.hook();
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: first, lastFetchError: null });
  });

  it("a hostile commit (symlink to /etc/passwd, .gitattributes filter, hook file, LFS pointer) runs nothing and leaks nothing", async () => {
    // A configuration git would read if the portal let it: a filter driver and hooks that write a marker.
    const home = tempDir("home");
    const marker = path.join(home, "RAN");
    fs.writeFileSync(
      path.join(home, ".gitconfig"),
      `[filter "evil"]\n\tsmudge = sh -c 'touch ${marker}; cat'\n\tclean = cat\n[core]\n\thooksPath = .githooks\n\tsymlinks = true\n`,
    );
    vi.stubEnv("HOME", home);
    const remote = makeRemote();
    const p = await startPortal(remote);
    remote.write(".gitattributes", "* filter=evil\n");
    remote.write(".githooks/post-checkout", `#!/bin/sh\ntouch ${marker}\n`);
    fs.chmodSync(path.join(remote.work, ".githooks/post-checkout"), 0o755);
    fs.symlinkSync("/etc/passwd", path.join(remote.work, "bg/sredets/leak.md"));
    fs.symlinkSync("/etc/passwd", path.join(remote.work, "bg/sredets/pic.png"));
    remote.write(
      "bg/sredets/2026-01-15-lfs.md",
      "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
    );
    remote.write("bg/sredets/2026-01-15-zashtiteno.md", article("zashtiteno", "Защитено съдържание"));
    const pushed = remote.push("hostile");
    await p.hook();
    expect((await get(p, "/readyz")).body).toMatchObject({ contentCommit: pushed, lastFetchError: null });
    expect((await get(p, ARTICLE_URL("zashtiteno"))).status).toBe(200);
    expect(fs.existsSync(marker)).toBe(false);
    const tree = fs.realpathSync(repoPaths(p.config.dataDir).current);
    for (const f of ["bg/sredets/leak.md", "bg/sredets/pic.png"]) {
      const st = fs.lstatSync(path.join(tree, f));
      expect(st.isSymbolicLink()).toBe(false);
      expect(fs.readFileSync(path.join(tree, f), "utf8")).toBe("/etc/passwd");
    }
    expect((await get(p, "/media/bg/sredets/pic.png")).text ?? "").not.toContain("root:");
    const logged = p.logs.join("");
    expect(logged).toContain("bg/sredets/leak.md:1: file: is a symbolic link");
    expect(logged).toContain("bg/sredets/2026-01-15-lfs.md:1: file: is a Git LFS pointer");
  });
});

describe("CONTENT_REPO settings", { timeout: 30_000 }, () => {
  it("refuses transports that run commands or send in clear text", () => {
    for (const url of ["ext::sh -c touch% /tmp/pwned", "fd::17", "http://git.example.org/c.git", "git://git.example.org/c.git", "-uhelp"]) {
      expect(() => loadConfig({ CONTENT_REPO: url }), url).toThrow(ConfigError);
    }
    for (const url of ["https://git.example.org/c.git", "ssh://git@git.example.org/c.git", "git@git.example.org:city/content.git", "file:///srv/content.git"]) {
      expect(loadConfig({ CONTENT_REPO: url }).contentRepo?.url).toBe(url);
    }
    expect(loadConfig({ CONTENT_REPO: "./content.git" }).contentRepo?.url).toBe(path.resolve("content.git"));
  });

  it("never shows a secret or a URL's credentials", async () => {
    let message = "";
    try {
      loadConfig({ CONTENT_REPO: "https://editor:s3cr3t-token@git.example.org/c.git", WEBHOOK_SECRET: "short-pass" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("WEBHOOK_SECRET");
    expect(message).not.toContain("short-pass");
    const config = loadConfig({ CONTENT_REPO: "https://editor:s3cr3t-token@127.0.0.1:9/c.git", DATA_DIR: tempDir("data") });
    const failure = await openRepo(config, pino({ level: "silent" })).then(
      () => "opened",
      (e: unknown) => String((e as Error).message),
    );
    expect(failure).toContain("https://***@127.0.0.1:9/c.git");
    expect(failure).not.toContain("s3cr3t");
    // What the start-up failure prints (the error with its causes) holds no credential either.
    const printed = await openRepo(config, pino({ level: "silent" })).then(
      () => "opened",
      (e: unknown) => inspect(e, { depth: 10 }),
    );
    expect(printed).toContain("***@");
    expect(printed).not.toContain("s3cr3t");
  });
});

/** The ContentRepo behind a portal (its follower holds it): read back through a fresh open of the same DATA_DIR. */
async function openRepoOf(p: Portal) {
  const { ContentRepo } = await import("../../src/content-repo/repo.js");
  return (await ContentRepo.open(p.config.contentRepo!, p.config.dataDir)).repo;
}
