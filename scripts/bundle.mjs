// Bundles the server (and its worker threads) into dist/bundle/ for `npm start`: one file
// loads several hundred milliseconds faster than the few hundred modules it replaces,
// which is most of a restart. Packages with native code stay outside, as they must.
import { writeFileSync } from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: { server: "src/server.ts", "parse-worker": "src/content/load/parse-worker.ts", "search-worker": "src/index/search-worker.ts" },
  outdir: "dist/bundle",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["better-sqlite3", "sharp", "nunjucks"],
  // CommonJS packages inside an ES module bundle still call require() and read __dirname.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      'import { fileURLToPath as __fileURLToPath } from "node:url";',
      'import { dirname as __pathDirname } from "node:path";',
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      "const __dirname = __pathDirname(__filename);",
    ].join("\n"),
  },
  sourcemap: "linked",
  logLevel: "warning",
});

// The templates, compiled now instead of on a fresh process's first requests (see
// src/web/compiled-views.ts, which tsc has just built into dist/src/).
const { compileViewsModule, COMPILED_VIEWS } = await import("../dist/src/web/compiled-views.js");
const { createViews } = await import("../dist/src/web/views/env.js");
// Compiling reads no global: the address the globals are made from does not matter here.
writeFileSync(`dist/bundle/${COMPILED_VIEWS}`, compileViewsModule("views", createViews("views", { watch: false, site: { baseUrl: "" } })));
