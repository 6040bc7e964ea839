// `CONTENT_REPO=<bare repository> WEBHOOK_SECRET=… npm start`, then an editor's push and
// the webhook: the built server (a real process) serves the article within 5 s, with
// X-Content-Commit equal to the pushed commit; one process, and WORKERS=2 where the
// webhook reaches a worker and the primary follows the repository.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/app.js";
import { ARTICLE_URL, article, githubSignature, makeRemote } from "../../content-repo/remote.js";
import { SECRET } from "../../content-repo/remote.js";
import { eventually, startBuilt, type BuiltServer } from "./harness.js";

const servers: BuiltServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function hook(url: string): Promise<number> {
  const body = JSON.stringify({ ref: "refs/heads/main" });
  const res = await fetch(`${url}/hooks/content`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": githubSignature(body) },
    body,
  });
  return res.status;
}

describe.each([{ workers: "1" }, { workers: "2" }])("the built server follows a content repository (WORKERS=$workers)", ({ workers }) => {
  it("push + signed webhook: the page is live within 5 s with X-Content-Commit of the push; a lost remote keeps serving", async () => {
    const remote = makeRemote();
    const server = await startBuilt({
      contentDir: "/nonexistent",
      dataDir: tempDir("data"),
      env: { CONTENT_REPO: remote.bare, WEBHOOK_SECRET: SECRET, CONTENT_POLL_SECONDS: "0", WORKERS: workers },
    });
    servers.push(server);
    await eventually(async () => ((await fetch(`${server.url}/readyz`)).ok ? true : undefined), 20_000, "readiness");

    remote.write("bg/sredets/2026-01-15-na-zhivo.md", article("na-zhivo", "Публикувано на живо"));
    const pushed = remote.push("article");
    const started = performance.now();
    expect(await hook(server.url)).toBe(202);
    const page = await eventually(
      async () => {
        const res = await fetch(`${server.url}${ARTICLE_URL("na-zhivo")}`);
        return res.status === 200 && res.headers.get("x-content-commit") === pushed ? res : undefined;
      },
      5_000,
      "the pushed article with its commit",
    );
    const ms = performance.now() - started;
    expect(await page.text()).toContain("Публикувано на живо");
    console.log(`push-to-live (WORKERS=${workers}, fixture content): ${Math.round(ms)} ms`);

    // The remote disappears: the portal keeps serving the deployed commit and says why.
    fs.renameSync(remote.bare, `${remote.bare}-gone`);
    expect(await hook(server.url)).toBe(202);
    const ready = await eventually(
      async () => {
        const body = (await (await fetch(`${server.url}/readyz`)).json()) as { lastFetchError: string | null; contentCommit: string };
        return body.lastFetchError ? body : undefined;
      },
      10_000,
      "the fetch error in /readyz",
    );
    expect(ready.contentCommit).toBe(pushed);
    const again = await fetch(`${server.url}${ARTICLE_URL("na-zhivo")}`);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-content-commit")).toBe(pushed);
    expect(server.output()).not.toMatch(/"level":50.*uncaught/);
  });
});
