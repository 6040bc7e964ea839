// Development only (registered by app.ts when NODE_ENV=development): a page listing
// every content problem, and a Server-Sent Events stream (HTML Living Standard §9.2)
// that tells open pages to reload when the content changes.
import { Router, type Request, type Response } from "express";
import { isLocale, type Locale } from "../../config.js";
import { formatIssueIn } from "../../content/issues.js";
import { msg, say } from "../../content/messages/index.js";
import { fullTitle, pageLocals, type AppDeps } from "../context.js";
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
  const files = deps.index.db.prepare("SELECT count(*) || '-' || total(mtime) || '-' || total(size) FROM files").pluck().get() as string;
  return `${deps.index.version()}-${files}`;
}

/**
 * The language of the page the problems page was opened from: the banner links with
 * ?lang=<the page's language>; else the Referer's /bg/… or /pl/…; else the default.
 */
export function devPageLocale(req: Request, fallback: Locale): Locale {
  const asked = req.query.lang;
  if (isLocale(asked)) return asked;
  let from: string | undefined;
  try {
    from = new URL(req.get("referer") ?? "").pathname.split("/")[1];
  } catch {
    from = undefined; // no Referer, or not a URL
  }
  return isLocale(from) ? from : fallback;
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
    const locale = devPageLocale(req, deps.config.defaultLocale);
    const issues = deps.index.issues();
    const word = (id: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => say(msg(id, params), locale);
    res.locals.renderCache = false; // one address, two languages (?lang=)
    renderPage(req, res, deps, "pages/dev-problems.njk", {
      ...pageLocals(deps, locale, { title: fullTitle(deps, locale, word("dev.problemsTitle")), path: DEV_PROBLEMS, noindex: true }),
      issues: issues.map((i) => ({ ...i, label: word(i.severity === "error" ? "dev.severity.error" : "dev.severity.warning"), text: formatIssueIn(i, locale) })),
      text: {
        title: word("dev.problemsTitle"),
        intro: word("dev.problemsIntro", { folder: deps.config.contentDir }),
        count: word("dev.count", { count: issues.length }),
        empty: word("dev.none"),
        checkHint: word("dev.checkHint"),
      },
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
