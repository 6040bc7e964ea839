// Finds markup in a rendered page that a browser would run or load from elsewhere:
// scripts other than our own files and JSON-LD data blocks, event-handler attributes,
// frames and plug-ins, and links or sources with a script-capable URL scheme.

const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const FORBIDDEN_TAGS = new Set(["iframe", "frame", "object", "embed", "applet", "base", "svg", "math", "meta-refresh", "form", "style"]);
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"]);

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&amp;/gi, "&");
}

/** Browsers drop ASCII whitespace and controls inside a scheme ("java\tscript:"). */
function scheme(url: string): string {
  const cleaned = [...decodeEntities(url)]
    .filter((c) => c.charCodeAt(0) > 0x20)
    .join("")
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? "";
}

/** Returns one line per active or foreign piece of markup; [] means the page is inert. */
export function activeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(TAG)) {
    const name = (m[1] ?? "").toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? "").matchAll(ATTR)) {
      attrs.set((a[1] ?? "").toLowerCase(), a[2] ?? a[3] ?? a[4] ?? "");
    }
    if (FORBIDDEN_TAGS.has(name) && !(name === "form" && (attrs.get("action") ?? "").startsWith("/"))) found.push(`<${name}> element`);
    if (name === "meta" && (attrs.get("http-equiv") ?? "").toLowerCase() === "refresh") found.push("<meta http-equiv=refresh>");
    if (name === "script") {
      const own = (attrs.get("src") ?? "").startsWith("/static/");
      const data = attrs.get("type") === "application/ld+json";
      if (!own && !data) found.push(`<script${m[2] ?? ""}>`);
    }
    for (const [attr, value] of attrs) {
      if (attr.startsWith("on")) found.push(`${attr}= on <${name}>`);
      if (URL_ATTRS.has(attr)) {
        const s = scheme(value);
        if (s && !["http", "https", "mailto", "tel"].includes(s)) found.push(`${attr}="${value}" on <${name}>`);
        if ((name === "img" || name === "script") && attr === "src" && !value.startsWith("/")) found.push(`foreign ${name} src="${value}"`);
      }
    }
  }
  // A data block must not be closable from inside: "</script" or "<!--" in JSON-LD ends it early.
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    if (/<\/script|<!--/i.test(m[1] ?? "")) found.push("JSON-LD block contains </script or <!--");
  }
  return found;
}
