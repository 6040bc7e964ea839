// The `jsonLd` filter: our own structured data, serialised for a
// <script type="application/ld+json"> data block. The HTML parser ends a script at
// "</script" and treats "<!--" specially (HTML §4.12.1.3), so every "<" becomes the JSON
// escape \u003c; ">" and "&" go too, and U+2028/2029 for older JavaScript parsers.
import nunjucks from "nunjucks";

const UNSAFE: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

export function jsonLdText(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c);
}

export function jsonLd(value: unknown): nunjucks.runtime.SafeString {
  return new nunjucks.runtime.SafeString(jsonLdText(value));
}
