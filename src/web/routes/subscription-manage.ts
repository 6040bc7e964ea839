// A reader's own page, reached only through the signed link in every e-mail: change the
// choices, ask for the stored data by e-mail (JSON), or leave. Leaving by the one-click
// address (RFC 8058) takes a POST without a form token: the mail program sends only
// "List-Unsubscribe=One-Click", and the signed token in the address is the authority.
import { Router, type Request, type RequestHandler, type Response } from "express";
import { LOCALES } from "../../config.js";
import type { Subscriptions } from "../../subscriptions/service.js";
import type { Subscriber } from "../../subscriptions/subscribers.js";
import { checkFormToken, checkManageToken } from "../../subscriptions/tokens.js";
import { SUBSCRIPTION_SEGMENTS as SEG } from "../../subscriptions/urls.js";
import type { AppDeps } from "../deps.js";
import { choiceSchema, errorKeys, knownChoices, postedValues, sameOrigin, valuesOf, type FormValues } from "../subscriptions/form.js";
import { formBody, privatePage } from "../subscriptions/respond.js";

export function manageRoutes(deps: AppDeps, subs: Subscriptions, limit: RequestHandler): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const t = deps.i18n.t(locale);
    const page = (req: Request, res: Response, template: string, locals: Record<string, unknown>, status = 200) =>
      privatePage(req, res, deps, locale, template, t("subscriptions.manageTitle"), req.path, locals, status);
    const reader = (req: Request): Subscriber | null => {
      const id = checkManageToken(subs.signer, String(req.params.token));
      return id ? subs.reader(id) : null;
    };
    const gone = (req: Request, res: Response) => page(req, res, "pages/subscribe-result.njk", { message: "notSubscribed" }, 404);
    const managePage = (req: Request, res: Response, s: Subscriber, extra: { values?: FormValues; errors?: string[]; notice?: string }, status = 200) =>
      page(
        req,
        res,
        "pages/subscribe-manage.njk",
        {
          subscribeValues: extra.values ?? valuesOf(s),
          errors: (extra.errors ?? []).map((e) => t(`subscriptions.errors.${e}`)),
          notice: extra.notice,
          action: req.path,
          subscribeAction: req.path,
          subscribeManage: true,
        },
        status,
      );

    const managePath = `/${locale}/${SEG[locale].base}/${SEG[locale].manage}/:token/`;
    router.get(managePath, (req, res) => {
      const s = reader(req);
      if (!s) return gone(req, res);
      managePage(req, res, s, {});
    });
    router.post(managePath, limit, formBody, (req, res) => {
      const s = reader(req);
      if (!s) return gone(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { ...postedValues(body), email: undefined };
      if (!sameOrigin(req, deps.config.baseUrl)) return managePage(req, res, s, { values, errors: ["crossSite"] }, 403);
      if (typeof body.token !== "string" || !checkFormToken(subs.signer, body.token, subs.clock()))
        return managePage(req, res, s, { values, errors: ["token"] }, 400);
      if (body.action === "leave") {
        subs.leave(s);
        return page(req, res, "pages/subscribe-result.njk", { message: "left" });
      }
      if (body.action === "export") {
        subs.requestExport(s);
        return managePage(req, res, s, { notice: "exportQueued" });
      }
      const parsed = choiceSchema(knownChoices(deps, locale)).safeParse(body);
      if (!parsed.success) return managePage(req, res, s, { values, errors: errorKeys(parsed.error) }, 400);
      subs.change(s, parsed.data);
      managePage(req, res, subs.reader(s.publicId) ?? s, { notice: "saved" });
    });

    const leavePath = `/${locale}/${SEG[locale].base}/${SEG[locale].leave}/:token/`;
    router.get(leavePath, (req, res) => {
      if (!reader(req)) return gone(req, res);
      page(req, res, "pages/subscribe-result.njk", { leaveForm: { action: req.path } });
    });
    router.post(leavePath, formBody, (req, res) => {
      const s = reader(req);
      // Already gone: the one-click request is answered as done (RFC 8058 wants no second step).
      if (s) subs.leave(s);
      page(req, res, "pages/subscribe-result.njk", { message: "left" });
    });
  }
  return router;
}
