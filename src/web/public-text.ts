// Text from inside the server (an error message) made fit for a public endpoint such as
// /readyz: its first line only (no stack), paths inside the content folder relative to
// it, the two folders by the name of their setting, and any other absolute path hidden.
// The full text goes to the log where it happens (src/server/follow.ts logs a failed sync).
import path from "node:path";
import type { Config } from "../config.js";

/** An absolute POSIX or Windows path, or a file: URL, starting a word. */
const ABSOLUTE = /(^|[\s"'`(=[<])(?:file:\/\/)?(?:\/|[A-Za-z]:\\)[^\s"'`)\]>,;]*/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `dir` and what lies under it, where `dir` starts a word. */
function under(dir: string): RegExp {
  return new RegExp(`(^|[\\s"'\`(=[<])(?:file://)?${escape(dir)}(?:[\\\\/]([^\\s"'\`)\\]>,;]*)|(?=$|[\\s"'\`)\\]>,;:]))`, "g");
}

export function publicText(text: string, config: Pick<Config, "contentDir" | "dataDir">): string {
  const firstLine = text.split("\n").find((line) => line.trim() !== "" && !/^\s+at /.test(line)) ?? "";
  // Longest folder first, in case one lies inside the other.
  const folders = [
    [path.resolve(config.contentDir), "CONTENT_DIR"],
    [path.resolve(config.dataDir), "DATA_DIR"],
  ].sort((a, b) => b[0]!.length - a[0]!.length);
  let out = firstLine;
  for (const [dir, name] of folders) {
    out = out.replace(under(dir!), (_all, lead: string, rest: string | undefined) => {
      if (!rest) return `${lead}${name}`;
      return name === "CONTENT_DIR" ? `${lead}${rest}` : `${lead}${name}/${rest}`;
    });
  }
  return out.replace(ABSOLUTE, (_all, lead: string) => `${lead}[path]`).trim();
}
