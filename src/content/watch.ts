// Notices added, changed and deleted content files and asks for a re-sync. Events are
// debounced: an editor's save (or a git checkout) fires many at once.
import fs from "node:fs";

export interface Watcher {
  close(): void;
}

export function watchContent(dir: string, onChange: () => void, debounceMs = 60): Watcher {
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  let watcher: fs.FSWatcher | null = null;
  let poll: NodeJS.Timeout | null = null;
  try {
    // Recursive watching is native on Linux from Node 20, and on macOS and Windows.
    watcher = fs.watch(dir, { recursive: true }, fire);
    watcher.on("error", () => undefined);
  } catch {
    // Some file systems (network mounts) cannot be watched: look every two seconds instead.
    poll = setInterval(onChange, 2000);
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
