// Issue 19, item 8: a picture swapped after indexing for a link to /proc/self/environ or
// /etc/passwd was served as image/png; links to files or folders outside content/ were
// served too. A picture is served only while it is the regular file inside the content
// folder that was checked when indexing; `npm run check` names links and special files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/content/issues.js";
import { checkMedia } from "../../src/content/picture-check.js";
import { VARIANT_FORMATS, VARIANT_WIDTHS } from "../../src/site/media-urls.js";
import { loadAssets } from "../../src/web/assets.js";
import { copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const FOLDER = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite";
const PIC = `${FOLDER}/zala.jpg`;
const OTHER = "bg/sredets/2026-06-18-delegatsiya-ot-sredets-v-sopot/molo.jpg";
const EXTRA = "bg/sredets/2026-11-20-vanshna-snimka.md";
const urlsOf = (rel: string) => [`/media/${rel}`, ...[...VARIANT_WIDTHS, "og"].flatMap((w) => VARIANT_FORMATS.map((f) => `/media-v/${w}/${f}/${rel}`))];
const raw = (url: string) =>
  request(portal.app)
    .get(url)
    .timeout(5_000)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => cb(null, Buffer.concat(chunks)));
    });

let portal: TestPortal;
let original: Buffer;
let outside: string;
const pic = () => path.join(portal.contentDir, PIC);

beforeAll(async () => {
  const contentDir = copyFixture("content");
  // An article whose picture sits in a folder outside content/, reached through a linked folder.
  outside = tempDir("outside");
  fs.copyFileSync(path.join(contentDir, OTHER), path.join(outside, "secret.jpg"));
  fs.symlinkSync(outside, path.join(contentDir, "bg/sredets/vanshna"));
  fs.writeFileSync(
    path.join(contentDir, EXTRA),
    "---\ntitle: Външна снимка\ndate: 2026-11-20\nimage:\n  src: vanshna/secret.jpg\n  alt: Снимка отвън\n---\nТекст.\n\n![Отвън](vanshna/secret.jpg)\n",
  );
  portal = await createTestPortal({ contentDir });
  original = fs.readFileSync(pic());
  // Every variant of the real picture, made once before the swap: a cached variant must not outlive it.
  for (const url of urlsOf(PIC)) expect((await raw(url)).status, url).toBe(200);
});
afterAll(() => portal.close());
afterEach(() => {
  fs.rmSync(pic(), { force: true });
  fs.writeFileSync(pic(), original);
});

async function expectRefused(secret: RegExp) {
  for (const url of urlsOf(PIC)) {
    const res = await raw(url);
    expect(res.status, url).toBe(404);
    expect(String(res.body), url).not.toMatch(secret);
    expect(res.headers["content-type"], url).not.toMatch(/^image\//);
  }
}

describe("a picture swapped after indexing", () => {
  it("for a link to /proc/self/environ: 404 for the original and every variant, no environment bytes", async () => {
    fs.rmSync(pic());
    fs.symlinkSync("/proc/self/environ", pic());
    await expectRefused(/PATH=|CONTENT_DIR=|DATA_DIR=/);
  });

  it("for a link to /etc/passwd: 404, no password file", async () => {
    fs.rmSync(pic());
    fs.symlinkSync("/etc/passwd", pic());
    await expectRefused(/root:/);
  });

  it("for a link inside content to a file that is not the picture (an article): 404", async () => {
    fs.rmSync(pic());
    fs.symlinkSync(path.join(portal.contentDir, FOLDER, "index.md"), pic());
    await expectRefused(/title:/);
  });

  it("for a FIFO: 404 at once, no request left waiting for a writer", async () => {
    fs.rmSync(pic());
    execFileSync("mkfifo", [pic()]);
    const started = Date.now();
    await expectRefused(/^$/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("for another picture of another size: 404 until it is indexed again", async () => {
    fs.rmSync(pic());
    fs.copyFileSync(path.join(portal.contentDir, OTHER), pic());
    await expectRefused(/^$/);
  });

  it("while it flips between itself and a link to /etc/passwd: each answer is the picture or a 404, never the password file", async () => {
    const dir = path.dirname(pic());
    const [good, evil] = [path.join(dir, ".good"), path.join(dir, ".evil")];
    fs.symlinkSync("/etc/passwd", evil);
    let flipping = true;
    let swapped = 0;
    const flip = () => {
      if (!flipping) return;
      // Two renames: the path is the picture, then briefly nothing, then the link, and back.
      if (fs.existsSync(evil)) {
        fs.renameSync(pic(), good);
        fs.renameSync(evil, pic());
      } else {
        fs.renameSync(pic(), evil);
        fs.renameSync(good, pic());
      }
      swapped++;
      setImmediate(flip);
    };
    flip();
    const seen = new Set<number>();
    try {
      for (let round = 0; round < 30; round++) {
        const answers = await Promise.all(
          urlsOf(PIC)
            .slice(0, 10)
            .map((url) => raw(url)),
        );
        for (const res of answers) {
          seen.add(res.status);
          expect(String(res.body)).not.toMatch(/root:/);
          expect([200, 404]).toContain(res.status);
        }
        const original_ = answers[0]!;
        if (original_.status === 200) expect((original_.body as Buffer).equals(original)).toBe(true);
      }
    } finally {
      flipping = false;
      if (!fs.existsSync(evil)) {
        fs.renameSync(pic(), evil);
        fs.renameSync(good, pic());
      }
      fs.rmSync(evil);
    }
    expect(swapped).toBeGreaterThan(100);
    expect(seen.has(404)).toBe(true);
  });

  it("back to the checked picture: served again", async () => {
    const res = await raw(`/media/${PIC}`);
    expect(res.status).toBe(200);
    expect((res.body as Buffer).equals(original)).toBe(true);
  });
});

describe("links out of the content folder", () => {
  it("a picture in a linked folder outside content/ is refused when indexing, with an editor message", async () => {
    for (const url of urlsOf("bg/sredets/vanshna/secret.jpg")) expect((await raw(url)).status, url).toBe(404);
    const messages = portal.index
      .issues()
      .filter((i) => i.file === EXTRA)
      .map(formatIssue);
    const out = `is a link that leads outside the content folder — put the picture itself in the article's folder`;
    expect(messages).toEqual([`${EXTRA}:5: image.src: "vanshna/secret.jpg" ${out}`, `${EXTRA}:10: body: image "vanshna/secret.jpg" ${out}`]);
    const page = await request(portal.app).get("/bg/novini/vanshna-snimka/");
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("secret.jpg");
    expect(page.text).toContain('<span class="missing-image">Отвън</span>');
  });

  it("npm run check names links out of the content folder and special files", () => {
    fs.rmSync(pic());
    fs.symlinkSync("/proc/self/environ", pic());
    const fifo = path.join(portal.contentDir, FOLDER, "pipe.png");
    execFileSync("mkfifo", [fifo]);
    try {
      expect(checkMedia(portal.contentDir).map(formatIssue)).toEqual([
        `${FOLDER}/pipe.png:1: file: "pipe.png" is not a regular file (a pipe, device or socket) — put the picture itself in the article's folder`,
        `${FOLDER}/zala.jpg:1: file: "zala.jpg" is a link that leads outside the content folder — put the picture itself in the article's folder`,
        `bg/sredets/vanshna:1: file: "vanshna" is a link that leads outside the content folder — put the picture itself in the article's folder`,
      ]);
    } finally {
      fs.rmSync(fifo);
    }
  });
});

describe("the media cache in DATA_DIR", () => {
  it("never follows a link put in place of a cached variant: the variant is made again", async () => {
    const cache = path.join(portal.dataDir, "media-cache");
    const [name] = fs.readdirSync(cache).filter((f) => f.endsWith("-640.webp"));
    fs.rmSync(path.join(cache, name!));
    fs.symlinkSync("/etc/passwd", path.join(cache, name!));
    const res = await raw(`/media-v/640/webp/${PIC}`);
    expect(res.status).toBe(200);
    expect(String(res.body)).not.toMatch(/root:/);
    expect((res.body as Buffer).subarray(8, 12).toString("latin1")).toBe("WEBP");
    expect(fs.lstatSync(path.join(cache, name!)).isFile()).toBe(true);
  });
});

describe("/static/", () => {
  it("serves only regular files of public/, read at start: a link there is never followed", () => {
    const pub = tempDir("public");
    fs.writeFileSync(path.join(pub, "ok.txt"), "ok");
    fs.symlinkSync("/etc/passwd", path.join(pub, "passwd.txt"));
    fs.symlinkSync("/etc", path.join(pub, "etc"));
    const assets = loadAssets(pub);
    expect(assets.url("ok.txt")).toMatch(/^\/static\/ok\.[0-9a-f]{10}\.txt$/);
    expect(() => assets.url("passwd.txt")).toThrow();
    expect(() => assets.url("etc/passwd")).toThrow();
  });
});
