// Development only (registered by app.ts when NODE_ENV=development): a page listing
// every content problem, and a Server-Sent Events stream (HTML Living Standard §9.2)
// that tells open pages to reload when the content changes.
import fs from "node:fs";
import path from "node:path";
import { Router, type Request, type Response } from "express";
import { LOCALES, isLocale, type Locale } from "../../config.js";
import { formatIssueIn, type ContentIssue } from "../../content/issues.js";
import { msg, say } from "../../content/messages/index.js";
import { SLUG_PATTERN } from "../../content/schema.js";
import { slugify } from "../../content/slug.js";
import { filesRevision } from "../../index/files.js";
import { fullTitle, pageLocals } from "../context.js";
import type { AppDeps } from "../deps.js";
import { renderPage, sendBody } from "../send.js";
import { SEGMENTS } from "../../site/urls.js";

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

/** What a preview address may name besides its front matter: the file or folder name without its date. */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;
const FRONT = (key: string) => new RegExp(`^${key}:[ \\t]*["']?(.*?)["']?[ \\t]*$`, "m");

/**
 * The addresses a content file would have, read from its raw text (it does not parse, or
 * it would be published): its `slug:`, the slug of its `title:`, its file or folder name.
 */
function addressesOf(contentDir: string, file: string, locale: Locale): Set<string> {
  const out = new Set<string>();
  const base = path.posix.basename(file) === "index.md" ? path.posix.basename(path.posix.dirname(file)) : path.posix.basename(file, ".md");
  out.add(base.replace(DATE_PREFIX, ""));
  let raw = "";
  try {
    raw = fs.readFileSync(path.join(contentDir, file), "utf8").slice(0, 64 * 1024);
  } catch {
    return out; // gone or unreadable: its name is all there is
  }
  const slug = FRONT("slug").exec(raw)?.[1];
  const title = FRONT("title").exec(raw)?.[1];
  if (slug) out.add(slug);
  if (title) out.add(slugify(title, locale));
  return out;
}

/** The problems of the broken file that `slug` stands for, in the folder `prefix` (none when no file does). */
function problemsAt(deps: AppDeps, prefix: string, locale: Locale, slug: string): ContentIssue[] {
  const issues = deps.index.issues().filter((i) => i.file.startsWith(prefix) && i.file.endsWith(".md"));
  const files = new Set(issues.map((i) => i.file));
  const file = [...files].find((f) => addressesOf(deps.config.contentDir, f, locale).has(slug));
  return file ? issues.filter((i) => i.file === file) : [];
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

  /** The problems page's model in `locale`: every problem, or one broken file's under its own heading. */
  const problemsPage = (locale: Locale, path: string, issues: readonly ContentIssue[], file?: string) => {
    const word = (id: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => say(msg(id, params), locale);
    const title = file ? word("dev.fileTitle", { file }) : word("dev.problemsTitle");
    return {
      ...pageLocals(deps, locale, { title: fullTitle(deps, locale, title), path, noindex: true }),
      issues: issues.map((i) => ({
        ...i,
        label: word(i.severity === "error" ? "dev.severity.error" : "dev.severity.warning"),
        text: formatIssueIn(i, locale),
      })),
      text: {
        title,
        intro: file ? word("dev.fileIntro") : word("dev.problemsIntro", { folder: deps.config.contentDir }),
        count: word("dev.count", { count: issues.length }),
        empty: word("dev.none"),
        checkHint: word("dev.checkHint"),
      },
    };
  };

  router.get(DEV_PROBLEMS, (req, res) => {
    const locale = devPageLocale(req, deps.config.defaultLocale);
    res.locals.renderCache = false; // one address, two languages (?lang=)
    renderPage(req, res, deps, "pages/dev-problems.njk", problemsPage(locale, DEV_PROBLEMS, deps.index.issues()));
  });

  /**
   * A preview address whose file is broken (so nothing is published there): the problems of
   * that file, at that address, instead of a generic 404 (issue 22). The page reloads by
   * itself once the file is saved again (dev-reload.js), and then shows the article.
   */
  const brokenPreview = (req: Request, res: Response, locale: Locale, prefix: string, slug: string): boolean => {
    const issues = SLUG_PATTERN.test(slug) ? problemsAt(deps, prefix, locale, slug) : [];
    if (issues.length === 0) return false;
    const html = deps.views.render("pages/dev-problems.njk", problemsPage(locale, req.path, issues, issues[0]!.file));
    sendBody(req, res, deps, html, "text/html; charset=utf-8", 404);
    return true;
  };
  for (const locale of LOCALES) {
    const seg = SEGMENTS[locale];
    // Before the article and alert routes: a published (or previewed draft) page goes on to them.
    router.get(`/${locale}/${seg.news}/:slug/`, (req, res, next) => {
      const slug = req.params.slug;
      if (deps.index.articles.bySlug(locale, slug, deps.index.now(), true) || !brokenPreview(req, res, locale, `${locale}/`, slug)) next();
    });
    router.get(`/${locale}/${seg.alerts}/:slug/`, (req, res, next) => {
      const slug = req.params.slug;
      if (deps.index.alerts.bySlug(locale, slug) || !brokenPreview(req, res, locale, `alerts/${locale}/`, slug)) next();
    });
  }

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
