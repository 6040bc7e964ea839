// The followed repository's folders inside DATA_DIR. No imports from the portal: the
// configuration (src/config.ts) needs the deployed tree's path before anything else loads.
import path from "node:path";

/** Where everything lives inside DATA_DIR. */
export function repoPaths(dataDir: string) {
  const root = path.join(dataDir, "content-repo");
  return {
    root,
    gitDir: path.join(root, "git"),
    trees: path.join(root, "trees"),
    /** The content folder: a symlink to the deployed tree. */
    current: path.join(root, "current"),
    hooksDir: path.join(root, "no-hooks"),
    status: path.join(root, "status.json"),
  };
}
