// `npm run check [-- --format text|json|github|gitlab] [--lang bg|pl|en]`: checks the whole
// content folder (CONTENT_DIR, default ./content) and exits 1 when any error would keep an
// article or a district off the site; warnings alone exit 0. Exit 2: the command itself
// was misused. The messages are in --lang, else EDITOR_LANG, else the system locale, else
// English (src/config.ts).
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { checkContent } from "../content/check.js";
import { sortIssues } from "../content/issues.js";
import { EDITOR_LANGS, isEditorLang, msg, say, type EditorLang } from "../content/messages/index.js";
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
    ({ values } = parseArgs({
      options: { format: { type: "string", default: "text" }, lang: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (cause) {
    fail(`${(cause as Error).message}\n${say(msg("cli.checkUsage"))}`);
  }
  const flag = values.lang?.toLowerCase();
  if (flag !== undefined && !isEditorLang(flag)) fail(say(msg("cli.unknownLang", { lang: values.lang ?? "", langs: EDITOR_LANGS.join(", ") })));
  let config: Config | null = null;
  let configProblem: unknown;
  try {
    config = loadConfig(contentEnv());
  } catch (cause) {
    configProblem = cause;
  }
  const lang: EditorLang = flag ?? config?.editorLang ?? "en";
  if (values.help) {
    process.stdout.write(`${say(msg("cli.checkUsage"), lang)}\n${say(msg("cli.checkHelp"), lang)}\n`);
    return;
  }
  if (!config) fail(configProblem instanceof ConfigError ? configProblem.message : String(configProblem));
  if (!(FORMATS as readonly string[]).includes(values.format))
    fail(say(msg("cli.unknownFormat", { format: values.format, formats: FORMATS.join(", ") }), lang));
  const result = checkContent(config);
  // The picture files themselves: size, links and special files, and a full decode, so a
  // picture that only sharp finds damaged is named here and not first by a visitor's 404.
  // On a serving machine: broken files whose last valid version the site keeps serving.
  const issues = sortIssues([...result.issues, ...(await checkMediaDecode(config.contentDir)), ...heldBackNotes(config.dataDir, result.issues)]);
  // npm runs scripts in the portal's folder; INIT_CWD is where `npm run` was typed, so paths
  // are relative to it (a CI job runs `npm --prefix portal run check` from the content repository).
  process.stdout.write(render(values.format as Format, issues, result.files, config.contentDir, process.env.INIT_CWD ?? process.cwd(), lang));
  process.exitCode = issues.some((i) => i.severity === "error") ? 1 : 0;
}

await main();
