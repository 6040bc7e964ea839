// Development only (registered by app.ts when NODE_ENV=development): a page listing
// every content problem, and a Server-Sent Events stream (HTML Living Standard §9.2)
// that tells open pages to reload when the content changes.
import { Router, type Response } from "express";
import { formatIssue } from "../../content/issues.js";
import { filesRevision } from "../../index/files.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { renderPage } from "../send.js";

export const DEV_PROBLEMS = "/_dev/problems/";
export const DEV_EVENTS = "/_dev/events";
const POLL_MS = 300;
const HEARTBEAT_MS = 15_000;

/**
 * Changes whenever any content file is added, changed or removed — drafts included,
 * which the published-content version ignores but a preview must follow.
 */
export function contentRevision(deps: AppDeps): string {
  return `${deps.index.version()}-${filesRevision(deps.index.db)}`;
}

export function devRoutes(deps: AppDeps): Router {
  const router = Router();
  const clients = new Set<Response>();
  let revision = contentRevision(deps);
  let poll: NodeJS.Timeout | null = null;
  const send = (res: Response) => res.write(`event: content\ndata: ${revision}\n\n`);
  const tick = () => {
    let next: string;
    try {
      next = contentRevision(deps);
    } catch (error) {
      // A damaged index (rebuilt meanwhile, see ContentIndex.noticeCorruption): try at the next tick.
      if (deps.index.noticeCorruption(error)) return;
      throw error;
    }
    if (next === revision) return;
    revision = next;
    for (const res of clients) send(res);
  };

  router.get(DEV_PROBLEMS, (req, res) => {
    const locale = deps.config.defaultLocale;
    const t = deps.i18n.t(locale);
    const issues = deps.index.issues();
    renderPage(req, res, deps, "pages/dev-problems.njk", {
      ...pageLocals(deps, locale, { title: fullTitle(deps, locale, t("dev.problemsTitle")), path: DEV_PROBLEMS, noindex: true }),
      issues: issues.map((i) => ({ ...i, text: formatIssue(i) })),
      contentDir: deps.config.contentDir,
    });
  });

  router.get(DEV_EVENTS, (req, res) => {
    // no-transform keeps the compression middleware from buffering the stream.
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" });
    res.write("retry: 1000\n\n");
    tick(); // the revision is only followed while pages listen: bring it up to date first
    send(res);
    clients.add(res);
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    heartbeat.unref();
    if (!poll) {
      poll = setInterval(tick, POLL_MS);
      poll.unref();
    }
    req.on("close", () => {
      clearInterval(heartbeat);
      clients.delete(res);
      if (clients.size === 0 && poll) {
        clearInterval(poll);
        poll = null;
      }
    });
  });
  return router;
}
