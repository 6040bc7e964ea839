// Push-to-live (issue 25): the corpus committed to a bare repository, the built portal
// following it (CONTENT_REPO), then one-article commits pushed and announced with a
// signed webhook; measured from the webhook until the article's page answers 200 with
// its new title, while a reader requests another article and counts 5xx answers.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { urls } from "../src/site/urls.js";
import type { Corpus } from "./corpus.js";
import { sleep, startPortal, timedGet } from "./proc.js";
import { atMost, info, type Row } from "./report.js";

const PUSHES = 5;
const SECRET = "bench-webhook-secret-0123456789";

export async function pushToLive(corpus: Corpus, limitMs: number, say: (msg: string) => void): Promise<Row[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-push-"));
  const work = path.join(root, "work");
  const bare = path.join(root, "content.git");
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: "/nonexistent",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: "Bench",
    GIT_AUTHOR_EMAIL: "bench@example.org",
    GIT_COMMITTER_NAME: "Bench",
    GIT_COMMITTER_EMAIL: "bench@example.org",
  };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: work, env, encoding: "utf8", maxBuffer: 1 << 28 });
  let portal;
  try {
    say("push to live: committing the corpus to a bare repository");
    fs.cpSync(corpus.dir, work, { recursive: true });
    execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare], { env });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "corpus");
    git("push", "-q", bare, "main");
    const url = urls.article(corpus.editable.lang, corpus.editable.slug);
    portal = await startPortal({ CONTENT_REPO: bare, WEBHOOK_SECRET: SECRET, CONTENT_POLL_SECONDS: "0", DATA_DIR: path.join(root, "data") }, url, 300_000);
    const rows: Row[] = [info("clone, checkout and cold build from CONTENT_REPO", Math.round(portal.readyMs / 100) / 10, "s")];
    // The start-up fetch and the second tree (made once, ahead of the first update).
    await sleep(3_000);
    const reader = { on: true, reads: 0, failed: 0 };
    const other = portal.base + urls.article(corpus.last.lang, corpus.last.slug);
    const reading = (async () => {
      while (reader.on) {
        const res = await timedGet(other);
        reader.reads++;
        if (res.status >= 500) reader.failed++;
        await sleep(20);
      }
    })();
    const file = path.join(work, corpus.editable.file);
    const original = fs.readFileSync(file, "utf8");
    const times: number[] = [];
    for (let i = 1; i <= PUSHES; i++) {
      const title = `${corpus.editable.title} — push ${i}`;
      fs.writeFileSync(file, original.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
      git("commit", "-qam", `push ${i}`);
      git("push", "-q", bare, "main");
      const body = JSON.stringify({ ref: "refs/heads/main" });
      const started = performance.now();
      const hook = await fetch(`${portal.base}/hooks/content`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Hub-Signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` },
        body,
      });
      if (hook.status !== 202) throw new Error(`the webhook answered ${hook.status}`);
      let seen: number | null = null;
      while (seen === null && performance.now() - started < 30_000) {
        const res = await timedGet(portal.base + url);
        if (res.status === 200 && res.body.includes(title.replace(/"/g, "&quot;"))) seen = performance.now() - started;
        else await sleep(10);
      }
      if (seen !== null) times.push(seen);
      await sleep(500);
    }
    reader.on = false;
    await reading;
    const sorted = times.sort((a, b) => a - b);
    const median = sorted.length === PUSHES ? Math.round(sorted[Math.floor(PUSHES / 2)]!) : null;
    rows.push(atMost(`push to live, webhook → page 200 (median of ${PUSHES}; ${sorted.map(Math.round).join(", ")} ms)`, limitMs, median, "ms"));
    rows.push(atMost(`5xx among ${reader.reads} reads during the pushes`, 0, reader.failed, ""));
    return rows;
  } finally {
    await portal?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
