// Line endings as editors' programs save them: LF (Linux, macOS), CRLF (Windows), CR
// (old Mac editors). YAML and gray-matter split on "\n" only, so a CRLF file kept a
// "\r" on its last front-matter value ("k1\r": a refused slug or translationKey) and a
// CR file had no front matter at all (issue 19, item 14). Content is read with "\n"
// only, once, where it is parsed; line numbers stay those the editor sees.

/** `text` with every CRLF and lone CR turned into LF. */
export function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
