// What can stop the portal from starting, said so that an operator can act on it: each
// message names the setting, the path (or port) and what to do. A read-only DATA_DIR used
// to fail deep inside SQLite with "unable to open database file", naming no folder; the
// folders are now checked before anything opens them, and failures that still come from
// deeper are traced back to the folder they concern.
import { AppError } from "../errors.js";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";

/** A start that cannot go on; the message is meant for the operator as it is. */
export class StartError extends AppError {
  override name = "StartError";
}

/** The Node.js lines the portal runs on (package.json "engines"; better-sqlite3 13 needs 22). */
export const NODE_MAJORS = [22, 24] as const;

/**
 * Node 20 (Debian's `node` on this machine and CI) loads better-sqlite3 13 and then dies
 * with a segmentation fault (exit 139, no message) when the index is opened.
 */
export function checkRuntime(version: string = process.versions.node): void {
  const major = Number(version.split(".")[0]);
  if (major < NODE_MAJORS[0]) {
    throw new StartError(
      `Node.js ${version} is too old: the portal runs on Node.js ${NODE_MAJORS.join(" or ")} — start it with one of those (\`node --version\`; see README "Requirements")`,
    );
  }
}

const code = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? (error as Error | null)?.message ?? String(error);

const CONTENT_HINT = "set CONTENT_DIR to the folder that holds bg/, pl/ and districts/";
const DATA_HINT = "make it writable by the portal's user, or set DATA_DIR to a writable folder (the index is rebuilt there)";

/** Checks CONTENT_DIR (a readable folder) and DATA_DIR (created if missing, writable). */
export function checkFolders(config: Pick<Config, "contentDir" | "dataDir" | "contentRepo">): void {
  checkDataDir(config.dataDir);
  // With CONTENT_REPO the content folder is the clone's checkout, made in DATA_DIR at start.
  if (!config.contentRepo) checkContentDir(config.contentDir);
}

function checkContentDir(content: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(content);
  } catch (cause) {
    throw new StartError(`CONTENT_DIR: the content folder ${content} cannot be found (${code(cause)}) — ${CONTENT_HINT}`, { cause });
  }
  if (!stat.isDirectory()) throw new StartError(`CONTENT_DIR: ${content} is not a folder — ${CONTENT_HINT}`);
  try {
    fs.readdirSync(content);
  } catch (cause) {
    throw new StartError(
      `CONTENT_DIR: the content folder ${content} cannot be read (${code(cause)}) — give the portal's user read access to it, or ${CONTENT_HINT}`,
      { cause },
    );
  }
}

function checkDataDir(data: string): void {
  try {
    fs.mkdirSync(data, { recursive: true });
  } catch (cause) {
    throw new StartError(`DATA_DIR: the data folder ${data} cannot be created (${code(cause)}) — create it and ${DATA_HINT}`, { cause });
  }
  // access(W_OK) says yes to root on a read-only mount's folder; only a real write tells.
  const probe = path.join(data, `.write-check-${process.pid}`);
  try {
    fs.writeFileSync(probe, "");
    fs.rmSync(probe, { force: true });
  } catch (cause) {
    throw new StartError(`DATA_DIR: the data folder ${data} is not writable (${code(cause)}) — ${DATA_HINT}`, { cause });
  }
}

/** The listening socket could not be opened. */
export function listenFailure(error: unknown, config: Pick<Config, "port" | "host">): Error {
  const at = `port ${config.port} on ${config.host}`;
  switch (code(error)) {
    case "EADDRINUSE":
      return new StartError(`PORT: ${at} is already in use — stop the process that holds it, or set PORT to a free port`, { cause: error });
    case "EACCES":
      return new StartError(`PORT: ${at} needs privileges — use a port above 1023 behind the proxy, or set PORT`, { cause: error });
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new StartError(`HOST: ${config.host} is not an address of this machine — set HOST to 0.0.0.0, 127.0.0.1 or one of its addresses`, {
        cause: error,
      });
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 8; e = e.cause) chain.push(e);
  return chain;
}

/**
 * The text printed when the start fails: a StartError as it is; anything else with its
 * chain of causes, and the folder it concerns when a cause names a path in one of them.
 */
export function describeStartFailure(error: unknown, config: Pick<Config, "contentDir" | "dataDir">): string {
  if (error instanceof StartError) return error.message;
  const chain = causes(error);
  if (chain.length === 0) return `The portal could not start: ${String(error)}`;
  const text = chain.map((e) => e.message).join(": ");
  // SQLite names no file: an index it cannot open or write is in DATA_DIR.
  const sqlite = chain.some(
    (e) => /^SQLITE_(?:CANTOPEN|READONLY|PERM)/.test(String((e as NodeJS.ErrnoException).code ?? "")) || /unable to open database/.test(e.message),
  );
  const pathOf = chain.map((e) => (e as NodeJS.ErrnoException).path).find((p): p is string => typeof p === "string");
  const inside = (dir: string) => pathOf !== undefined && (pathOf === dir || pathOf.startsWith(dir + path.sep));
  if (sqlite || inside(config.dataDir)) return `DATA_DIR: the index in ${config.dataDir} cannot be opened (${text}) — ${DATA_HINT}`;
  if (inside(config.contentDir)) return `CONTENT_DIR: ${pathOf} cannot be read (${text}) — give the portal's user read access to it, or ${CONTENT_HINT}`;
  return `The portal could not start: ${text} (CONTENT_DIR=${config.contentDir}, DATA_DIR=${config.dataDir})`;
}
