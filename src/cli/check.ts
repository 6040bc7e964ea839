// `npm run check [-- --format text|json|github|gitlab]`: checks the whole content folder
// (CONTENT_DIR, default ./content) and exits 1 when any error would keep an article or
// a district off the site; warnings alone exit 0. Exit 2: the command itself was misused.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { checkContent, type ExtraCheck } from "../content/check.js";
import { checkMedia } from "../media/check.js";
import { FORMATS, render, type Format } from "./format.js";
import { contentEnv } from "./env.js";

/** Checks that other modules add to the tree check: picture files themselves (size, readable header). */
const EXTRA_CHECKS: ExtraCheck[] = [checkMedia];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(): void {
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
  const result = checkContent(config, EXTRA_CHECKS);
  // npm runs scripts in the portal's folder; INIT_CWD is where `npm run` was typed, so paths
  // are relative to it (a CI job runs `npm --prefix portal run check` from the content repository).
  process.stdout.write(render(values.format as Format, result.issues, result.files, config.contentDir, process.env.INIT_CWD ?? process.cwd()));
  process.exitCode = result.issues.some((i) => i.severity === "error") ? 1 : 0;
}

main();
