// The URL scheme and its inverse: every address urls builds for a content page is read
// back as that page, and nothing else is taken for one.
import { describe, expect, it } from "vitest";
import { contentPageAt, urls } from "../../src/site/urls.js";

describe("contentPageAt", () => {
  it("reads back the article, district and topic addresses urls builds, in both languages", () => {
    expect(contentPageAt(urls.article("bg", "obuchenie"))).toEqual({ kind: "article", lang: "bg", slug: "obuchenie" });
    expect(contentPageAt(urls.article("pl", "remont"))).toEqual({ kind: "article", lang: "pl", slug: "remont" });
    expect(contentPageAt(urls.district("pl", "gdansk"))).toEqual({ kind: "district", lang: "pl", id: "gdansk" });
    expect(contentPageAt(urls.tag("bg", "remont"))).toEqual({ kind: "tag", lang: "bg", tag: "remont" });
  });

  it("takes no other address for a content page", () => {
    for (const path of [
      urls.news("bg"),
      urls.district("bg", "sredets", 2),
      urls.districtEvents("bg", "sredets"),
      urls.articleEvent("bg", "obuchenie"), // a file beside the article, not the article
      urls.alert("pl", "awaria"),
      "/de/novini/x/",
      "/bg/aktualnosci/x/", // the Polish word under /bg/
      "/bg/novini/x",
    ]) {
      expect(contentPageAt(path), path).toBeNull();
    }
  });
});
