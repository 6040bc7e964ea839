// How a ContentIndex is opened, and what it reports (/readyz, the start-up log).
import type { Config } from "../config.js";
import type { ParallelOptions } from "../content/load/parallel.js";
import type { ParseMany } from "../content/load/types.js";
import type { SyncReport } from "./sync.js";

/** `editorLang`: the language of the warnings about content in the log (en without it). */
export type IndexConfig = Pick<Config, "contentDir" | "dataDir" | "timeZones"> & Partial<Pick<Config, "editorLang">>;

export interface OpenOptions {
  readonly clock?: () => number;
  /** How changed files are parsed (default: worker threads for many, this thread for a few). */
  readonly parseMany?: ParseMany;
  /** Warnings: a rebuilt index, a failed worker thread. */
  readonly log?: (msg: string) => void;
  /** Progress: the search tables filled. */
  readonly info?: (msg: string) => void;
  readonly progress?: ParallelOptions["progress"];
  /** See SyncOptions.searchLaterFrom. */
  readonly searchLaterFrom?: number;
  /** Articles per transaction of the search worker thread (tests take a few to see it pause). */
  readonly fillChunk?: number;
  /** False in processes that only serve (cluster workers): another one fills the search tables. */
  readonly fillSearch?: boolean;
  /** Called after each sync has committed (the subscriptions look for new content then). */
  readonly onSynced?: (report: SyncReport) => void;
}

export interface IndexStatus {
  readonly articles: number;
  readonly districts: number;
  readonly problems: number;
  /** Files that are invalid while their last valid version is served (see sync.ts). */
  readonly heldBack: number;
  /** True while a damaged index file is rebuilt from the content (see noticeCorruption). */
  readonly rebuilding: boolean;
  /** Articles not yet searchable, right after a large fresh build (see fill.ts). */
  readonly searchPending: number;
  /** Of those, articles whose body is rendered on each request until then. */
  readonly bodiesPending: number;
  readonly version: string;
  readonly lastSync: SyncReport | null;
  readonly lastError: string | null;
}
