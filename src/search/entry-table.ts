// The entries of a Hunspell .dic file, looked up by folded word without making a string or
// a Map entry per entry: an open-addressing hash table of offsets into the file
// text. A Map of the 213,000 Polish entries with flags took 0.4–0.8 s to build and 21 MB
// to keep on the shared machine; this takes a pass over the text and two typed arrays.
// Load time matters: every thread that indexes or searches loads the dictionary once.

import { fold } from "./fold.js";

// fold() of each code unit, learned on first sight: the file is hashed and compared as if
// folded, without making a folded copy (a replace over the 4.5 MB Polish file took longer
// than the rest of the load). A letter whose fold is not one code unit (ß -> ss) is marked
// MANY, and the few entries holding one are kept apart, folded whole.
// test/search/lemmatize.test.ts checks that every entry is found under its fold().
const MANY = 0xffff;
const folded = new Uint16Array(0x10000);

function foldCode(c: number): number {
  let out = folded[c]!;
  if (out === 0) {
    const f = fold(String.fromCharCode(c));
    out = f.length === 1 ? f.charCodeAt(0) : MANY;
    folded[c] = out;
  }
  return out;
}

export class EntryTable {
  // Set once, by steps().
  #text = "";
  /** Per entry: where its word starts, where its "/" is, where its flags end. */
  #start = new Int32Array(0);
  #slash = new Int32Array(0);
  #flagsEnd = new Int32Array(0);
  /** Hash slots holding entry number + 1 (0: empty); the size is a power of two. */
  #slots = new Int32Array(1);
  /** Entries with a letter that folds to several (see MANY): folded word -> flags. */
  readonly #apart = new Map<string, string>();

  /**
   * Reads the entries that have flags (an entry without any is never a rule's base); an
   * empty table without text, for steps() to fill.
   */
  constructor(dicText?: string) {
    if (dicText === undefined) return;
    const steps = EntryTable.steps(dicText, this);
    while (!steps.next().done);
  }

  /**
   * The construction in steps of about `chunk` entries, so that a dictionary can be loaded
   * between requests (lemmatize.ts warmDictionaries): fills `into`, an empty table.
   */
  static *steps(dicText: string, into: EntryTable, chunk = Infinity): Generator<void, EntryTable> {
    const text = dicText;
    into.#text = text;
    const start: number[] = [];
    const slash: number[] = [];
    const flagsEnd: number[] = [];
    let since = 0;
    // The first line is the entry count.
    for (let s = text.indexOf("\n") + 1; s > 0 && s < text.length;) {
      if (++since >= chunk) {
        since = 0;
        yield;
      }
      let end = text.indexOf("\n", s);
      if (end < 0) end = text.length;
      let i = s;
      let many = false;
      for (let c = text.charCodeAt(i); i < end && c !== 47; c = text.charCodeAt(++i)) {
        if (c > 127 && foldCode(c) === MANY) many = true;
      }
      if (i > s && i < end) {
        let f = i + 1;
        while (f < end && text.charCodeAt(f) > 32) f++;
        if (many) {
          const word = fold(text.slice(s, i));
          into.#apart.set(word, (into.#apart.get(word) ?? "") + text.slice(i + 1, f));
          s = end + 1;
          continue;
        }
        start.push(s);
        slash.push(i);
        flagsEnd.push(f);
      }
      s = end + 1;
    }
    into.#start = Int32Array.from(start);
    into.#slash = Int32Array.from(slash);
    into.#flagsEnd = Int32Array.from(flagsEnd);
    let size = 1;
    while (size < start.length * 2) size *= 2;
    into.#slots = new Int32Array(size);
    const mask = size - 1;
    for (let e = 0; e < start.length; e++) {
      if (++since >= chunk) {
        since = 0;
        yield;
      }
      let slot = into.#hashRange(start[e]!, slash[e]!) & mask;
      while (into.#slots[slot] !== 0) slot = (slot + 1) & mask;
      into.#slots[slot] = e + 1;
    }
    return into;
  }

  get size(): number {
    return this.#start.length + this.#apart.size;
  }

  // FNV-1a over the folded code units.
  #hashRange(from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ foldCode(this.#text.charCodeAt(i)), 0x01000193);
    return h >>> 0;
  }

  static #hash(word: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  #equals(entry: number, word: string): boolean {
    const from = this.#start[entry]!;
    if (this.#slash[entry]! - from !== word.length) return false;
    for (let i = 0; i < word.length; i++) {
      if (foldCode(this.#text.charCodeAt(from + i)) !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  #hasFlag(entry: number, flag: number): boolean {
    for (let i = this.#slash[entry]! + 1; i < this.#flagsEnd[entry]!; i++) {
      if (this.#text.charCodeAt(i) === flag) return true;
    }
    return false;
  }

  /**
   * Whether a folded, lower-case `word` is an entry (with flags), and with `flag` among
   * its flags if one is given. Entries that fold alike (łaska, laska) all count.
   */
  has(word: string, flag?: string): boolean {
    const apart = this.#apart.get(word);
    if (apart !== undefined && (flag === undefined || apart.includes(flag))) return true;
    const mask = this.#slots.length - 1;
    const code = flag?.charCodeAt(0);
    for (let slot = EntryTable.#hash(word) & mask; this.#slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]! - 1;
      if (this.#equals(entry, word) && (code === undefined || this.#hasFlag(entry, code))) return true;
    }
    return false;
  }
}
