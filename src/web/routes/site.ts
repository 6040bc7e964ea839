// The city's identity files (content/site.yml, src/content/site.ts), kept in memory from
// start: the logo under a content-hashed name and a two-line stylesheet with the city's
// colour (the CSP allows no inline style). Both are immutable, so a repeat visit asks for
// neither. The logo is served as a picture only: its own CSP lets nothing run even when
// it is opened on its own (an SVG is a document), and it is never framed.
import { Router } from "express";
import { HttpError } from "../../errors.js";
import type { AppDeps } from "../deps.js";
import { themeCss } from "../views/globals/site.js";

const IMMUTABLE = "public, max-age=31536000, immutable";

export function siteRoutes(deps: AppDeps): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const { logo } = deps.site;
  const theme = themeCss(deps.site);
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
