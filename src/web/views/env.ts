// The one Nunjucks environment: autoescape on, templates only from views/ (never from
// content), and every filter (filters/) and global (globals/) registered here, in one loop each.
import nunjucks from "nunjucks";
import { CompiledFileLoader, type CompiledViews } from "../compiled-views.js";
import { FILTERS } from "./filters/index.js";
import { globals, type GlobalsSite } from "./globals/index.js";

export interface ViewsOptions {
  /** Re-read every template on each use (development). */
  readonly watch: boolean;
  /** Templates compiled with the bundle (compiled-views.ts); not used with `watch`. */
  readonly compiled?: CompiledViews | null;
  /** What the globals are made from (globals/index.ts). */
  readonly site: GlobalsSite;
}

export function createViews(viewsDir: string, options: ViewsOptions): nunjucks.Environment {
  const loader =
    options.compiled && !options.watch
      ? new CompiledFileLoader(viewsDir, options.compiled)
      : new nunjucks.FileSystemLoader(viewsDir, { noCache: options.watch, watch: false });
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: false,
  });
  for (const [name, filter] of Object.entries(FILTERS)) env.addFilter(name, filter);
  for (const [name, value] of Object.entries(globals(options.site))) env.addGlobal(name, value);
  return env;
}
