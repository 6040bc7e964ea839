// Search-result snippets. Output is a list of plain-text segments rather than
// HTML, so the template escapes every piece itself and no `| safe` is needed.

import type { Lang } from "./analyze.js";
import { analyzeTerm, normalizeWord } from "./analyze.js";
import type { Token } from "./tokenize.js";
import { tokenize } from "./tokenize.js";

export type Segment = { text: string; mark: boolean };

const ELLIPSIS = "…";
// How much text before the first hit is shown, so it does not open the snippet.
const LEAD = 40;
const SPACE = /\s/;

function matcher(terms: string[][], prefix: string | null, lang: Lang): (t: Token) => boolean {
  const wanted = new Set(terms.flat());
  return (token) => {
    if (prefix !== null && normalizeWord(token.raw).startsWith(prefix)) return true;
    return analyzeTerm(token.raw, lang).some((term) => wanted.has(term));
  };
}

/** First index in [from, limit] just after a run of whitespace, else `limit`. */
function startAfterSpace(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !SPACE.test(text[i] as string)) i++;
  while (i < limit && SPACE.test(text[i] as string)) i++;
  return i;
}

/** Last whitespace index in [min, to), else `to` moved off a surrogate pair. */
function endAtSpace(text: string, min: number, to: number): number {
  for (let i = to; i > min; i--) if (SPACE.test(text[i] as string)) return i;
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}

function plain(text: string): string {
  return text.replace(/\s+/g, " ");
}

function push(out: Segment[], text: string, mark: boolean): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (!mark && last !== undefined && !last.mark) last.text += text;
  else out.push({ text, mark });
}

/** The part of `text` around the first hit, with the hits marked. */
export function highlight(
  text: string,
  terms: string[][],
  prefix: string | null,
  lang: Lang,
  maxChars = 240,
): Segment[] {
  const tokens = tokenize(text);
  const isHit = matcher(terms, prefix, lang);
  const first = tokens.find(isHit);

  if (first === undefined) {
    if (text.length <= maxChars) return [{ text: plain(text).trim(), mark: false }];
    const end = endAtSpace(text, 0, maxChars);
    return [{ text: plain(text.slice(0, end)).trim() + ELLIPSIS, mark: false }];
  }

  let start = 0;
  if (first.start > LEAD) start = startAfterSpace(text, first.start - LEAD, first.start);
  let end = text.length;
  if (start + maxChars < text.length) end = endAtSpace(text, first.end, Math.max(start + maxChars, first.end));

  const out: Segment[] = [];
  let pos = start;
  for (const token of tokens) {
    if (token.end <= start) continue;
    if (token.start >= end) break;
    if (token.start < start || token.end > end || !isHit(token)) continue;
    push(out, plain(text.slice(pos, token.start)), false);
    push(out, token.raw, true);
    pos = token.end;
  }
  push(out, plain(text.slice(pos, end)), false);
  trimEnds(out);
  if (start > 0) out.unshift({ text: ELLIPSIS, mark: false });
  if (end < text.length) out.push({ text: ELLIPSIS, mark: false });
  return out;
}

// Whitespace at the window edges would show as a gap next to the ellipsis.
function trimEnds(out: Segment[]): void {
  const head = out[0];
  if (head !== undefined && !head.mark) head.text = head.text.replace(/^\s+/, "");
  const tail = out[out.length - 1];
  if (tail !== undefined && !tail.mark) tail.text = tail.text.replace(/\s+$/, "");
  if (out[0]?.text === "") out.shift();
  if (out[out.length - 1]?.text === "") out.pop();
}
