// Subscribing (issue 24): the form posts here from the home, district and tag pages; the
// answer is the same whatever the address's state; the confirmation link shows a button
// (mail scanners fetch links, they do not press buttons). Mounted before the request guard,
// which answers 405 to every other POST. Manage and leave: subscription-manage.ts.
import { Router, type Request, type Response } from "express";
import { LOCALES } from "../../config.js";
import type { Subscriptions } from "../../subscriptions/service.js";
import { checkConfirmToken, checkFormToken, manageToken } from "../../subscriptions/tokens.js";
import { SUBSCRIPTION_SEGMENTS as SEG, subscriptionUrls } from "../../subscriptions/urls.js";
import type { AppDeps } from "../deps.js";
import { errorKeys, formSchema, knownChoices, postedValues, sameOrigin, type FormValues } from "../subscriptions/form.js";
import { formBody, postLimiter, privatePage } from "../subscriptions/respond.js";
import { manageRoutes } from "./subscription-manage.js";

export function subscriptionRoutes(deps: AppDeps, subs: Subscriptions): Router {
  const router = Router();
  const limit = postLimiter(deps);
  // A replica shows the form; nginx routes its posts to the primary (deploy/README.md).
  if (deps.config.subscriptions.role !== "primary") return router;

  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const page = (req: Request, res: Response, template: string, locals: Record<string, unknown>, status = 200) =>
      privatePage(req, res, deps, locale, template, t("subscriptions.title"), subscriptionUrls.subscribe(locale), locals, status);
    const formAgain = (req: Request, res: Response, values: FormValues, errors: string[], status: number) =>
      page(req, res, "pages/subscribe.njk", { subscribeValues: values, errors: errors.map((e) => t(`subscriptions.errors.${e}`)) }, status);

    router.get(subscriptionUrls.subscribe(locale), (req, res) => page(req, res, "pages/subscribe.njk", { errors: [] }));

    router.post(subscriptionUrls.subscribe(locale), limit, formBody, (req, res) => {
      const values = postedValues(req.body);
      if (!sameOrigin(req, deps.config.baseUrl)) return formAgain(req, res, values, ["crossSite"], 403);
      const body = req.body as Record<string, unknown> | undefined;
      // An old page (the form token is valid 24 hours) gets the form back with a fresh token.
      if (typeof body?.token !== "string" || !checkFormToken(subs.signer, body.token, subs.clock())) return formAgain(req, res, values, ["token"], 400);
      const parsed = formSchema(knownChoices(deps, locale)).safeParse(body);
      if (!parsed.success) return formAgain(req, res, values, errorKeys(parsed.error), 400);
      const { email, ...choices } = parsed.data;
      subs.subscribe(email, locale, choices);
      page(req, res, "pages/subscribe-result.njk", { message: "checkInbox" });
    });

    // The confirmation link: a button that posts back (the token is the authority here).
    const confirmPath = `/${locale}/${SEG[locale].base}/${SEG[locale].confirm}/:token/`;
    router.get(confirmPath, (req, res) => {
      const ok = checkConfirmToken(subs.signer, String(req.params.token), subs.clock()) !== null;
      page(req, res, "pages/subscribe-result.njk", ok ? { confirmForm: { action: req.path } } : { message: "linkExpired" }, ok ? 200 : 404);
    });
    router.post(confirmPath, limit, formBody, (req, res) => {
      if (!sameOrigin(req, deps.config.baseUrl)) return page(req, res, "pages/subscribe-result.njk", { message: "crossSite" }, 403);
      const id = checkConfirmToken(subs.signer, String(req.params.token), subs.clock());
      if (!id || subs.confirm(id) === "unknown") return page(req, res, "pages/subscribe-result.njk", { message: "linkExpired" }, 404);
      page(req, res, "pages/subscribe-result.njk", { message: "confirmed", manageUrl: subscriptionUrls.manage(locale, manageToken(subs.signer, id)) });
    });
  }
  router.use(manageRoutes(deps, subs, limit));
  return router;
}
