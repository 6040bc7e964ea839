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

/** `npm run check` warns above these; the portal still serves the picture (as variants). */
export const HEAVY_PICTURE_BYTES = 2 * 1024 * 1024;
export const LONG_SIDE_PX = 3000;

/** The languages editors read (issue 20: the editor message catalogue folds these in by id). */
export type EditorLang = "en" | "bg" | "pl";

/**
 * Warnings about pictures that work but are heavier than a phone needs (issue 22), by id,
 * in English, Bulgarian and Polish. `name` is the picture as the editor wrote it.
 */
export const PICTURE_ADVICE = {
  "picture.heavy": {
    en: (p: { name: string; mb: string }) => `image "${p.name}" is ${p.mb} MB, more than 2 MB — export it at about 2500 px wide as JPEG quality 85 (the site still sends phones smaller copies)`,
    bg: (p: { name: string; mb: string }) => `снимката "${p.name}" е ${p.mb} MB, повече от 2 MB — експортирайте я с ширина около 2500 px като JPEG с качество 85 (сайтът пак изпраща по-малки копия на телефоните)`,
    pl: (p: { name: string; mb: string }) => `zdjęcie "${p.name}" ma ${p.mb} MB, więcej niż 2 MB — wyeksportuj je w szerokości około 2500 px jako JPEG o jakości 85 (portal nadal wysyła telefonom mniejsze kopie)`,
  },
  "picture.large": {
    en: (p: { name: string; width: number; height: number }) => `image "${p.name}" is ${p.width}×${p.height} px, more than 3000 px on its long side — export it at about 2500 px on the long side (the site still sends phones smaller copies)`,
    bg: (p: { name: string; width: number; height: number }) => `снимката "${p.name}" е ${p.width}×${p.height} px, над 3000 px по дългата страна — експортирайте я с около 2500 px по дългата страна (сайтът пак изпраща по-малки копия на телефоните)`,
    pl: (p: { name: string; width: number; height: number }) => `zdjęcie "${p.name}" ma ${p.width}×${p.height} px, ponad 3000 px na dłuższym boku — wyeksportuj je z około 2500 px na dłuższym boku (portal nadal wysyła telefonom mniejsze kopie)`,
  },
} as const;

/** The warnings for one picture (none when it is light enough), in `lang`. */
export function pictureAdvice(p: { name: string; bytes: number; width: number; height: number }, lang: EditorLang = "en"): { id: keyof typeof PICTURE_ADVICE; text: string }[] {
  const out: { id: keyof typeof PICTURE_ADVICE; text: string }[] = [];
  if (p.bytes > HEAVY_PICTURE_BYTES) out.push({ id: "picture.heavy", text: PICTURE_ADVICE["picture.heavy"][lang]({ name: p.name, mb: (p.bytes / 1024 / 1024).toFixed(1) }) });
  if (Math.max(p.width, p.height) > LONG_SIDE_PX) out.push({ id: "picture.large", text: PICTURE_ADVICE["picture.large"][lang](p) });
  return out;
}
