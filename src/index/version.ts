// The content version as requests read it: the meta values behind caches, ETags and
// Last-Modified, read once per change of the file (two SQLite reads per request were measurable).
import type Database from "better-sqlite3";
import { rebuildListings, refreshVersion } from "./listing.js";
import { META, getMeta } from "./meta.js";

export interface VersionMeta {
  readonly version: string;
  /** When the version was first seen (Last-Modified). */
  readonly since: number;
  /** The next moment the published content changes by itself (article or alert), 0 for none. */
  readonly next: number;
  /** The next scheduled or expiring article alone: when the listings must be rebuilt. */
  readonly listingNext: number;
}

/** The earlier of two moments, 0 meaning none. */
const earliest = (a: number, b: number) => (a && b ? Math.min(a, b) : a || b);

export class VersionMemo {
  private memo: (VersionMeta & { dataVersion: number }) | null = null;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => number,
  ) {
    // Changes when another connection (a cluster primary, see src/server/cluster.ts)
    // commits; this connection's own commits call forget() (ContentIndex sync and version).
    this.dataVersion = db.prepare<[], number>("PRAGMA data_version").pluck();
  }

  forget(): void {
    this.memo = null;
  }

  /** `rebuilds`: damaged index files replaced so far, so caches of a damaged file start over. */
  read(rebuilds: number): VersionMeta {
    const dataVersion = this.dataVersion.get()!;
    if (this.memo?.dataVersion !== dataVersion) {
      const version = getMeta(this.db, META.version) ?? "";
      const nextChange = Number(getMeta(this.db, META.nextChange) || 0);
      this.memo = {
        dataVersion,
        version: rebuilds ? `${version}.${rebuilds}` : version,
        since: Number(getMeta(this.db, META.versionSince) ?? 0),
        next: earliest(nextChange, Number(getMeta(this.db, META.alertsNext) || 0)),
        listingNext: nextChange,
      };
    }
    return this.memo;
  }

  /**
   * The content version. Scheduled and expiring articles change what is published without
   * any file changing, so the listings are rebuilt (and the version moves on) the first
   * time it is asked for after such a moment.
   */
  current(rebuilds: number): string {
    const meta = this.read(rebuilds);
    if (meta.next && this.clock() >= meta.next) {
      // An alert starting or ending changes no listing: the version alone moves on.
      const listings = meta.listingNext && this.clock() >= meta.listingNext;
      this.db.transaction(() => (listings ? rebuildListings : refreshVersion)(this.db, this.clock())).immediate();
      this.forget();
      return this.read(rebuilds).version;
    }
    return meta.version; // one PRAGMA per request: this runs on every cache hit
  }

  /** The next moment the published content changes by itself (an article or an alert), or 0. */
  nextChange(rebuilds: number): number {
    this.current(rebuilds);
    return this.read(rebuilds).next;
  }

  since(rebuilds: number): number {
    this.current(rebuilds);
    return this.read(rebuilds).since;
  }
}
