// The one Nunjucks environment: autoescape on, templates only from views/ (never from
// content), filters and globals registered here.
import nunjucks from "nunjucks";
import { CompiledFileLoader, type CompiledViews } from "./compiled-views.js";
import { jsonLd } from "./filters/json-ld.js";
import { pageWindow } from "./filters/page-window.js";

export interface ViewsOptions {
  /** Re-read every template on each use (development). */
  readonly watch: boolean;
  /** Templates compiled with the bundle (compiled-views.ts); not used with `watch`. */
  readonly compiled?: CompiledViews | null;
}

export function createViews(viewsDir: string, options: ViewsOptions): nunjucks.Environment {
  const loader = options.compiled && !options.watch
    ? new CompiledFileLoader(viewsDir, options.compiled)
    : new nunjucks.FileSystemLoader(viewsDir, { noCache: options.watch, watch: false });
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: false,
  });
  env.addGlobal("pageWindow", pageWindow);
  env.addFilter("jsonLd", jsonLd);
  return env;
}
