// Which editor message tells about a picture file (the indexer's messages for an
// article's pictures and `npm run check`'s for the files themselves use these); the
// wording is in the catalogue (src/content/messages/, ids picture.*).
import { msg, type Message } from "./messages/index.js";
import type { PictureFault } from "../media/inspect.js";
import type { PictureProblem } from "../media/source.js";

export type { PictureProblem } from "../media/source.js";

/** Why the picture `name` (as the editor wrote it, or its path in the content folder) cannot be shown. */
export function pictureProblem(name: string, problem: PictureProblem): Message {
  const kind = typeof problem === "string" ? problem : problem.kind;
  switch (kind) {
    case "missing":
      return msg("picture.missing", { name });
    case "outside":
      return msg("picture.outside", { name });
    case "not-a-file":
      return msg("picture.notFile", { name });
    case "undecodable":
      return msg("picture.undecodable", { name });
    case "too-many-pixels": {
      const { width, height } = problem as Extract<PictureFault, { kind: "too-many-pixels" }>;
      return msg("picture.tooManyPixels", { name, width, height });
    }
  }
}
