// Percent-decoding that cannot throw. An editor's picture address is text they typed:
// `![x](%e9.png)` is a Latin-1 "é" escaped, which is not UTF-8, and decodeURI throws a
// URIError on it, which once stopped the whole index from building (issue 19, item 7).

/** `decodeURI(text)`, or `text` as written when it holds an escape that is not UTF-8. */
export function decodeUriLeniently(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    // Taken literally, "%e9.png" still names a file that may exist beside the article;
    // if it does not, the caller reports the picture as missing on its line.
    return text;
  }
}

/** Whether every %-escape in `text` spells UTF-8 (what decodeURI accepts). */
export function isUtf8Escaped(text: string): boolean {
  try {
    decodeURI(text);
    return true;
  } catch {
    return false;
  }
}
