// The subscription pages render the same with the templates compiled at build time as
// with those compiled on first use (test/web/compiled-views.test.ts covers the rest of
// the site, built without subscriptions).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/root.js";
import { formToken } from "../../src/subscriptions/tokens.js";
import { compileViewsModule, loadCompiledViews } from "../../src/web/compiled-views.js";
import { createViews } from "../../src/web/views/env.js";
import { copyFixture, tempDir } from "../helpers/app.js";
import { createSubsPortal, ORIGIN, type SubsPortal } from "./helpers.js";

let compiled: SubsPortal;
let plain: SubsPortal;
beforeAll(async () => {
  const file = path.join(tempDir("views"), "views.mjs");
  const views = path.join(ROOT, "views");
  fs.writeFileSync(file, compileViewsModule(views, createViews(views, { watch: false, site: { baseUrl: "https://news.example.org" } })));
  const contentDir = copyFixture("content");
  compiled = await createSubsPortal({ contentDir, compiledViews: await loadCompiledViews(pathToFileURL(file)), env: { NODE_ENV: "production" } });
  plain = await createSubsPortal({ contentDir, compiledViews: null, env: { NODE_ENV: "production" } });
});
afterAll(async () => {
  await compiled.close();
  await plain.close();
});

const strip = (html: string) => html.replace(/name="token" value="[^"]+"/g, "");

describe("subscription pages with compiled templates", () => {
  it("render the same as with templates compiled on first use", async () => {
    for (const url of ["/bg/", "/pl/", "/bg/rayoni/sredets/", "/bg/abonament/", "/pl/subskrypcja/", "/bg/poveritelnost/", "/pl/prywatnosc/"]) {
      const [a, b] = await Promise.all([request(compiled.app).get(url), request(plain.app).get(url)]);
      expect(a.status, url).toBe(200);
      expect(strip(a.text), url).toBe(strip(b.text));
    }
    const post = (p: SubsPortal) =>
      request(p.app)
        .post("/bg/abonament/")
        .set("Origin", ORIGIN)
        .type("form")
        .send(
          new URLSearchParams({ token: formToken(p.subs.signer, p.now()), email: "bad", districts: "sredets", scope: "all", frequency: "daily" }).toString(),
        );
    const [a, b] = await Promise.all([post(compiled), post(plain)]);
    expect(a.status).toBe(400);
    expect(strip(a.text)).toBe(strip(b.text));
  });
});
