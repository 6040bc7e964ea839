// Word splitting shared by indexing, querying and highlighting.

export type Token = {
  /** The word exactly as it appears in the input. */
  raw: string;
  /** Offset of the first UTF-16 code unit, so `text.slice(start, end) === raw`. */
  start: number;
  /** Offset just past the last UTF-16 code unit. */
  end: number;
};

// A word is a letter or digit followed by letters, digits and combining marks
// (marks are kept so that decomposed input such as "n" + U+0301 stays one
// word). Everything else separates words, including hyphens and apostrophes:
// "Бургас-Варна" and "Gdańsk'a" give two words each, which matches what
// SQLite's unicode61 tokenizer does with the same text. A mark without a base
// is dropped with the separators.
// One global regex with the `u` flag walks the text in a single pass; lone
// surrogates are not letters, so they are skipped instead of throwing.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * The words of `text` from offset `from` on, one at a time: a caller that needs only the
 * first few (a search snippet) does not split the whole text. `from` must not fall
 * inside a word.
 */
export function* words(text: string, from = 0): Generator<Token> {
  const re = new RegExp(WORD.source, "gu");
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield { raw: m[0], start: m.index, end: m.index + m[0].length };
  }
}

// What each UTF-16 code unit is, learned on first sight: 1 starts or continues a word
// (\p{L}, \p{N}), 2 only continues one (\p{M}), 3 separates. Asking the Unicode regex
// for every character was half the cost of indexing an article.
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const SURROGATE = /[\uD800-\uDFFF]/;
const unitClass = new Uint8Array(0x10000);

function classOf(unit: number): number {
  let k = unitClass[unit]!;
  if (k === 0) {
    const ch = String.fromCharCode(unit);
    k = LETTER_OR_DIGIT.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
    unitClass[unit] = k;
  }
  return k;
}

/**
 * Just the words, without offsets: indexing needs no positions, and not making an
 * object (and a match array) per word took a third of the analysis time. Text with
 * characters beyond the BMP (surrogate pairs) takes the regex, which sees code points.
 */
export function wordList(text: string): string[] {
  if (SURROGATE.test(text)) return text.match(WORD) ?? [];
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const k = classOf(text.charCodeAt(i));
    if (start < 0) {
      if (k === 1) start = i;
    } else if (k === 3) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** Splits text into words with their UTF-16 offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    tokens.push({ raw: m[0], start, end: start + m[0].length });
  }
  return tokens;
}
