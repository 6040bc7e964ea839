// Search-result snippets. Output is a list of plain-text segments rather than
// HTML, so the template escapes every piece itself and no `| safe` is needed.

import type { Lang } from "./analyze.js";
import { analyzeTerm, normalizeWord } from "./analyze.js";
import type { Token } from "./tokenize.js";
import { words } from "./tokenize.js";

export type Segment = { text: string; mark: boolean };

const ELLIPSIS = "…";
// How much text before the first hit is shown, so it does not open the snippet.
const LEAD = 40;
const SPACE = /\s/;

// Folding and stemming are most of a snippet's cost, and the words of the articles
// repeat from one result page to the next, so each word's analysis is kept (bounded by
// clearing, as in analyzeText).
const MEMO_LIMIT = 50_000;
const memo: Record<Lang, Map<string, { folded: string; terms: string[] }>> = { bg: new Map(), pl: new Map() };

function analysed(raw: string, lang: Lang): { folded: string; terms: string[] } {
  const cache = memo[lang];
  let entry = cache.get(raw);
  if (entry === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    entry = { folded: normalizeWord(raw), terms: analyzeTerm(raw, lang) };
    cache.set(raw, entry);
  }
  return entry;
}

function matcher(terms: string[][], prefix: string | null, lang: Lang): (t: Token) => boolean {
  const wanted = new Set(terms.flat());
  return (token) => {
    const { folded, terms: own } = analysed(token.raw, lang);
    return (prefix !== null && folded.startsWith(prefix)) || own.some((term) => wanted.has(term));
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
export function highlight(text: string, terms: string[][], prefix: string | null, lang: Lang, maxChars = 240): Segment[] {
  const isHit = matcher(terms, prefix, lang);
  let first: Token | undefined;
  for (const token of words(text)) {
    if (isHit(token)) {
      first = token;
      break;
    }
  }

  if (first === undefined) {
    if (text.length <= maxChars) return [{ text: plain(text).trim(), mark: false }];
    const end = endAtSpace(text, 0, maxChars);
    return [{ text: plain(text.slice(0, end)).trim() + ELLIPSIS, mark: false }];
  }

  let start = 0;
  // Text that fits is shown whole (a title, a short block): cutting its start only hid
  // what it is about.
  if (text.length > maxChars && first.start > LEAD) start = startAfterSpace(text, first.start - LEAD, first.start);
  let end = text.length;
  if (start + maxChars < text.length) end = endAtSpace(text, first.end, Math.max(start + maxChars, first.end));

  const out: Segment[] = [];
  let pos = start;
  // `start` is 0, a word's start or just after whitespace: never inside a word.
  for (const token of words(text, start)) {
    if (token.start >= end) break;
    if (token.end > end || !isHit(token)) continue;
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

/** A passage's worth as a snippet: how many query words it holds, then how many hits. */
function passageScore(passage: string, terms: string[][], prefix: string | null, lang: Lang): [number, number] {
  const groups = new Set<number>();
  let hits = 0;
  for (const token of words(passage)) {
    const { folded, terms: own } = analysed(token.raw, lang);
    let hit = false;
    terms.forEach((alternatives, i) => {
      const last = i === terms.length - 1;
      if (own.some((t) => alternatives.includes(t)) || (last && prefix !== null && folded.startsWith(prefix))) {
        groups.add(i);
        hit = true;
      }
    });
    if (hit) hits++;
  }
  return [groups.size, hits];
}

// A heading (a short block without closing punctuation) is shown with the block after it,
// set apart by a dash, so "Kto bierze udział" never reads as the start of the next sentence.
const HEADING_MAX = 100;
const CLOSED = /[.!?…:;"”“»)]$/u;
const isHeading = (block: string): boolean => block.length <= HEADING_MAX && !CLOSED.test(block);

/**
 * A search result's snippet (issue 21): the block (paragraph, heading, list item) of the
 * summary or body that holds the most query words, then the most hits, the earlier on a
 * tie, cut to `maxChars` around its first hit with every hit marked. The summary is not
 * put before the body (it is usually the body's first paragraph, which made snippets say
 * the same thing twice); without any hit, the summary (else the body) opens the snippet.
 */
export function snippet(summary: string, body: string, terms: string[][], prefix: string | null, lang: Lang, maxChars = 280): Segment[] {
  const blocks = body
    .split("\n")
    .map((b) => b.trim())
    .filter((b) => b !== "");
  const candidates = summary.trim() !== "" && !blocks.includes(summary.trim()) ? [summary.trim(), ...blocks] : blocks;
  let best = -1;
  let bestScore: [number, number] = [0, 0];
  candidates.forEach((block, i) => {
    const score = passageScore(block, terms, prefix, lang);
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = i;
      bestScore = score;
    }
  });
  if (best < 0) return highlight(summary.trim() || (blocks[0] ?? ""), terms, prefix, lang, maxChars);
  const block = candidates[best]!;
  const next = candidates[best + 1];
  const text = isHeading(block) && next !== undefined ? `${block} — ${next}` : block;
  return highlight(text, terms, prefix, lang, maxChars);
}
