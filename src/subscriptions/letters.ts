// What each queued message says, built when it is sent: the confirmation link (signed,
// valid until the reader's confirm_expires), the export (JSON attached), and the items
// of news, alert and digest messages as they were when first seen.
import type { Config } from "../config.js";
import type { I18n } from "../i18n/index.js";
import { itemSection, type Letter } from "../mail/compose.js";
import type { Item, ItemTables } from "./items.js";
import { subscriberExport } from "./export.js";
import type { Message, QueueTables } from "./queue.js";
import type { Signer } from "./secret.js";
import type { Subscriber } from "./subscribers.js";
import { confirmToken, manageToken } from "./tokens.js";
import { subscriptionUrls } from "./urls.js";

export interface LetterContext {
  readonly config: Config;
  readonly i18n: I18n;
  readonly signer: Signer;
  readonly queue: QueueTables;
  readonly items: ItemTables;
  readonly now: number;
}

/** The e-mail for a message, or null when there is nothing to send (reader not confirmed, link expired, items gone). */
export function letterFor(ctx: LetterContext, m: Message, s: Subscriber): Letter | null {
  const t = ctx.i18n.t(s.lang);
  const base = ctx.config.baseUrl;
  const host = new URL(base).hostname;
  const common = { lang: s.lang, to: s.email, messageId: `<m${m.id}.${m.created_at.toString(36)}@${host}>` };
  if (m.kind === "confirm") {
    if (s.confirmExpires === null || s.confirmExpires < ctx.now) return null;
    return {
      ...common,
      subject: t("subscriptions.mail.confirmSubject"),
      intro: [t("subscriptions.mail.confirmIntro"), t("subscriptions.mail.confirmValid")],
      sections: [],
      action: {
        url: base + subscriptionUrls.confirm(s.lang, confirmToken(ctx.signer, s.publicId, s.confirmExpires)),
        text: t("subscriptions.mail.confirmAction"),
      },
    };
  }
  if (s.status !== "confirmed") return null;
  const token = manageToken(ctx.signer, s.publicId);
  const links = { manageUrl: base + subscriptionUrls.manage(s.lang, token), unsubscribeUrl: base + subscriptionUrls.leave(s.lang, token) };
  if (m.kind === "export") {
    return {
      ...common,
      ...links,
      subject: t("subscriptions.mail.exportSubject"),
      intro: [t("subscriptions.mail.exportIntro")],
      sections: [],
      attachments: [
        {
          filename: "subscription-data.json",
          content: JSON.stringify(subscriberExport(s, ctx.queue), null, 2),
          contentType: "application/json; charset=utf-8",
        },
      ],
    };
  }
  const items = ctx.queue
    .itemsOf(m.id)
    .map((k) => ctx.items.item(k))
    .filter((i): i is Item => i !== null);
  if (!items.length) return null;
  const sections = items.map((i) => itemSection(i, s.lang, ctx.i18n, ctx.config));
  const first = items[0]!;
  const subject =
    m.kind === "alert" && first.type === "alert"
      ? `${first.change === "new" ? "" : `${t(`subscriptions.mail.alert_${first.change}`)}: `}${t(`alerts.kind.${first.kind}`)} — ${first.title}`
      : m.kind === "digest"
        ? t(s.frequency === "weekly" ? "subscriptions.mail.weeklySubject" : "subscriptions.mail.dailySubject", { count: items.length })
        : items.length === 1
          ? first.title
          : t("subscriptions.mail.newsSubject", { count: items.length });
  return { ...common, ...links, subject, intro: [], sections };
}
