// Builds the Express application from its dependencies; src/server.ts only listens.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { ROOT } from "./root.js";
import compression from "compression";
import express, { type Express } from "express";
import pino, { type Logger } from "pino";
import type { Config } from "./config.js";
import type { ContentIndex } from "./index/index.js";
import { createI18n, type I18n } from "./i18n/index.js";
import { apiGate, apiRoutes } from "./api/routes.js";
import { loadAssets } from "./web/assets.js";
import { seoSite, type AppDeps } from "./web/deps.js";
import { RenderCache } from "./web/render-cache.js";
import { aliasRedirects } from "./web/middleware/aliases.js";
import { cachedPageAnswerer, serveCachedPages } from "./web/middleware/cached-pages.js";
import { canonicalPath } from "./web/middleware/canonical-path.js";
import { errorHandler, notFound } from "./web/middleware/errors.js";
import { requestLog } from "./web/middleware/request-log.js";
import { requestGuard } from "./web/middleware/request-guard.js";
import { securityHeaders } from "./web/middleware/security-headers.js";
import { contentCommitHeader } from "./web/middleware/content-commit.js";
import { contentHookRoutes } from "./web/routes/hooks.js";
import type { ContentRepoView } from "./content-repo/status.js";
import { devRoutes } from "./web/routes/dev.js";
import { districtRoutes } from "./web/routes/districts.js";
import { homeRoutes } from "./web/routes/home.js";
import { newsRoutes } from "./web/routes/news.js";
import { sitemapRoutes } from "./web/routes/sitemap.js";
import { feedRoutes } from "./web/routes/feeds.js";
import { searchRoutes } from "./web/routes/search.js";
import { alertRoutes } from "./web/routes/alerts.js";
import { alertFeedRoutes } from "./web/routes/alert-feeds.js";
import { accessibilityRoutes } from "./web/routes/accessibility.js";
import { apiPageRoutes } from "./web/routes/api-page.js";
import { eventRoutes } from "./web/routes/events.js";
import { mediaRoutes } from "./web/routes/media.js";
import { systemRoutes } from "./web/routes/system.js";
import { tagRoutes } from "./web/routes/tags.js";
import { subscriptionRoutes } from "./web/routes/subscriptions.js";
import { privacyRoutes } from "./web/routes/privacy.js";
import type { Subscriptions } from "./subscriptions/service.js";
import { loadCompiledViews, type CompiledViews } from "./web/compiled-views.js";
import { createViews } from "./web/views/env.js";
import { loadSite, siteStrings } from "./content/site.js";
import { formatIssue } from "./content/issues.js";
import { siteRoutes } from "./web/routes/site.js";

export interface CreateAppOptions {
  readonly config: Config;
  readonly index: ContentIndex;
  readonly i18n?: I18n;
  readonly logger?: Logger;
  /** Templates compiled with the bundle; by default, those next to it when NODE_ENV is production. */
  readonly compiledViews?: CompiledViews | null;
  /** The followed content repository (CONTENT_REPO): X-Content-Commit, /readyz, POST /hooks/content. */
  readonly contentRepo?: ContentRepoView | null;
  /** E-mail subscriptions (src/subscriptions/service.ts); none: no form, no subscription pages. */
  readonly subscriptions?: Subscriptions | null;
  /** Readiness shared with the server that already listens (src/server.ts); set to ready here. */
  readonly state?: { ready: boolean; inFlight?: () => number };
}

export interface App {
  readonly app: Express;
  /** What the server listens with: render-cache hits first, then the Express app. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly deps: AppDeps;
  /** Readiness: false until the index is loaded and again while shutting down. */
  readonly state: { ready: boolean };
}

export async function createApp(options: CreateAppOptions): Promise<App> {
  const { config, index } = options;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const compiled =
    options.compiledViews === undefined && config.env === "production"
      ? await loadCompiledViews(undefined, (msg) => logger.warn(msg))
      : (options.compiledViews ?? null);
  if (compiled) logger.info({ templates: compiled.size }, "templates compiled with the build");
  // The city's identity (content/site.yml): its problems are editor messages, and what is
  // wrong falls back to the neutral default, so a typo never stops the portal.
  const site = loadSite(config.contentDir);
  if (site.issues.length) logger.warn({ problems: site.issues.map(formatIssue) }, "content/site.yml has problems; the neutral default is used for them");
  const i18n = options.i18n ?? (await createI18n(config.defaultLocale, siteStrings(site.site)));
  const assets = loadAssets(path.join(ROOT, "public"));
  const deps: AppDeps = {
    config,
    index,
    site: site.site,
    i18n,
    views: createViews(path.join(ROOT, "views"), { watch: config.env === "development", compiled, site: { baseUrl: config.baseUrl, identity: site.site } }),
    assets,
    logger,
    // None in development, where templates change under a running server.
    pageCache: config.env === "development" ? null : new RenderCache(),
    seo: seoSite(config, i18n, assets),
    subscriptions: options.subscriptions ?? null,
  };
  const state = options.state ?? { ready: true };
  state.ready = true;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // ETags are computed by src/web/send.ts
  app.set("trust proxy", config.trustProxy);
  app.set("strict routing", true);
  app.set("case sensitive routing", true);
  app.set("query parser", "simple");

  // Pages rendered before are sent from memory, precompressed, with the headers they were
  // first sent with (security headers included): only exact GET/HEAD URLs that rendered 200.
  // First in line, so a hit skips the stack below; it logs itself with a request id.
  const repo = options.contentRepo ?? null;
  const commitHeader = contentCommitHeader(repo);
  app.use((_req, res, next) => {
    commitHeader(res);
    next();
  });
  app.use(serveCachedPages(deps));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ hsts: config.baseUrl.startsWith("https:") }));
  // The JSON API answers CORS preflights (OPTIONS) and its own 405s, as problem+json.
  app.use("/api/", apiGate(deps));
  // GET/HEAD only (405 otherwise; no body parsers are mounted) and no malformed paths (400).
  app.use(contentHookRoutes(config, repo, deps.logger));
  // Subscription forms post (issue 24): before the guard that answers 405 to other POSTs.
  if (options.subscriptions) app.use(subscriptionRoutes(deps, options.subscriptions));
  app.use(requestGuard());
  app.use(compression({ threshold: 1024 }));
  app.use(systemRoutes(deps, state, repo));
  app.use(mediaRoutes(deps));
  app.use(siteRoutes(deps));
  // Content-problems page and live reload: only for `npm run dev`, never on a public server.
  if (config.env === "development") app.use(devRoutes(deps));
  // Before canonicalPath: API paths have no trailing slash and are not redirected.
  app.use(apiRoutes(deps));
  app.use(canonicalPath());
  app.use(homeRoutes(deps));
  app.use(newsRoutes(deps));
  app.use(districtRoutes(deps));
  app.use(tagRoutes(deps));
  app.use(alertFeedRoutes(deps));
  app.use(alertRoutes(deps));
  app.use(accessibilityRoutes(deps));
  app.use(privacyRoutes(deps));
  app.use(apiPageRoutes(deps));
  app.use(eventRoutes(deps));
  app.use(searchRoutes(deps));
  app.use(sitemapRoutes(deps));
  app.use(feedRoutes(deps));
  app.use(aliasRedirects(deps));
  app.use(notFound());
  app.use(errorHandler(deps));
  const answerCached = cachedPageAnswerer(deps);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    commitHeader(res);
    if (!answerCached(req, res)) app(req, res);
  };
  return { app, handle, deps, state };
}
