// Regression (issue 19, item 5): /readyz showed internal error text with absolute server
// paths ("The content folder /srv/… cannot be read"). Public endpoints show paths
// relative to the content folder, never an absolute path or a stack.
import fs from "node:fs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicText } from "../../src/web/public-text.js";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;

beforeAll(async () => {
  portal = await createTestPortal();
});

afterAll(() => portal?.close());

describe("readyz-absolute-paths", () => {
  it("reports a failed sync on /readyz without the server's absolute paths", async () => {
    const moved = `${portal.contentDir}-moved`;
    fs.renameSync(portal.contentDir, moved);
    try {
      await expect(portal.index.sync()).rejects.toThrow(portal.contentDir); // the log gets the full text
    } finally {
      fs.renameSync(moved, portal.contentDir);
    }
    const res = await request(portal.app).get("/readyz");
    const body = JSON.stringify(res.body);
    expect(res.body.lastError).toBe("The content folder CONTENT_DIR cannot be read");
    expect(body).not.toContain(portal.contentDir);
    expect(body).not.toMatch(/"\/(tmp|srv|home|root|usr)\//);
  });
});

describe("publicText", () => {
  const config = { contentDir: "/srv/portal/content", dataDir: "/var/lib/portal" };

  it("makes content paths relative and names the folders by their setting", () => {
    expect(publicText("ENOENT: no such file, open '/srv/portal/content/bg/sredets/a.md'", config)).toBe("ENOENT: no such file, open 'bg/sredets/a.md'");
    expect(publicText("unable to open /var/lib/portal/index-3.sqlite", config)).toBe("unable to open DATA_DIR/index-3.sqlite");
    expect(publicText("The content folder /srv/portal/content cannot be read", config)).toBe("The content folder CONTENT_DIR cannot be read");
  });

  it("hides any other absolute path and drops the stack", () => {
    const text =
      "Error: EACCES: permission denied, open '/etc/portal/secret' at file:///opt/app/dist/x.mjs\n    at open (node:fs:1:1)\n    at /opt/app/dist/server.mjs:10:5";
    expect(publicText(text, config)).toBe("Error: EACCES: permission denied, open '[path]' at [path]");
  });

  it("keeps a folder whose name merely starts like the content folder hidden", () => {
    expect(publicText("cannot read /srv/portal/content-old/x.md", config)).toBe("cannot read [path]");
  });
});
