// The one Nunjucks environment: autoescape on, templates only from views/ (never from
// content), filters and globals registered here.
import nunjucks from "nunjucks";
import { jsonLd } from "./filters/json-ld.js";
import { pageWindow } from "./filters/page-window.js";

export function createViews(viewsDir: string, options: { watch: boolean }): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir, { noCache: options.watch, watch: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: false,
  });
  env.addGlobal("pageWindow", pageWindow);
  env.addFilter("jsonLd", jsonLd);
  return env;
}
