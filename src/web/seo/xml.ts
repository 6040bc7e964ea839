// Small helpers for the XML we write by hand (sitemaps, feeds): escaping and CDATA.
// XML 1.0 §2.2 forbids most control characters; §2.4: "<" and "&" must be escaped.

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(s: string): string {
  return s.replace(NOT_XML_CHAR, "").replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CDATA section; "]]>" cannot occur inside one, so it is split across two sections. */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(NOT_XML_CHAR, "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** One element with escaped text, or nothing when the value is missing. */
export function el(name: string, value: string | undefined | null): string {
  return value === undefined || value === null ? "" : `<${name}>${xmlEscape(value)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
