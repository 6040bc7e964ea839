// The repository root, where views/, public/ and the UI strings live: one level up from
// src/ (tsx), two from dist/src/ (tsc) and from dist/bundle/ (the production bundle).
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const ROOT = path.resolve(here, path.basename(path.dirname(here)) === "dist" ? "../.." : "..");
