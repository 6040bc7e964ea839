// src/web/seo/json-ld.ts builds schema.org nodes from the few values of SeoSite, without
// the app: NewsArticle, Event, BreadcrumbList, WebSite and the publishing organization.
import { describe, expect, it } from "vitest";
import type { SeoSite } from "../../../src/web/seo/head-types.js";
import { authorNode, breadcrumbList, pageJsonLd } from "../../../src/web/seo/json-ld.js";

const site: SeoSite = {
  baseUrl: "https://news.example.org",
  timeZones: { bg: "Europe/Sofia", pl: "Europe/Warsaw" },
  assetUrl: (name) => `/assets/${name}`,
  text: (locale, key) => `${key}@${locale}`,
};

const ARTICLE = {
  headline: "Remont",
  published: Date.UTC(2026, 9, 29, 8),
  modified: Date.UTC(2026, 9, 30, 8),
  section: "Gdańsk",
  tags: ["remont", "drogi"],
  author: "Anna Nowak",
};

describe("pageJsonLd", () => {
  it("describes a home page as a WebSite with a SearchAction and its publisher", () => {
    const nodes = pageJsonLd(site, "pl", {
      path: "/pl/",
      url: "https://news.example.org/pl/",
      description: "d",
      image: undefined,
      article: undefined,
      breadcrumbs: undefined,
    });
    expect(nodes.map((n) => n["@type"])).toEqual(["WebSite", "GovernmentOrganization"]);
    expect(nodes[0]).toMatchObject({ name: "site.name@pl", potentialAction: { target: "https://news.example.org/pl/szukaj/?q={search_term_string}" } });
    expect(nodes[1]).toMatchObject({ name: "site.publisher@pl", logo: { url: "https://news.example.org/assets/img/logo.png", width: 512 } });
  });

  it("describes an article as a NewsArticle with local times, a person author and the default image", () => {
    const [node] = pageJsonLd(site, "pl", {
      path: "/pl/aktualnosci/remont/",
      url: "https://news.example.org/pl/aktualnosci/remont/",
      description: "d",
      image: undefined,
      article: ARTICLE,
      breadcrumbs: undefined,
    });
    expect(node).toMatchObject({
      "@type": "NewsArticle",
      headline: "Remont",
      datePublished: "2026-10-29T09:00:00+01:00",
      dateModified: "2026-10-30T09:00:00+01:00",
      author: { "@type": "Person", name: "Anna Nowak" },
      image: ["https://news.example.org/assets/img/og-default.png"],
      keywords: "remont, drogi",
    });
  });

  it("adds an Event for an article's event and a BreadcrumbList below the home page", () => {
    const event = {
      start: Date.UTC(2026, 10, 5, 16),
      end: undefined,
      allDay: false,
      place: "Ratusz",
      address: undefined,
      geo: undefined,
      online: "https://meet.example.org/x",
    };
    const nodes = pageJsonLd(site, "pl", {
      path: "/p/",
      url: "https://news.example.org/p/",
      description: "d",
      image: undefined,
      article: { ...ARTICLE, event },
      breadcrumbs: [
        { name: "Start", url: "/pl/" },
        { name: "Remont", url: "/p/" },
      ],
    });
    expect(nodes.map((n) => n["@type"])).toEqual(["NewsArticle", "Event", "BreadcrumbList"]);
    expect(nodes[1]).toMatchObject({ startDate: "2026-11-05T17:00:00+01:00", eventAttendanceMode: "https://schema.org/MixedEventAttendanceMode" });
  });
});

describe("authorNode and breadcrumbList", () => {
  it("takes a press office for an organization, a short run of capitalised words for a person", () => {
    expect(authorNode("Пресцентър на район Средец")["@type"]).toBe("Organization");
    expect(authorNode("Biuro Prasowe")["@type"]).toBe("Organization");
    expect(authorNode("Иван Петров")["@type"]).toBe("Person");
  });

  it("makes every crumb address absolute", () => {
    expect(
      breadcrumbList("https://x.org", [
        { name: "A", url: "/a/" },
        { name: "B", url: "https://y.org/b/" },
      ]).itemListElement,
    ).toEqual([
      { "@type": "ListItem", position: 1, name: "A", item: "https://x.org/a/" },
      { "@type": "ListItem", position: 2, name: "B", item: "https://y.org/b/" },
    ]);
  });
});
