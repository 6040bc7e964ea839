// The Nunjucks environment is set up in one module: every filter and global a template
// uses exists as soon as createViews returns, before (and without) any route.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../src/root.js";
import { createViews } from "../../../src/web/views/env.js";
import { FILTERS } from "../../../src/web/views/filters/index.js";

const views = () => createViews(path.join(ROOT, "views"), { watch: false, site: { baseUrl: "https://news.example.org" } });

describe("createViews", () => {
  it("registers every global templates use without any route: pictureSources, pageWindow, the accessibility statement address", () => {
    const env = views();
    expect(env.getGlobal("accessibilityStatementUrl")).toBe("https://news.example.org/pl/deklaracja-dostepnosci/");
    expect(env.renderString("{{ pageWindow(5, 9) | join(',') }}", {})).toBe("1,0,3,4,5,6,7,0,9");
    const html = env.renderString("{{ pictureSources({ url: '/media/bg/x/a.jpg', width: 800, height: 600, format: 'jpeg' }).src }}", {});
    expect(html).toBe("/media-v/960/jpeg/bg/x/a.jpg");
  });

  it("registers every filter of filters/ by its name", () => {
    const env = views();
    for (const name of Object.keys(FILTERS)) expect(() => env.getFilter(name), name).not.toThrow();
    expect(env.renderString("{{ x | jsonLd }}", { x: { a: "</script>" } })).toBe('{"a":"\\u003c/script\\u003e"}');
  });
});
