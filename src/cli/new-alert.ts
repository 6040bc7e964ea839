// `npm run new -- --alert --lang bg --title "…" [--district lozenets,sredets|all]`:
// writes an alert skeleton (src/content/alert-new.ts) and says what to do next.
import path from "node:path";
import { isLocale, type Config } from "../config.js";
import { createAlert } from "../content/alert-new.js";
import { msg, say } from "../content/messages/index.js";
import { NewArticleError } from "../content/new-article.js";
import { urls } from "../site/urls.js";

export function newAlert(config: Config, values: { lang?: string; title?: string; district?: string }): void {
  const fail = (message: string, code: number) => {
    process.stderr.write(`${message}\n`);
    process.exit(code);
  };
  const lang = values.lang?.toLowerCase();
  if (!isLocale(lang) || !values.title) return fail(say(msg("new.alertUsage"), config.editorLang), 2);
  try {
    const districts = values.district
      ? values.district
          .toLowerCase()
          .split(",")
          .map((d) => d.trim())
          .filter(Boolean)
      : undefined;
    const a = createAlert(config, { lang, title: values.title, districts });
    const file = path.relative(process.cwd(), a.file).split(path.sep).join("/");
    const created = msg(districts ? "new.alertCreated" : "new.alertCreatedNoDistricts", { file, url: urls.alert(lang, a.slug) });
    process.stdout.write(`${say(created, config.editorLang)}\n`);
  } catch (cause) {
    if (cause instanceof NewArticleError) return fail(cause.in(config.editorLang), 1);
    throw cause;
  }
}
