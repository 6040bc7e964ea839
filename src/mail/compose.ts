// Builds each e-mail: localized subject, plain text and accessible HTML (one template,
// views/emails/message.njk, with a lang attribute, headings and link texts that make
// sense alone), and the headers mail programs act on: List-Unsubscribe with
// List-Unsubscribe-Post (RFC 8058 one-click), List-Id (RFC 2919), Auto-Submitted (RFC 3834).
import type { Environment } from "nunjucks";
import type Mail from "nodemailer/lib/mailer/index.js";
import type { Config, Locale } from "../config.js";
import type { I18n } from "../i18n/index.js";
import { dateTimeFormat, formatDate } from "../i18n/format.js";
import type { Item } from "../subscriptions/items.js";

/** One block of an e-mail: an article or an alert. */
export interface Section {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly link: { readonly url: string; readonly text: string };
}

export interface Letter {
  readonly lang: Locale;
  readonly to: string;
  readonly subject: string;
  readonly intro: readonly string[];
  readonly sections: readonly Section[];
  /** The main button: confirm, or none. */
  readonly action?: { readonly url: string; readonly text: string };
  /** Manage and one-click links; absent on the confirmation e-mail (nobody is subscribed yet). */
  readonly manageUrl?: string;
  readonly unsubscribeUrl?: string;
  readonly attachments?: Mail.Attachment[];
  /** Stable per message, so a message sent twice after a crash is recognisable as one. */
  readonly messageId: string;
}

export function itemSection(item: Item, lang: Locale, i18n: I18n, config: Pick<Config, "timeZones" | "baseUrl">): Section {
  const t = i18n.t(lang);
  const tz = config.timeZones[lang];
  const url = config.baseUrl + item.path;
  if (item.type === "article") {
    return {
      heading: item.title,
      lines: [`${formatDate(item.date, lang, tz)} · ${item.districtName}`, item.summary],
      link: { url, text: t("subscriptions.mail.readArticle", { title: item.title }) },
    };
  }
  const at = (ms: number) => dateTimeFormat(lang, { day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone: tz }).format(ms);
  const change = item.change === "new" ? "" : `${t(`subscriptions.mail.alert_${item.change}`)}: `;
  return {
    heading: `${change}${t(`alerts.kind.${item.kind}`)} — ${item.title}`,
    lines: [
      `${t("alerts.when")}: ${t("alerts.spanDays", { from: at(item.start), to: at(item.end) })}`,
      ...(item.area ? [`${t("alerts.area")}: ${item.area}`] : []),
      item.text.slice(0, 600),
    ],
    link: { url, text: t("subscriptions.mail.readAlert", { title: item.title }) },
  };
}

function plainText(letter: Letter, i18n: I18n): string {
  const t = i18n.t(letter.lang);
  const out: string[] = [...letter.intro, ""];
  if (letter.action) out.push(`${letter.action.text}:`, letter.action.url, "");
  for (const s of letter.sections) out.push(s.heading, "-".repeat(Math.min(60, s.heading.length)), ...s.lines, `${s.link.text}: ${s.link.url}`, "");
  if (letter.manageUrl) out.push("-- ", `${t("subscriptions.mail.manage")}: ${letter.manageUrl}`);
  if (letter.unsubscribeUrl) out.push(`${t("subscriptions.mail.unsubscribe")}: ${letter.unsubscribeUrl}`);
  out.push(t("subscriptions.mail.why"));
  return out.join("\n");
}

export function toMail(
  letter: Letter,
  views: Environment,
  i18n: I18n,
  config: Pick<Config, "baseUrl"> & { subscriptions: { mailFrom: string } },
): Mail.Options {
  const t = i18n.t(letter.lang);
  const host = new URL(config.baseUrl).hostname;
  const html = views.render("emails/message.njk", { letter, t });
  const headers: Record<string, string | { prepared: true; value: string }> = { "Auto-Submitted": "auto-generated" };
  if (letter.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${letter.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  // RFC 2919: a list identifier under a domain of ours, one list per language.
  // The phrase is encoded here (RFC 2047) and the header passed as prepared: nodemailer
  // would encode the whole value, angle brackets and id included, and no program could read it.
  headers["List-Id"] = { prepared: true, value: `=?UTF-8?B?${Buffer.from(t("site.name")).toString("base64")}?= <${letter.lang}.subscriptions.${host}>` };
  return {
    from: config.subscriptions.mailFrom,
    to: letter.to,
    subject: letter.subject,
    text: plainText(letter, i18n),
    html,
    headers,
    messageId: letter.messageId,
    attachments: letter.attachments,
  };
}
