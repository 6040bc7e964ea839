// The subscribe and manage forms: the zod schema every posted field goes through, the
// same-origin check, and the view model of views/partials/subscribe-form.njk.
import type { Request } from "express";
import { z } from "zod";
import { LOCALES, type Locale } from "../../config.js";
import { collator } from "../../i18n/format.js";
import { FREQUENCIES, SCOPES, type Choices } from "../../subscriptions/choices.js";
import { formToken } from "../../subscriptions/tokens.js";
import type { Subscriptions } from "../../subscriptions/service.js";
import type { AppDeps } from "../deps.js";
import { subscriptionUrls } from "../../subscriptions/urls.js";

/** Topics offered on the form besides the page's own (the language's most used tags). */
const TOPICS_OFFERED = 8;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A field posted once is a string, several times an array (express.urlencoded, extended: false). */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Field names match the form's; `message` keys are under subscriptions.errors in the locale files. */
export function formSchema(known: { districts: ReadonlySet<string>; topics: ReadonlySet<string> }) {
  return z.object({
    email: z.string().trim().max(254, "email").pipe(z.email("email")),
    districts: list.pipe(
      z
        .array(
          z
            .string()
            .regex(ID, "districts")
            .refine((d) => known.districts.has(d), "districts"),
        )
        .min(1, "districts")
        .max(50, "districts"),
    ),
    topics: list.pipe(
      z
        .array(
          z
            .string()
            .regex(ID, "topics")
            .refine((t) => known.topics.has(t), "topics"),
        )
        .max(20, "topics"),
    ),
    scope: z.enum(SCOPES, "scope"),
    frequency: z.enum(FREQUENCIES, "frequency"),
  });
}

export const choiceSchema = (known: { districts: ReadonlySet<string>; topics: ReadonlySet<string> }) => formSchema(known).omit({ email: true });

export type FormValues = { email?: string; districts: string[]; topics: string[]; scope?: string; frequency?: string };

/** What was posted, as far as it can be shown again (strings only, bounded). */
export function postedValues(body: unknown): FormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 254) : undefined);
  const arr = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string").slice(0, 50);
  return { email: str(b.email), districts: arr(b.districts), topics: arr(b.topics), scope: str(b.scope), frequency: str(b.frequency) };
}

/** The distinct error keys of a failed parse, in field order. */
export function errorKeys(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((i) => String(i.path[0] ?? i.message)))];
}

/**
 * Cross-site requests are refused: a page of another site cannot forge Sec-Fetch-Site,
 * which browsers send with every request, so when present it decides ("same-origin" only;
 * Origin may then be "null", which browsers send under a no-referrer policy). Browsers
 * without it send Origin, which must be BASE_URL's. A request with neither does not come
 * from a browser, so it cannot carry a visitor's ambient authority; the signed form token
 * is still required of it (and of everyone).
 */
export function sameOrigin(req: Request, baseUrl: string): boolean {
  const site = req.get("sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const origin = req.get("origin");
  if (origin !== undefined && origin !== new URL(baseUrl).origin) return false;
  return true;
}

export interface KnownChoices {
  readonly districts: ReadonlySet<string>;
  readonly topics: ReadonlySet<string>;
}

export function knownChoices(deps: AppDeps, locale: Locale): KnownChoices {
  return {
    districts: new Set(deps.index.districts.all(deps.index.version()).map((d) => d.id)),
    topics: new Set(deps.index.tags.all(locale).map((t) => t.tag)),
  };
}

/** The view model of the form partial: districts and topics to tick, what is ticked, a fresh token. */
export function formModel(
  deps: AppDeps,
  subs: Pick<Subscriptions, "signer" | "clock">,
  locale: Locale,
  preset: { district?: string; topic?: string; values?: FormValues; action?: string },
) {
  const t = deps.i18n.t(locale);
  const counts = LOCALES.map((l) => [l, deps.index.districts.counts(l)] as const);
  // The districts of this language's site: those with its articles, and new ones with none yet.
  const offered = (id: string) => counts.every(([l, c]) => (l === locale ? true : !c.has(id))) || counts.some(([l, c]) => l === locale && c.has(id));
  const values = preset.values;
  const ticked = new Set(values ? values.districts : preset.district ? [preset.district] : []);
  const districts = deps.index.districts
    .all(deps.index.version())
    .filter((d) => offered(d.id) || ticked.has(d.id))
    .map((d) => ({ id: d.id, name: d.name[locale] ?? d.id, checked: ticked.has(d.id) }))
    .sort((a, b) => collator(locale).compare(a.name, b.name));
  const topicTicked = new Set(values ? values.topics : preset.topic ? [preset.topic] : []);
  const tags = deps.index.tags.all(locale).sort((a, b) => b.count - a.count);
  const topics = tags
    .filter((tag, i) => i < TOPICS_OFFERED || topicTicked.has(tag.tag))
    .map((tag) => ({ tag: tag.tag, name: tag.name, checked: topicTicked.has(tag.tag) }));
  return {
    action: preset.action ?? subscriptionUrls.subscribe(locale),
    privacyUrl: subscriptionUrls.privacy(locale),
    token: formToken(subs.signer, subs.clock()),
    email: values?.email ?? "",
    districts,
    topics,
    topicsOpen: topicTicked.size > 0,
    scope: values?.scope === "alerts" ? "alerts" : "all",
    frequency: (FREQUENCIES as readonly string[]).includes(values?.frequency ?? "") ? values!.frequency : "immediately",
    scopes: SCOPES.map((s) => ({ value: s, label: t(`subscriptions.form.scope_${s}`) })),
    frequencies: FREQUENCIES.map((f) => ({ value: f, label: t(`subscriptions.form.frequency_${f}`) })),
  };
}

export const valuesOf = (c: Choices & { email?: string }): FormValues => ({
  email: c.email,
  districts: [...c.districts],
  topics: [...c.topics],
  scope: c.scope,
  frequency: c.frequency,
});

/** The subscribe partial's model builder for pages, or null when the portal has no subscriptions. */
export function subscribeFormFor(deps: AppDeps) {
  const subs = deps.subscriptions;
  if (!subs) return null;
  return (locale: Locale, district?: string, topic?: string, values?: FormValues, action?: string) =>
    formModel(deps, subs, locale, { district, topic, values, action });
}
