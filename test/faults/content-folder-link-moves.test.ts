// Found while merging issues 19 and 25: with CONTENT_REPO the content folder is a link
// (DATA_DIR/content-repo/current) that an update moves to the other checked-out tree. The
// picture check once remembered where the folder led at the first request, so after the
// first update every picture of a new file was refused as "outside the content folder"
// (404). What is inside is decided against where the folder leads now.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, expect, it } from "vitest";
import { copyFixture, createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const PIC = "bg/sredets/2026-10-29-priklyuchi-obuchenieto-na-sluzhitelite/zala.jpg";
let portal: TestPortal | undefined;
afterEach(() => portal?.close());

it("content-folder-link-moves: pictures are served from the tree the content folder leads to now", async () => {
  const root = tempDir("trees");
  const a = path.join(root, "a");
  const b = path.join(root, "b");
  fs.renameSync(copyFixture("content"), a);
  // The other tree is a copy, not hard links: its files are new inodes, as after a pull
  // that rewrote them, so nothing verified in tree a vouches for them.
  fs.cpSync(a, b, { recursive: true });
  const current = path.join(root, "current");
  fs.symlinkSync(a, current);
  portal = await createTestPortal({ contentDir: current });
  expect((await request(portal.app).get(`/media/${PIC}`)).status).toBe(200);

  // The switch: a new link renamed over the old one, as src/content-repo/repo.ts does.
  fs.symlinkSync(b, path.join(root, "next"));
  fs.renameSync(path.join(root, "next"), current);
  fs.rmSync(a, { recursive: true });
  const res = await request(portal.app).get(`/media/${PIC}`);
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("image/jpeg");
});
