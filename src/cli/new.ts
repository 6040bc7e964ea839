// `npm run new`: starts an article. From flags (scripts, CI, no terminal):
//   npm run new -- --lang bg --district sredets --title "…" [--date 2026-11-23] [--bundle]
// or, on a terminal, by asking for what the flags leave out.
// Exit codes: 0 written, 1 refused (unknown district, file exists) or cancelled,
// 2 misuse (missing flags without a terminal). Here --lang is the article's language; the
// messages follow EDITOR_LANG, else the system locale, else English (src/config.ts).
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, LOCALES, isLocale, loadConfig, type EditorLang } from "../config.js";
import { msg, say, type Message } from "../content/messages/index.js";
import { NewArticleError, createArticle, knownDistricts } from "../content/new-article.js";
import { urls } from "../site/urls.js";
import { contentEnv } from "./env.js";
import { newAlert } from "./new-alert.js";

// The language of the messages, known once the configuration is read.
let lang: EditorLang = "en";
const text = (m: Message) => say(m, lang);

function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * Questions on a terminal. Lines are read through one buffered iterator, so answers typed
 * or pasted ahead of their question are kept for it instead of being dropped.
 */
function questions(): {
  ask: (question: Message, problem: (answer: string) => Message | null, normalize?: (a: string) => string) => Promise<string>;
  close: () => void;
} {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const cancel = () => exit(1, `\n${text(msg("new.cancelled"))}`);
  rl.on("SIGINT", cancel); // Ctrl+C: the editor changed their mind
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, problem, normalize = (a) => a) {
      for (;;) {
        rl.setPrompt(text(question));
        rl.prompt();
        const next = await lines.next();
        if (next.done) cancel(); // Ctrl+D, or the input ended
        const answer = normalize(String(next.value).trim());
        const wrong = problem(answer);
        if (!wrong) return answer;
        process.stdout.write(`  ${text(wrong)}\n`);
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
      options: {
        lang: { type: "string" },
        district: { type: "string" },
        title: { type: "string" },
        date: { type: "string" },
        bundle: { type: "boolean" },
        alert: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (cause) {
    exit(2, `${(cause as Error).message}\n${text(msg("new.usage"))}`);
  }
  let config;
  try {
    config = loadConfig(contentEnv());
  } catch (cause) {
    exit(2, cause instanceof ConfigError ? cause.message : String(cause));
  }
  lang = config.editorLang;
  const usage = text(msg("new.usage"));
  if (values.help) return void process.stdout.write(`${usage}\n`);
  if (values.alert) return newAlert(config, values); // service alerts (issue 23): src/cli/new-alert.ts
  const missing = (["lang", "district", "title"] as const).filter((k) => !values[k]);
  if (missing.length && !process.stdin.isTTY) exit(2, `${text(msg("new.missing", { flags: missing.map((k) => `--${k}`).join(", ") }))}\n${usage}`);
  // One interface for all questions: answers typed (or pasted) ahead are kept for the next question.
  const q = missing.length ? questions() : null;
  let articleLang, district, title;
  try {
    const langs = LOCALES.join("/");
    articleLang =
      values.lang?.toLowerCase() ?? (await q!.ask(msg("new.askLang", { langs }), (a) => (isLocale(a) ? null : msg("new.writeLang", { langs })), lower));
    if (!isLocale(articleLang)) exit(2, `${text(msg("new.badLang", { langs: LOCALES.join(", ") }))}\n${usage}`);
    const districts = knownDistricts(config.contentDir);
    const unknown = (a: string) => (districts.includes(a) ? null : msg("new.askUnknownDistrict", { district: a, known: districts.join(", ") }));
    district = values.district?.toLowerCase() ?? (await q!.ask(msg("new.askDistrict", { districts: districts.join(", ") }), unknown, lower));
    title = values.title ?? (await q!.ask(msg("new.askTitle"), (a) => (a.length > 0 ? null : msg("new.writeTitle"))));
  } finally {
    q?.close();
  }
  try {
    const created = createArticle(config, { lang: articleLang, district, title, date: values.date, bundle: values.bundle });
    const file = path.relative(process.cwd(), created.file).split(path.sep).join("/");
    const preview = `http://localhost:${process.env.PORT ?? 3000}${urls.article(articleLang, created.slug)}`;
    process.stdout.write(`${text(msg("new.created", { file, preview }))}\n`);
  } catch (cause) {
    if (cause instanceof NewArticleError) exit(1, cause.in(lang));
    throw cause;
  }
}

main().catch((cause: unknown) => exit(1, text(msg("new.failed", { reason: String(cause) }))));
