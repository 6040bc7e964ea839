// `npm run check [-- --format text|json|github|gitlab]`: checks the whole content folder
// (CONTENT_DIR, default ./content) and exits 1 when any error would keep an article or
// a district off the site; warnings alone exit 0. Exit 2: the command itself was misused.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { checkContent } from "../content/check.js";
import { sortIssues } from "../content/issues.js";
import { heldBackNotes } from "../index/held.js";
import { checkMediaDecode } from "../content/picture-check.js";
import { FORMATS, render, type Format } from "./format.js";
import { contentEnv } from "./env.js";


function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { format: { type: "string", default: "text" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (cause) {
    fail(`${(cause as Error).message}\nusage: npm run check -- [--format text|json|github|gitlab]`);
  }
  if (values.help) {
    process.stdout.write("usage: npm run check -- [--format text|json|github|gitlab]\nChecks every article and district file in CONTENT_DIR (default ./content).\n");
    return;
  }
  if (!(FORMATS as readonly string[]).includes(values.format)) fail(`unknown format "${values.format}" — use one of ${FORMATS.join(", ")}`);
  let config;
  try {
    config = loadConfig(contentEnv());
  } catch (cause) {
    fail(cause instanceof ConfigError ? cause.message : String(cause));
  }
  const result = checkContent(config);
  // The picture files themselves: size, links and special files, and a full decode, so a
  // picture that only sharp finds damaged is named here and not first by a visitor's 404.
  // On a serving machine: broken files whose last valid version the site keeps serving.
  const issues = sortIssues([...result.issues, ...(await checkMediaDecode(config.contentDir)), ...heldBackNotes(config.dataDir, result.issues)]);
  // npm runs scripts in the portal's folder; INIT_CWD is where `npm run` was typed, so paths
  // are relative to it (a CI job runs `npm --prefix portal run check` from the content repository).
  process.stdout.write(render(values.format as Format, issues, result.files, config.contentDir, process.env.INIT_CWD ?? process.cwd()));
  process.exitCode = issues.some((i) => i.severity === "error") ? 1 : 0;
}

await main();
