// `npm run new`: starts an article. From flags (scripts, CI, no terminal):
//   npm run new -- --lang bg --district sredets --title "…" [--date 2026-11-23] [--bundle]
// or, on a terminal, by asking for what the flags leave out.
// Exit codes: 0 written, 1 refused (unknown district, file exists) or cancelled,
// 2 misuse (missing flags without a terminal).
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, LOCALES, isLocale, loadConfig } from "../config.js";
import { NewArticleError, createArticle, knownDistricts } from "../content/new-article.js";
import { urls } from "../site/urls.js";
import { contentEnv } from "./env.js";
import { newAlert } from "./new-alert.js";

const USAGE = 'usage: npm run new -- --lang bg|pl --district <id> --title "…" [--date YYYY-MM-DD] [--bundle]\n       npm run new -- --alert --lang bg|pl --title "…" [--district <id>,<id>|all]';

function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * Questions on a terminal. Lines are read through one buffered iterator, so answers typed
 * or pasted ahead of their question are kept for it instead of being dropped.
 */
function questions(): { ask: (question: string, problem: (answer: string) => string | null, normalize?: (a: string) => string) => Promise<string>; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const cancel = () => exit(1, "\ncancelled — nothing was written");
  rl.on("SIGINT", cancel); // Ctrl+C: the editor changed their mind
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, problem, normalize = (a) => a) {
      for (;;) {
        rl.setPrompt(question);
        rl.prompt();
        const next = await lines.next();
        if (next.done) cancel(); // Ctrl+D, or the input ended
        const answer = normalize(String(next.value).trim());
        const wrong = problem(answer);
        if (!wrong) return answer;
        process.stdout.write(`  ${wrong}\n`);
      }
    },
    close: () => rl.close(),
  };
}

const lower = (a: string) => a.toLowerCase();

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { lang: { type: "string" }, district: { type: "string" }, title: { type: "string" }, date: { type: "string" }, bundle: { type: "boolean" }, alert: { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
  if (values.alert) return newAlert(config, values); // service alerts (issue 23): src/cli/new-alert.ts
  const missing = (["lang", "district", "title"] as const).filter((k) => !values[k]);
  if (missing.length && !process.stdin.isTTY) exit(2, `missing ${missing.map((k) => `--${k}`).join(", ")} (no terminal to ask)\n${USAGE}`);
  // One interface for all questions: answers typed (or pasted) ahead are kept for the next question.
  const q = missing.length ? questions() : null;
  let lang, district, title;
  try {
    lang = values.lang?.toLowerCase() ?? (await q!.ask(`Language (${LOCALES.join("/")}): `, (a) => (isLocale(a) ? null : `write ${LOCALES.join(" or ")}`), lower));
    if (!isLocale(lang)) exit(2, `--lang must be one of ${LOCALES.join(", ")}\n${USAGE}`);
    const districts = knownDistricts(config.contentDir);
    const unknown = (a: string) => (districts.includes(a) ? null : `unknown district "${a}" — write one of: ${districts.join(", ")}`);
    district = values.district?.toLowerCase() ?? (await q!.ask(`District (${districts.join(", ")}): `, unknown, lower));
    title = values.title ?? (await q!.ask("Title: ", (a) => (a.length > 0 ? null : "write the title of the article")));
  } finally {
    q?.close();
  }
  try {
    const created = createArticle(config, { lang, district, title, date: values.date, bundle: values.bundle });
    const shown = path.relative(process.cwd(), created.file).split(path.sep).join("/");
    const preview = `http://localhost:${process.env.PORT ?? 3000}${urls.article(lang, created.slug)}`;
    process.stdout.write(
      `Created ${shown}\nIt is a draft: write the text, preview it with "npm run dev" at ${preview}, check it with "npm run check", then remove "draft: true" to publish.\n`,
    );
  } catch (cause) {
    if (cause instanceof NewArticleError) exit(1, cause.message);
    throw cause;
  }
}

main().catch((cause: unknown) => exit(1, `npm run new failed: ${String(cause)}`));
