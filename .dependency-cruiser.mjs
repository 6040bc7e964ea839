// Layer rules of the portal (ARCHITECTURE.md), checked by `npm run lint`.
// Layers only point down:
//   server.ts, server/, cli/            entry points
//   app.ts, web/, api/                  HTTP: routes, middleware, views glue, SEO builders
//   index/, content-repo/               the SQLite index; the followed git repository
//   content/                            reading and validating content files
//   media/, search/                     pictures; text analysis for search
//   site/, i18n/, text/                 URL scheme, strings and formats, text helpers
//   config.ts, errors.ts, root.ts       configuration, error base, the package root
// Type-only imports count (tsPreCompilationDeps): a cycle of types is still a cycle.
/** @type {(name: string, from: string, to: string[], comment: string) => import("dependency-cruiser").IForbiddenRuleType} */
const notUp = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: `^src/(${from})` },
  to: { path: to.map((t) => `^src/(${t})`) },
});

const ENTRY = ["server\\.ts$", "server/", "cli/"];
const WEB = ["app\\.ts$", "web/", "api/"];
const INDEX = ["index/", "content-repo/"];
const CONTENT = ["content/"];
const LOWER = ["media/", "search/"];

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, not even of types: a cycle means two modules are one concern or a third is missing.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    notUp("web-not-up", "app\\.ts$|web/|api/", ENTRY, "HTTP code is used by the entry points, never the other way round."),
    notUp("index-not-up", "index/|content-repo/", [...ENTRY, ...WEB], "The index and the repository follower know nothing of HTTP or views."),
    notUp(
      "content-not-up",
      "content/",
      [...ENTRY, ...WEB, ...INDEX],
      "Content loading and checks do not know the database (the index imports content, not the reverse).",
    ),
    notUp("media-search-not-up", "media/|search/", [...ENTRY, ...WEB, ...INDEX, ...CONTENT], "Pictures and text analysis stand below content."),
    notUp(
      "site-i18n-text-not-up",
      "site/|i18n/|text/",
      [...ENTRY, ...WEB, ...INDEX, ...CONTENT, ...LOWER],
      "The URL scheme, strings and text helpers are used by every layer and use none of them.",
    ),
    {
      name: "base-files-not-up",
      comment:
        "config.ts, errors.ts and root.ts sit under everything; config reads only leaf modules: the repository's paths and URL redaction, and the subscriptions' settings schema.",
      severity: "error",
      from: { path: "^src/(config|errors|root)\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/(config|errors|root)\\.ts$", "^src/content-repo/(paths|git)\\.ts$", "^src/subscriptions/settings\\.ts$"] },
    },
    {
      name: "no-dev-dependencies-in-src",
      comment: "Production code imports only dependencies; tsx is loaded by the worker shim in development and tests only.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/content/load/tsx-worker\\.mjs$" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-tests-in-src",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|bench|scripts)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".mjs", ".js", ".json"],
    },
  },
};
