// Notices added, changed and deleted content files and asks for a re-sync. Events are
// debounced: an editor's save (or a git checkout) fires many at once. The paths the
// events name go along, so a saved article is re-read without walking the whole tree.
import fs from "node:fs";
import path from "node:path";
import { isSkipped } from "./scan.js";

export interface Watcher {
  close(): void;
}

/** Called with the changed paths (relative, forward slashes), or null when unknown. */
export type OnContentChange = (paths: string[] | null) => void;
type OnEvent = (rel: string | null) => void;

/** What the scan skips (see scan.ts), and editors' backup files (article.md~). */
function ignored(rel: string): boolean {
  return rel.split("/").some(isSkipped) || rel.endsWith("~");
}

/**
 * Linux: one inotify watch per folder. Node 20's recursive fs.watch on Linux watches every
 * file as well (10,000 articles: 10,000 watches, 0.3 s at start, and past the common
 * fs.inotify.max_user_watches of 8,192 it stops seeing changes); a folder's watch already
 * reports changes to the files in it. Folders that appear are watched as they come.
 */
function watchFolders(root: string, onEvent: OnEvent): Watcher | null {
  const watchers = new Map<string, fs.FSWatcher>();
  const drop = (dir: string) => {
    for (const [d, w] of watchers) {
      if (d === dir || d.startsWith(dir + path.sep)) {
        w.close();
        watchers.delete(d);
      }
    }
  };
  const add = (dir: string, depth: number) => {
    if (depth > 8) return;
    // A folder removed and made again (a branch switch) is a new inode: watch it anew.
    drop(dir);
    let w: fs.FSWatcher;
    try {
      w = fs.watch(dir, (event, name) => {
        if (name === null) return onEvent(null);
        const full = path.join(dir, name.toString());
        onEvent(path.relative(root, full).split(path.sep).join("/"));
        if (event !== "rename") return; // only a rename (made, removed, moved) changes the folders
        const st = fs.statSync(full, { throwIfNoEntry: false });
        if (st?.isDirectory()) add(full, depth + 1);
        else if (!st) drop(full);
      });
    } catch {
      return; // removed in the meantime, or unreadable: the scan reports what matters
    }
    w.on("error", () => drop(dir));
    watchers.set(dir, w);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      // gone again: its parent's watcher reports it
    }
    for (const e of entries) {
      if (e.isDirectory() && !isSkipped(e.name)) add(path.join(dir, e.name), depth + 1);
    }
  };
  add(root, 0);
  return watchers.size ? { close: () => drop(root) } : null;
}

export function watchContent(dir: string, onChange: OnContentChange, debounceMs = 40): Watcher {
  let timer: NodeJS.Timeout | null = null;
  let paths: Set<string> | null = new Set();
  const onEvent: OnEvent = (rel) => {
    if (rel !== null && ignored(rel)) return;
    if (rel === null) paths = null;
    else paths?.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const changed = paths;
      paths = new Set();
      onChange(changed ? [...changed] : null);
    }, debounceMs);
  };
  let watcher: Watcher | null = null;
  let poll: NodeJS.Timeout | null = null;
  try {
    if (process.platform === "linux") {
      watcher = watchFolders(dir, onEvent);
    } else {
      // macOS and Windows watch a whole tree natively.
      const w = fs.watch(dir, { recursive: true }, (_event, name) => onEvent(name === null ? null : name.toString().split(path.sep).join("/")));
      w.on("error", () => undefined);
      watcher = w;
    }
    if (!watcher) throw new Error(`cannot watch ${dir}`);
  } catch {
    // Some file systems (network mounts) cannot be watched: look every two seconds instead.
    poll = setInterval(() => onChange(null), 2000);
    poll.unref();
  }
  return {
    close() {
      watcher?.close();
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
