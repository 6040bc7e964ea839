// The city's identity as templates see it (layouts/base.njk: header logo, theme colour,
// footer), made once from content/site.yml; routes/site.ts serves the two files it names.
import { createHash } from "node:crypto";
import { DEFAULT_COLOUR, type SiteIdentity } from "../../../content/site.js";

/** The stylesheet with the city's colour, or null for the neutral default (public/css/site.css has it). */
export function themeCss(site: SiteIdentity): { file: string; body: string } | null {
  if (site.colour === DEFAULT_COLOUR) return null;
  // Links take the colour on the light scheme only: the dark scheme keeps its light link colour.
  const body = `:root{--brand:${site.colour};--accent:${site.colour}}\n@media not (prefers-color-scheme:dark){:root{--link:${site.colour}}}\n`;
  return { file: `theme.${createHash("sha256").update(body).digest("hex").slice(0, 10)}.css`, body };
}

/** The `site` global: the logo and theme addresses (under /site/), the publisher and footer links. */
export function siteGlobal(site: SiteIdentity) {
  const { logo } = site;
  const theme = themeCss(site);
  return {
    logoUrl: logo ? `/site/${logo.file}` : null,
    logoWidth: logo?.width,
    logoHeight: logo?.height,
    logoAlt: logo?.alt ?? null,
    themeUrl: theme ? `/site/${theme.file}` : null,
    publisher: site.publisher,
    links: site.links,
  };
}
