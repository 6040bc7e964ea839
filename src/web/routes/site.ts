// The city's identity files (content/site.yml, src/content/site.ts), kept in memory from
// start: the logo under a content-hashed name and a two-line stylesheet with the city's
// colour (the CSP allows no inline style). Both are immutable, so a repeat visit asks for
// neither. The logo is served as a picture only: its own CSP lets nothing run even when
// it is opened on its own (an SVG is a document), and it is never framed.
import { createHash } from "node:crypto";
import { Router } from "express";
import { DEFAULT_COLOUR, type SiteIdentity } from "../../content/site.js";
import { HttpError } from "../../errors.js";
import type { AppDeps } from "../context.js";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The stylesheet with the city's colour, or null for the neutral default (public/css/site.css has it). */
export function themeCss(site: SiteIdentity): { file: string; body: string } | null {
  if (site.colour === DEFAULT_COLOUR) return null;
  // Links take the colour on the light scheme only: the dark scheme keeps its light link colour.
  const body = `:root{--brand:${site.colour};--accent:${site.colour}}\n@media not (prefers-color-scheme:dark){:root{--link:${site.colour}}}\n`;
  return { file: `theme.${createHash("sha256").update(body).digest("hex").slice(0, 10)}.css`, body };
}

export function siteRoutes(deps: AppDeps): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const { logo } = deps.site;
  const theme = themeCss(deps.site);
  deps.views.addGlobal("site", {
    logoUrl: logo ? `/site/${logo.file}` : null,
    logoWidth: logo?.width,
    logoHeight: logo?.height,
    logoAlt: logo?.alt ?? null,
    themeUrl: theme ? `/site/${theme.file}` : null,
    publisher: deps.site.publisher,
    links: deps.site.links,
  });
  router.get("/site/:file", (req, res) => {
    if (logo && req.params.file === logo.file) {
      res.setHeader("Content-Type", logo.type);
      res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      res.setHeader("Cache-Control", IMMUTABLE);
      res.send(logo.body);
      return;
    }
    if (theme && req.params.file === theme.file) {
      res.setHeader("Content-Type", "text/css; charset=utf-8");
      res.setHeader("Cache-Control", IMMUTABLE);
      res.send(theme.body);
      return;
    }
    throw new HttpError(404, "No such site file");
  });
  return router;
}
