// Two replicas behind nginx (issue 24): one SUBSCRIPTIONS=primary, one replica, both
// watching the same content, with deploy/nginx.conf's routing of the subscription paths to
// the primary. A reader subscribes through nginx with the form of the replica's page and
// confirms; a new article and an alert then reach the inbox exactly once each.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, freePort, ROOT, startBuilt, type BuiltServer } from "./harness.js";
import { startRelay, type Relay } from "./subscriptions-helpers.js";

const NGINX = "/usr/sbin/nginx";
const SECRET_KEY = "two-replicas-share-this-key-0123456789";

let servers: BuiltServer[] = [];
let nginx: ChildProcess | null = null;
let relay: Relay | null = null;
afterEach(async () => {
  nginx?.kill("SIGTERM");
  for (const s of servers) await s.stop("SIGKILL");
  servers = [];
  await relay?.close();
  nginx = relay = null;
});

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!fs.existsSync(NGINX))("subscriptions: two replicas and nginx", () => {
  it("sends each message once, from the primary only", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-replicas-"));
    const contentDir = path.join(work, "content");
    fs.cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
    relay = await startRelay();
    const proxyPort = await freePort();
    const proxy = `http://127.0.0.1:${proxyPort}`;
    const common = { SMTP_URL: relay.url, SECRET_KEY, WATCH: "true", BASE_URL: proxy, TRUST_PROXY: "loopback" };
    const primary = await startBuilt({
      contentDir,
      dataDir: path.join(work, "data0"),
      env: { ...common, SUBSCRIPTIONS: "primary", STATE_DIR: path.join(work, "state0") },
    });
    const replica = await startBuilt({
      contentDir,
      dataDir: path.join(work, "data1"),
      env: { ...common, SUBSCRIPTIONS: "replica", STATE_DIR: path.join(work, "state1") },
    });
    servers.push(primary, replica);

    fs.writeFileSync(
      path.join(work, "nginx.conf"),
      `${process.getuid?.() === 0 ? "user root root;" : ""}
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${work}/client_temp;
  proxy_temp_path ${work}/proxy_temp;
  fastcgi_temp_path ${work}/fastcgi_temp;
  uwsgi_temp_path ${work}/uwsgi_temp;
  scgi_temp_path ${work}/scgi_temp;
  upstream portal { server 127.0.0.1:${primary.port}; server 127.0.0.1:${replica.port}; }
  upstream portal_subscriptions { server 127.0.0.1:${primary.port}; }
  server {
    listen 127.0.0.1:${proxyPort};
    location ~ ^/(bg/abonament|pl/subskrypcja)/ {
      proxy_pass http://portal_subscriptions;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream off;
      client_max_body_size 16k;
    }
    location / { proxy_pass http://portal; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }
  }
}
`,
    );
    nginx = spawn(NGINX, ["-p", work, "-c", path.join(work, "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" });
    await eventually(
      async () => {
        try {
          return (await fetch(`${proxy}/healthz`)).ok ? true : undefined;
        } catch {
          return undefined;
        }
      },
      10_000,
      "nginx",
    );

    // The form as the replica rendered it, posted through nginx (which hands it to the primary).
    const page = await (await fetch(`${replica.url}/bg/rayoni/lozenets/`)).text();
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    const res = await fetch(`${proxy}/bg/abonament/`, {
      method: "POST",
      body: new URLSearchParams({ token, email: "both@example.org", districts: "lozenets", scope: "all", frequency: "immediately" }),
    });
    expect(res.status).toBe(200);
    const got = relay.received;
    await eventually(async () => got[0], 20_000, "the confirmation e-mail");
    const link = new URL(/https?:\/\/\S+\/potvardi\/\S+\//.exec(got[0]!.mail.text ?? "")![0]);
    expect(link.origin).toBe(proxy);
    expect((await fetch(link, { method: "POST" })).status).toBe(200);
    // The replica keeps no subscriber and answers no subscription path itself.
    expect((await fetch(`${replica.url}${link.pathname}`, { method: "POST" })).status).toBe(405);

    fs.writeFileSync(path.join(contentDir, "bg/lozenets/2026-12-07-dvete.md"), `---\ntitle: Две копия, едно писмо\ndate: ${yesterday()}\n---\nТекст.\n`);
    await eventually(async () => got[1], 30_000, "the article e-mail");
    fs.mkdirSync(path.join(contentDir, "alerts/bg"), { recursive: true });
    const start = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    const end = new Date(Date.now() + 5 * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    fs.writeFileSync(
      path.join(contentDir, "alerts/bg/toplo.md"),
      `---\ntitle: Без топла вода в Лозенец\nkind: heating\nseverity: info\ndistricts: [lozenets]\nstart: ${start}\nend: ${end}\n---\nРемонт.\n`,
    );
    await eventually(async () => got[2], 30_000, "the alert e-mail");
    // Both replicas synced both changes; give a second sender, were there one, time to send.
    await new Promise((r) => setTimeout(r, 6000));
    const subjects = got.map((r) => r.mail.subject);
    console.log(`two replicas + nginx: ${JSON.stringify(subjects)}`);
    expect(subjects).toEqual(["Потвърдете абонамента си", "Две копия, едно писмо", "Отопление — Без топла вода в Лозенец"]);
    const ready = (await (await fetch(`${replica.url}/readyz`)).json()) as { mailQueue: unknown };
    expect(ready.mailQueue).toBeNull();
    const primaryReady = (await (await fetch(`${primary.url}/readyz`)).json()) as { mailQueue: unknown };
    expect(primaryReady.mailQueue).toEqual({ length: 0, oldestAgeSeconds: null });
  }, 90_000);
});
