// `npm run new -- --alert --lang bg --title "…" [--district lozenets,sredets|all]`:
// writes an alert skeleton (src/content/alert-new.ts) and says what to do next.
import path from "node:path";
import { isLocale, type Config } from "../config.js";
import { createAlert } from "../content/alert-new.js";
import { NewArticleError } from "../content/new-article.js";
import { urls } from "../site/urls.js";

export function newAlert(config: Config, values: { lang?: string; title?: string; district?: string }): void {
  const fail = (message: string, code: number) => {
    process.stderr.write(`${message}\n`);
    process.exit(code);
  };
  const lang = values.lang?.toLowerCase();
  if (!isLocale(lang) || !values.title) return fail('usage: npm run new -- --alert --lang bg|pl --title "…" [--district <id>,<id>|all]', 2);
  try {
    const districts = values.district ? values.district.toLowerCase().split(",").map((d) => d.trim()).filter(Boolean) : undefined;
    const a = createAlert(config, { lang, title: values.title, districts });
    const shown = path.relative(process.cwd(), a.file).split(path.sep).join("/");
    const next = districts ? "" : " Name the districts (it is not shown until you do),";
    process.stdout.write(`Created ${shown}, starting at the next full hour.${next} set kind, severity, start and end, write the text, check it with "npm run check"; it will be at ${urls.alert(lang, a.slug)}\n`);
  } catch (cause) {
    if (cause instanceof NewArticleError) return fail(cause.message, 1);
    throw cause;
  }
}
