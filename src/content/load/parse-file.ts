// Reads and parses one content file (article or district) into what the index stores.
// Loaded only when files changed (see syncIndex), and by the parse workers.
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import type { Config } from "../../config.js";
import { parseAlert } from "../alert.js";
import { parseArticle } from "../article.js";
import { parseDistrict } from "../district.js";
import { issue, unexpectedProblem } from "../issues.js";
import { msg } from "../messages/index.js";
import type { ContentFile } from "../scan.js";
import { decodeUtf8 } from "../../text/utf8.js";
import type { ParseMany, ParseManyOptions, Parsed } from "./types.js";

/** What parsing needs: where the content is, its time zones, and whether bodies may wait. */
export type ParseConfig = Pick<Config, "contentDir" | "timeZones"> & ParseManyOptions;

/**
 * Parses one file, and never throws: whatever goes wrong inside one file (a library that
 * throws on odd input, as decodeURI once did on `%e9`) becomes a problem of that file, so
 * every other file is still indexed and the sync goes on (issue 19, item 7). The worker
 * threads call this too (parse-worker.ts), so both ways of parsing share the boundary.
 */
export function parseFile(file: ContentFile, config: ParseConfig): Parsed {
  try {
    return parseFileUnguarded(file, config);
  } catch (cause) {
    return { file, issues: [unexpectedProblem(file.rel, 1, "file", cause, config.contentDir)] };
  }
}

function parseFileUnguarded(file: ContentFile, config: ParseConfig): Parsed {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.abs);
  } catch (cause) {
    return { file, issues: [issue(file.rel, 1, "file", msg("file.permissions", { code: (cause as NodeJS.ErrnoException).code ?? "error" }))] };
  }
  if (bytes.includes(0)) return { file, issues: [issue(file.rel, 1, "file", msg("file.notText"))] };
  // A file in another encoding (Windows-1251, ISO-8859-2) would otherwise be published as "�".
  // isUtf8 checks natively, several times faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) return { file, issues: [issue(file.rel, 1, "file", msg("file.notUtf8"))] };
  if (file.kind === "district") {
    const { district, issues } = parseDistrict(file.rel, decodeUtf8(bytes));
    return { file, district, issues };
  }
  if (file.kind === "article") {
    const lang = file.rel.slice(0, 2) as keyof Config["timeZones"];
    const { article, issues } = parseArticle(file.rel, bytes, { contentDir: config.contentDir, timeZone: config.timeZones[lang], bodyLater: config.bodyLater });
    return { file, article, issues };
  }
  if (file.kind === "alert") {
    const { alert, issues } = parseAlert(file.rel, bytes, config.timeZones[file.rel.split("/")[1] as keyof Config["timeZones"]]);
    return { file, alert, issues };
  }
  return { file, issues: [] };
}

const BATCH = 64;

export const parseInThread = (config: ParseConfig): ParseMany => (files, emit, options) => {
  const c = { ...config, ...options };
  for (let i = 0; i < files.length; i += BATCH) emit(files.slice(i, i + BATCH).map((f) => parseFile(f, c)));
};
