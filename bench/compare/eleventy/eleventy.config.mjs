// A lean Eleventy site over the bench corpus (CORPUS, written to OUT; see
// bench/compare.ts): article pages in one layout and the news listing, 20 per page.
import path from "node:path";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";

// Eleventy takes the layouts' folder relative to the input folder.
const includes = path.relative(process.env.CORPUS, fileURLToPath(new URL("./_includes", import.meta.url)));
const listing = `<h1>Новини</h1>
<ul>{% for p in pagination.items %}<li><h2><a href="{{ p.url }}">{{ p.data.title }}</a></h2><p>{{ p.date.toDateString() }}</p></li>{% endfor %}</ul>
<nav aria-label="Страници">{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">←</a>{% endif %} {{ pagination.pageNumber + 1 }} {% if pagination.href.next %}<a href="{{ pagination.href.next }}">→</a>{% endif %}</nav>`;

export default function (config) {
  // The corpus is git-ignored in this repository, which Eleventy would honour.
  config.setUseGitIgnore(false);
  config.addGlobalData("layout", "article.njk");
  config.addTemplate("news.njk", listing, {
    layout: "base.njk",
    title: "Новини",
    pagination: { data: "collections.all", size: 20, reverse: true },
    permalink: "/news/{% if pagination.pageNumber > 0 %}{{ pagination.pageNumber + 1 }}/{% endif %}",
    eleventyExcludeFromCollections: true,
  });
  return {
    dir: { input: process.env.CORPUS, includes, output: process.env.OUT },
    markdownTemplateEngine: false,
  };
}
