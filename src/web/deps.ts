// What the web layer is built from (createApp makes it once). Each part is explicit, the
// page cache too: a route or middleware that needs one part takes it from here, and the
// head builders (seo/) get only the few values of SeoSite.
import type { Environment } from "nunjucks";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { SiteIdentity } from "../content/site.js";
import type { I18n } from "../i18n/index.js";
import type { ContentIndex } from "../index/index.js";
import type { Assets } from "./assets.js";
import type { RenderCache } from "./render-cache.js";
import type { Subscriptions } from "../subscriptions/service.js";
import type { SeoSite } from "./seo/head-types.js";

export interface AppDeps {
  readonly config: Config;
  readonly index: ContentIndex;
  /** The city's identity from content/site.yml (src/content/site.ts). */
  readonly site: SiteIdentity;
  readonly i18n: I18n;
  readonly views: Environment;
  readonly assets: Assets;
  readonly logger: Logger;
  /** Rendered pages kept for their address (render-cache.ts); null in development, where templates change under a running server. */
  readonly pageCache: RenderCache | null;
  /** What the head builders (Open Graph, JSON-LD) read of the site. */
  readonly seo: SeoSite;
  /** E-mail subscriptions (src/subscriptions/); absent when SUBSCRIPTIONS=off. */
  readonly subscriptions?: Subscriptions | null;
}

/** The head builders' view of the site, made once from the configuration, strings and assets. */
export function seoSite(config: Pick<Config, "baseUrl" | "timeZones">, i18n: I18n, assets: Assets): SeoSite {
  return { baseUrl: config.baseUrl, timeZones: config.timeZones, assetUrl: (name) => assets.url(name), text: (locale, key) => i18n.t(locale)(key) };
}
