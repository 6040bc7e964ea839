// src/content/cross-check.ts: the rules across files — the district exists, one address
// per article (the earliest keeps it, later ones get their date), aliases and translation
// keys unique — and which articles may be served.
import { describe, expect, it } from "vitest";
import { crossCheck, type ArticleKey } from "../../src/content/cross-check.js";
import { urls } from "../../src/site/urls.js";

const DAY = 86_400_000;
const key = (file: string, over: Partial<ArticleKey> = {}): ArticleKey => ({ file, lang: "bg", district: "sredets", slug: "grafik", date: Date.UTC(2026, 0, 1), aliases: [], lines: { district: 3, slug: 4, aliases: 5, translationKey: 6 }, ...over });
const dayOf = (a: ArticleKey) => new Date(a.date).toISOString().slice(0, 10);
const check = (articles: ArticleKey[], districts = ["sredets"], broken: string[] = []) => crossCheck(articles, new Set(districts), urls.article, dayOf, new Set(broken));

describe("crossCheck", () => {
  it("keeps an article of a district that does not exist off the site, and says which file to fix", () => {
    const r = check([key("bg/a.md", { district: "nowhere" }), key("bg/b.md", { district: "lozenets", slug: "b" })], ["sredets"], ["lozenets"]);
    expect(r.active.size).toBe(0);
    expect(r.issues.find((i) => i.file === "bg/b.md")?.message).toBe('district "lozenets" is not published: districts/lozenets.yml has errors — fix that file');
    expect(r.issues.find((i) => i.file === "bg/a.md")).toMatchObject({ field: "district", severity: "error" });
  });

  it("gives a shared address to the earliest article and the later one its date", () => {
    const r = check([key("bg/later.md", { date: Date.UTC(2026, 1, 1) }), key("bg/first.md")]);
    expect([...r.active].sort()).toEqual(["bg/first.md", "bg/later.md"]);
    expect(r.slugs.get("bg/first.md")).toBe("grafik");
    expect(r.slugs.get("bg/later.md")).toBe("grafik-2026-02-01");
  });

  it("adds -2 when two later articles share the day too", () => {
    const r = check([key("bg/a.md"), key("bg/b.md", { date: Date.UTC(2026, 1, 1) }), key("bg/c.md", { date: Date.UTC(2026, 1, 1) + DAY / 4 })]);
    expect(r.slugs.get("bg/c.md")).toBe("grafik-2026-02-01-2");
  });

  it("sends an alias to the article that claims it first, and refuses one that is a live address", () => {
    const r = check([key("bg/a.md", { slug: "a", aliases: ["/bg/novini/staro/"] }), key("bg/b.md", { slug: "b", date: Date.UTC(2026, 2, 1), aliases: ["/bg/novini/staro/", "/bg/novini/a/"] })]);
    expect(r.aliases.get("/bg/novini/staro/")).toBe("bg/a.md");
    expect(r.issues.filter((i) => i.file === "bg/b.md").map((i) => i.field)).toEqual(["aliases", "aliases"]);
  });
});
