// Brings the index in line with the content folder: parses only files whose size or
// modification time changed, applies everything in one transaction (a failure leaves
// the previous index intact), then re-runs the cross-file checks and the listings.
import fs from "node:fs";
import type { Config } from "../config.js";
import { parseArticle, type Article } from "../content/article.js";
import { crossCheck, type ArticleKey } from "../content/cross-check.js";
import { parseDistrict, type District } from "../content/district.js";
import { issue, sortIssues, type ContentIssue } from "../content/issues.js";
import { scanContent, type ContentFile } from "../content/scan.js";
import { urls } from "../web/urls.js";
import type { Db } from "./db.js";
import { rebuildListings } from "./listing.js";
import { createWriter } from "./write.js";

export interface Parsed {
  readonly file: ContentFile;
  readonly article?: Article | null;
  readonly district?: District | null;
  readonly issues: ContentIssue[];
}

export interface SyncReport {
  readonly parsed: number;
  readonly removed: number;
  readonly articles: number;
  readonly issues: ContentIssue[];
  readonly ms: number;
}

export function parseFile(file: ContentFile, config: Pick<Config, "contentDir" | "timeZones">): Parsed {
  let raw: string;
  try {
    raw = fs.readFileSync(file.abs, "utf8");
  } catch (cause) {
    return { file, issues: [issue(file.rel, 1, "file", `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"}) — check the file permissions`)] };
  }
  if (raw.includes("\u0000")) return { file, issues: [issue(file.rel, 1, "file", "is not a text file — save it as UTF-8 Markdown")] };
  if (file.kind === "district") {
    const { district, issues } = parseDistrict(file.rel, raw);
    return { file, district, issues };
  }
  if (file.kind === "article") {
    const lang = file.rel.slice(0, 2) as keyof Config["timeZones"];
    const { article, issues } = parseArticle(file.rel, raw, { contentDir: config.contentDir, timeZone: config.timeZones[lang] });
    return { file, article, issues };
  }
  return { file, issues: [] };
}

/** Parses the given files; the cold-start path may replace this with worker threads. */
export type ParseMany = (files: ContentFile[]) => Parsed[] | Promise<Parsed[]>;

export async function syncIndex(db: Db, config: Pick<Config, "contentDir" | "timeZones">, parseMany?: ParseMany): Promise<SyncReport> {
  const started = performance.now();
  const scan = scanContent(config.contentDir);
  const known = new Map(
    (db.prepare("SELECT path, mtime, size FROM files").all() as { path: string; mtime: number; size: number }[]).map((r) => [r.path, r]),
  );
  const changed = scan.files.filter((f) => {
    const k = known.get(f.rel);
    return !k || k.mtime !== f.mtimeMs || k.size !== f.size;
  });
  const present = new Set(scan.files.map((f) => f.rel));
  const removed = [...known.keys()].filter((p) => !present.has(p));
  const parsed = parseMany ? await parseMany(changed) : changed.map((f) => parseFile(f, config));

  const w = createWriter(db);
  const apply = db.transaction(() => {
    for (const rel of removed) {
      w.removeArticle(rel);
      w.removeDistrict(rel);
      w.removeFile(rel);
    }
    for (const p of parsed) {
      w.removeArticle(p.file.rel);
      w.removeDistrict(p.file.rel);
      if (p.article) w.putArticle(p.article);
      if (p.district) w.putDistrict(p.district);
      w.putFile(p.file.rel, p.file.kind, p.file.mtimeMs, p.file.size, p.issues);
    }
    const keys = (db.prepare("SELECT file, lang, district, slug, aliases, translation_key, lines FROM articles").all() as Record<string, string>[]).map(
      (r): ArticleKey => ({
        file: r.file!,
        lang: r.lang as ArticleKey["lang"],
        district: r.district!,
        slug: r.slug!,
        aliases: JSON.parse(r.aliases!) as string[],
        translationKey: r.translation_key ?? undefined,
        lines: JSON.parse(r.lines!) as Record<string, number>,
      }),
    );
    const districtIds = new Set(db.prepare("SELECT id FROM districts").pluck().all() as string[]);
    const cross = crossCheck(keys, districtIds, urls.article);
    db.prepare("UPDATE articles SET active = 0").run();
    const activate = db.prepare("UPDATE articles SET active = 1 WHERE file = ?");
    for (const file of cross.active) activate.run(file);
    db.prepare("DELETE FROM aliases").run();
    const alias = db.prepare("INSERT INTO aliases (path, article_id) SELECT ?, id FROM articles WHERE file = ?");
    for (const [path, file] of cross.aliases) alias.run(path, file);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('cross_issues', ?)").run(JSON.stringify([...scan.issues, ...cross.issues]));
    rebuildListings(db, Date.now());
  });
  apply();
  const count = db.prepare("SELECT count(*) FROM articles WHERE active = 1").pluck().get() as number;
  return { parsed: parsed.length, removed: removed.length, articles: count, issues: allIssues(db), ms: Math.round(performance.now() - started) };
}

/** Every known content problem: per file (kept between restarts) and across files. */
export function allIssues(db: Db): ContentIssue[] {
  const perFile = (db.prepare("SELECT issues FROM files WHERE issues != '[]'").pluck().all() as string[]).flatMap((s) => JSON.parse(s) as ContentIssue[]);
  const cross = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'cross_issues'").pluck().get() as string | undefined) ?? "[]") as ContentIssue[];
  return sortIssues([...perFile, ...cross]);
}
