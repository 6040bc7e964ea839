// Routes that are not pages: the language redirect at /, health probes and
// fingerprinted assets (article pictures: routes/media.ts).
import { Router } from "express";
import { HttpError } from "../../errors.js";
import type { ContentRepoView } from "../../content-repo/status.js";
import type { AppDeps } from "../deps.js";
import { localeForResponse } from "../negotiate.js";
import { publicText } from "../public-text.js";
import { redirectTo } from "../redirect.js";
import { urls } from "../../site/urls.js";

export function systemRoutes(deps: AppDeps, state: { ready: boolean; inFlight?: () => number }, repo: ContentRepoView | null = null): Router {
  const router = Router();

  router.get("/", (req, res) => {
    const locale = localeForResponse(req, res, deps.config.defaultLocale);
    res.setHeader("Cache-Control", "public, max-age=300");
    redirectTo(res, 302, urls.home(locale));
  });

  router.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });

  router.get("/readyz", (_req, res) => {
    const s = deps.index.status();
    res.setHeader("Cache-Control", "no-store");
    res.status(state.ready ? 200 : 503).json({
      status: state.ready ? "ready" : "not ready",
      articles: s.articles,
      districts: s.districts,
      contentProblems: s.problems,
      heldBack: s.heldBack,
      rebuilding: s.rebuilding,
      searchPending: s.searchPending,
      bodiesPending: s.bodiesPending,
      version: s.version,
      lastSync: s.lastSync && { parsed: s.lastSync.parsed, removed: s.lastSync.removed, ms: s.lastSync.ms },
      // Public: paths relative to the content folder, no stack (the log has the full text).
      lastError: s.lastError && publicText(s.lastError, deps.config),
      // Requests answered or waiting on open connections, besides this one.
      inFlight: Math.max(0, (state.inFlight?.() ?? 1) - 1),
      // The followed content repository (CONTENT_REPO); null without one.
      contentCommit: repo?.status().contentCommit ?? null,
      deployedAt: repo?.status().deployedAt ?? null,
      lastFetchError: repo?.status().lastFetchError ? publicText(repo.status().lastFetchError!, deps.config) : null,
      // E-mail subscriptions: messages waiting and the oldest one's age in seconds (null: off).
      mailQueue: deps.subscriptions?.queueStatus() ?? null,
    });
  });

  router.get("/static/{*rest}", (req, res) => {
    const asset = deps.assets.lookup(req.path.slice("/static/".length));
    if (!asset) throw new HttpError(404, "No such asset");
    res.setHeader("Content-Type", asset.type);
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.send(asset.body);
  });

  return router;
}
