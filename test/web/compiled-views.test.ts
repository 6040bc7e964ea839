// Templates compiled at build time (src/web/compiled-views.ts) must render exactly what
// the templates compiled on first use render, and must never hide a template edited
// after the build.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/root.js";
import { CompiledFileLoader, compileViewsModule, loadCompiledViews, type CompiledViews } from "../../src/web/compiled-views.js";
import { createViews } from "../../src/web/views/env.js";
import { createTestPortal, tempDir, type TestPortal } from "../helpers/app.js";

const VIEWS = path.join(ROOT, "views");

async function compileTo(viewsDir: string): Promise<CompiledViews> {
  const file = path.join(tempDir("views"), "views.mjs");
  fs.writeFileSync(file, compileViewsModule(viewsDir, createViews(viewsDir, { watch: false, site: { baseUrl: "https://news.example.org" } })));
  const compiled = await loadCompiledViews(pathToFileURL(file));
  if (!compiled) throw new Error("the compiled templates did not load");
  return compiled;
}

const loaderOf = (env: ReturnType<typeof createViews>) => (env as unknown as { loaders: unknown[] }).loaders[0];

describe("the site rendered with templates compiled at build time", () => {
  let views: CompiledViews;
  let compiled: TestPortal;
  let plain: TestPortal;
  beforeAll(async () => {
    views = await compileTo(VIEWS);
    // One content folder for both: an article's "updated" date may come from its file's time.
    compiled = await createTestPortal({ compiledViews: views });
    fs.cpSync(path.join(ROOT, "content/accessibility"), path.join(compiled.contentDir, "accessibility"), { recursive: true });
    plain = await createTestPortal({ contentDir: compiled.contentDir, compiledViews: null });
  });
  afterAll(() => {
    compiled.close();
    plain.close();
  });

  it("is the same, page for page, on every page a visitor can reach from the home pages", async () => {
    // Every page linked from a page already seen, plus what no link leads to (searches,
    // missing pages, the OpenSearch description).
    const queue = ["/bg/", "/pl/", "/bg/tarsene/?q=ремонт", "/pl/szukaj/?q=dostępność", "/pl/szukaj/?q=zzzz", "/bg/nyama-takava/", "/pl/opensearch.xml"];
    const seen = new Set(queue);
    let pages = 0;
    while (queue.length > 0 && pages < 400) {
      const url = queue.shift()!;
      const [a, b] = await Promise.all([request(compiled.app).get(url), request(plain.app).get(url)]);
      pages++;
      expect({ url, status: a.status, location: a.headers.location as unknown }).toEqual({ url, status: b.status, location: b.headers.location as unknown });
      expect(a.status, url).toBeLessThan(500);
      expect(a.text, url).toBe(b.text);
      for (const m of (a.text ?? "").matchAll(/href="(\/(?:bg|pl)\/[^"#]*)"/g)) {
        const link = m[1]!.replace(/&amp;/g, "&");
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    expect(pages).toBeGreaterThan(40);
    // Every template but the development-only problems page was used, and came compiled.
    const loader = loaderOf(compiled.deps.views);
    expect(loader).toBeInstanceOf(CompiledFileLoader);
    // The subscription pages need an app with subscriptions: test/subscriptions/compiled.test.ts.
    const templates = [...views.keys()].filter((name) => name !== "pages/dev-problems.njk" && !/^(emails\/|pages\/subscribe|pages\/privacy)/.test(name));
    expect((loader as CompiledFileLoader).compiledCount).toBe(templates.length);
  });
});

describe("a template edited after the build", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("views-src");
    fs.mkdirSync(path.join(dir, "layouts"));
    fs.mkdirSync(path.join(dir, "pages"));
    fs.writeFileSync(path.join(dir, "layouts/base.njk"), "<main>{% block content %}{% endblock %}</main>");
    fs.writeFileSync(path.join(dir, "pages/name.njk"), '{% extends "layouts/base.njk" %}{% block content %}{{ name }}{% endblock %}');
  });

  it("is rendered from the compiled code while its file is unchanged, still escaping what it prints", async () => {
    const views = createViews(dir, { watch: false, site: { baseUrl: "https://news.example.org" }, compiled: await compileTo(dir) });
    expect(views.render("pages/name.njk", { name: "<b>Средец</b>" })).toBe("<main>&lt;b&gt;Средец&lt;/b&gt;</main>");
    expect((loaderOf(views) as CompiledFileLoader).compiledCount).toBe(2);
  });

  it("is rendered from its file once the file changed, and the unchanged ones stay compiled", async () => {
    const compiled = await compileTo(dir);
    fs.writeFileSync(path.join(dir, "layouts/base.njk"), '<main class="edited">{% block content %}{% endblock %}</main>');
    const views = createViews(dir, { watch: false, site: { baseUrl: "https://news.example.org" }, compiled });
    expect(views.render("pages/name.njk", { name: "Gdańsk" })).toBe('<main class="edited">Gdańsk</main>');
    expect((loaderOf(views) as CompiledFileLoader).compiledCount).toBe(1);
  });

  it("is never taken from the compiled code in development, where templates are re-read on each use", async () => {
    const compiled = await compileTo(dir);
    const views = createViews(dir, { watch: true, site: { baseUrl: "https://news.example.org" }, compiled });
    expect(loaderOf(views)).not.toBeInstanceOf(CompiledFileLoader);
    fs.writeFileSync(path.join(dir, "pages/name.njk"), '{% extends "layouts/base.njk" %}{% block content %}[{{ name }}]{% endblock %}');
    expect(views.render("pages/name.njk", { name: "Sopot" })).toContain("[Sopot]");
  });

  it("leaves the templates to be compiled on first use when the compiled file is missing or damaged, and says so", async () => {
    const warnings: string[] = [];
    const warn = (msg: string) => warnings.push(msg);
    const file = path.join(tempDir("views"), "views.mjs");
    expect(await loadCompiledViews(pathToFileURL(file), warn)).toBeNull();
    expect(warnings).toEqual([]); // no file: not running from a bundle, nothing to say
    fs.writeFileSync(file, "export default new Map([['pages/name.njk', { hash: 'x', props: {} }]]);");
    expect(await loadCompiledViews(pathToFileURL(file), warn)).toBeNull();
    const broken = path.join(path.dirname(file), "broken.mjs");
    fs.writeFileSync(broken, "export default new Map([[");
    expect(await loadCompiledViews(pathToFileURL(broken), warn)).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/broken\.mjs: .*npm run build/);
  });
});
