// `npm run new`: starts an article. From flags (scripts, CI, no terminal):
//   npm run new -- --lang bg --district sredets --title "…" [--date 2026-11-23] [--bundle]
// or, on a terminal, by asking for what the flags leave out.
// Exit codes: 0 written, 1 refused (unknown district, file exists), 2 misuse (missing flags without a terminal).
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ConfigError, LOCALES, isLocale, loadConfig } from "../config.js";
import { NewArticleError, createArticle, knownDistricts } from "../content/new-article.js";
import { contentEnv } from "./env.js";

const USAGE = 'usage: npm run new -- --lang bg|pl --district <id> --title "…" [--date YYYY-MM-DD] [--bundle]';

function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function ask(question: string, valid: (answer: string) => boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await rl.question(question)).trim();
      if (valid(answer)) return answer;
    }
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { lang: { type: "string" }, district: { type: "string" }, title: { type: "string" }, date: { type: "string" }, bundle: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (cause) {
    exit(2, `${(cause as Error).message}\n${USAGE}`);
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  let config;
  try {
    config = loadConfig(contentEnv());
  } catch (cause) {
    exit(2, cause instanceof ConfigError ? cause.message : String(cause));
  }
  const missing = (["lang", "district", "title"] as const).filter((k) => !values[k]);
  if (missing.length && !process.stdin.isTTY) exit(2, `missing ${missing.map((k) => `--${k}`).join(", ")} (no terminal to ask)\n${USAGE}`);
  const lang = values.lang ?? (await ask(`Language (${LOCALES.join("/")}): `, isLocale));
  if (!isLocale(lang)) exit(2, `--lang must be one of ${LOCALES.join(", ")}\n${USAGE}`);
  const districts = knownDistricts(config.contentDir);
  const district = values.district ?? (await ask(`District (${districts.join(", ")}): `, (a) => districts.includes(a)));
  const title = values.title ?? (await ask("Title: ", (a) => a.length > 0));
  try {
    const created = createArticle(config, { lang, district, title, date: values.date, bundle: values.bundle });
    const shown = path.relative(process.cwd(), created.file).split(path.sep).join("/");
    process.stdout.write(`Created ${shown}\nIt is a draft: write the text, preview it with "npm run dev", check it with "npm run check", then remove "draft: true" to publish.\n`);
  } catch (cause) {
    if (cause instanceof NewArticleError) exit(1, cause.message);
    throw cause;
  }
}

main().catch((cause: unknown) => exit(1, `npm run new failed: ${String(cause)}`));
