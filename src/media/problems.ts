// Every editor message about a picture file, in one place (the indexer's messages for
// an article's pictures and `npm run check`'s for the files themselves use these).
// Shape: `"<name>" <what is wrong> — <what to do>`; issues.ts adds file, line and field.
import type { PictureFault } from "./inspect.js";
import type { Refusal } from "./open.js";

export type PictureProblem = Refusal | PictureFault;

const EXPORT_AGAIN = "open it in an image editor and export it again as JPEG or PNG";

/** Why the picture `name` (as the editor wrote it, or its path in the content folder) cannot be shown. */
export function pictureProblemText(name: string, problem: PictureProblem): string {
  const kind = typeof problem === "string" ? problem : problem.kind;
  switch (kind) {
    case "missing":
      return `"${name}" is not a JPEG, PNG, GIF or WebP file beside the article — check the file name`;
    case "outside":
      return `"${name}" is a link that leads outside the content folder — put the picture itself in the article's folder`;
    case "not-a-file":
      return `"${name}" is not a regular file (a pipe, device or socket) — put the picture itself in the article's folder`;
    case "undecodable":
      return `"${name}" cannot be decoded (damaged, cut short or not really a JPEG, PNG, GIF or WebP) — ${EXPORT_AGAIN}`;
    case "too-many-pixels": {
      const { width, height } = problem as Extract<PictureFault, { kind: "too-many-pixels" }>;
      return `"${name}" has ${width}×${height} pixels, too many to resize — export it at about 2500 px wide`;
    }
  }
}
