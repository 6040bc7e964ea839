// What the first pages of a process would otherwise pay for once: ICU loads its
// time-zone data on the first date formatted in a zone (33 ms of the first article page
// measured after a start), and markdown-it runs cold on the first body rendered on
// request (a large cold build leaves bodies for later). Done while the process waits for
// its parse workers, the cost leaves the path to readiness; a restart pays it once, as
// the first request would have.
import type { Config } from "../config.js";
import { LOCALES } from "../config.js";
import { toIsoWithOffset } from "../content/dates.js";
import { renderBodyLater } from "../content/markdown.js";
import { collator, formatDate, isoDay } from "../i18n/format.js";

const SAMPLE = `Text with *emphasis*, a [link](https://example.org/) and „quotes“.

## A heading

- one item
- another item

> A quotation.
`;

export function warmUp(config: Pick<Config, "timeZones">): void {
  const now = Date.now();
  for (const locale of LOCALES) {
    const zone = config.timeZones[locale];
    formatDate(now, locale, zone);
    isoDay(now, zone);
    toIsoWithOffset(now, zone);
    collator(locale).compare("a", "b");
    renderBodyLater(SAMPLE, locale);
  }
}
