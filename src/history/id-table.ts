/**
 * External ids (member numbers, customer codes, …) of any kind, interned:
 * each distinct text gets a number, in order of first sight, and the texts
 * are kept in one growing `Uint16Array` of UTF-16 code units with an
 * open-addressing hash table beside it. Each slot (32 bytes, aligned) holds
 * an id's hash, number, where its text is, and — for ids of up to 8 code
 * units, most member and order numbers — the text itself: a lookup of a
 * short id costs one cache miss, the slot (millions of ids do not fit a
 * cache, so misses are what a lookup costs); a longer one a second, for its
 * characters. A million ids cost about 60 bytes each plus their characters,
 * against some 100 for a `Map` of strings (and a `Map` lookup costs twice
 * the time: measured with 4 million random lookups among a million ids).
 *
 * Most exports number their ids: a fixed prefix and a decimal number
 * (`M123`, `10045`). Those skip the hash table: the prefix of the first such
 * id is the table's, and an id made of that prefix and a number without
 * leading zeros (at most 9 digits, and below `4 × count + 2^20` when it is
 * first seen, so a sparse range cannot blow memory) is looked up straight in
 * an `Int32Array` by its number — 4 bytes a number, no hashing, and a
 * lookup touches one word. Every other id goes through the hash table. Which
 * way an id goes depends on its text alone, except that a numbered id past
 * the bound goes to the hash table; lookups of numbers from the smallest
 * such one up try both (see `spill`).
 *
 * @module
 */
import { grown } from "../util/grow.js";

/** Interned ids: number k's text is `chars[start[k] .. start[k+1])`. */
export interface IdTable {
  /** Ids interned. */
  count: number;
  chars: Uint16Array;
  /** Offsets into `chars`, `count + 1` of them. */
  start: Int32Array;
  /**
   * Slots of eight words: an id's hash, its number + 1 (0: an empty slot),
   * its text's start and length, and up to 8 of its code units packed two
   * to a word (ids of up to 8 units are compared there). Slots are a power
   * of two. After {@link compactIdTable}: slots of two words, hash and
   * number + 1 (texts compared in `chars`), and no more ids may be added.
   */
  table: Int32Array;
  /** Words per slot: 8 while ids are added, 2 once compacted. */
  slot: number;
  /** The prefix of numbered ids (`"M"` for `M123`): that of the first id ending in a number; undefined before. */
  prefix: string | undefined;
  /** Numbered ids: their number → their id number + 1 (0: none). */
  direct: Int32Array;
  /** The smallest number of a numbered id kept in the hash table (its number was past the bound); Infinity if none. */
  spill: number;
  /** Ids in the hash table (the others are numbered ids in `direct`). */
  hashed: number;
}

/** Digits of a numbered id's number, at most (below 2^31, and no per-id overflow checks). */
const MAX_DIGITS = 9;

/**
 * The number in `text[from .. n)` (n: its end by default): decimal digits
 * without a leading zero ("0" itself is 0), at most {@link MAX_DIGITS}; -1
 * when the rest is anything else.
 */
export function numberAfter(text: string, from: number, n = text.length): number {
  if (n === from || n - from > MAX_DIGITS) return -1;
  let c = text.charCodeAt(from) - 48;
  if (c < 0 || c > 9 || (c === 0 && n - from > 1)) return -1;
  let v = c;
  for (let i = from + 1; i < n; i++) {
    c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The number of a numbered id (the table's prefix, then a number), or -1. */
function directNumber(t: IdTable, text: string): number {
  const prefix = t.prefix;
  if (prefix === undefined || !text.startsWith(prefix)) return -1;
  return numberAfter(text, prefix.length);
}

/**
 * The length of the prefix before the number `text` ends with — its whole
 * run of trailing digits, without a leading zero, at most 9 digits — or -1
 * (zero-padded numbers, `M0012`, name no prefix).
 */
export function numberedPrefix(text: string): number {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i -= 1;
  }
  return numberAfter(text, i) >= 0 ? i : -1;
}

/** Whether a numbered id's number may go in `direct` when `count` ids are interned: within 4 × count + 2^20. */
function directAllowed(n: number, count: number): boolean {
  return n < 4 * count + (1 << 20);
}

/** An empty table with room for about `capacity` ids. */
export function createIdTable(capacity = 16): IdTable {
  const n = Math.max(16, capacity);
  let slots = 32;
  while (slots < n * 2) slots *= 2;
  return {
    count: 0,
    chars: new Uint16Array(n * 8),
    start: new Int32Array(n + 1),
    table: new Int32Array(slots * SLOT),
    slot: SLOT,
    prefix: undefined,
    direct: new Int32Array(0),
    spill: Infinity,
    hashed: 0,
  };
}

/** FNV-1a over the code units, finished by murmur3's mixer. */
export function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Words per slot. */
const SLOT = 8;

/** Code units i and i + 1 of a text of length n, packed in one word (0 past the end). */
function pair(text: string, i: number, n: number): number {
  return (i < n ? text.charCodeAt(i) : 0) | ((i + 1 < n ? text.charCodeAt(i + 1) : 0) << 16);
}

/** The slot (an index into `table`, a multiple of SLOT) holding `text`, or the empty slot where it would go. */
function slotOf(t: IdTable, text: string, h: number): number {
  const table = t.table;
  const mask = table.length - SLOT;
  const n = text.length;
  if (n <= 8) {
    const w0 = pair(text, 0, n);
    const w1 = pair(text, 2, n);
    const w2 = pair(text, 4, n);
    const w3 = pair(text, 6, n);
    for (let at = (h << 3) & mask; ; at = (at + SLOT) & mask) {
      if (table[at + 1] === 0) return at;
      if (table[at] === h && table[at + 3] === n && table[at + 4] === w0 && table[at + 5] === w1 && table[at + 6] === w2 && table[at + 7] === w3) return at;
    }
  }
  const chars = t.chars;
  probe: for (let at = (h << 3) & mask; ; at = (at + SLOT) & mask) {
    if (table[at + 1] === 0) return at;
    if (table[at] !== h || table[at + 3] !== n) continue;
    const from = table[at + 2]!;
    for (let i = 0; i < n; i++) if (chars[from + i] !== text.charCodeAt(i)) continue probe;
    return at;
  }
}

/** The number of `text`, or -1 if it was never interned. */
export function findId(t: IdTable, text: string): number {
  const d = directNumber(t, text);
  if (d >= 0) {
    const e = d < t.direct.length ? t.direct[d]! : 0;
    if (e !== 0) return e - 1;
    if (d < t.spill) return -1;
  }
  const h = hashText(text);
  if (t.slot === SLOT) return t.table[slotOf(t, text, h) + 1]! - 1;
  // Compacted: two words a slot, texts compared in the pool.
  const table = t.table;
  const mask = table.length - 2;
  probe: for (let at = (h << 1) & mask; ; at = (at + 2) & mask) {
    const e = table[at + 1]!;
    if (e === 0) return -1;
    if (table[at] !== h) continue;
    const from = t.start[e - 1]!;
    if (t.start[e]! - from !== text.length) continue;
    for (let i = 0; i < text.length; i++) if (t.chars[from + i] !== text.charCodeAt(i)) continue probe;
    return e - 1;
  }
}

/**
 * The number of the id `prefix` + `n` (a number without leading zeros, as
 * {@link numberAfter} reads), or -1: as `findId(t, prefix + n)`, without the
 * text when `prefix` is the table's. A prefix never ends in a digit (it is
 * what comes before a whole run of them), so a text of another prefix is
 * never one of the table's numbered ids.
 */
export function findNumberedId(t: IdTable, prefix: string, n: number): number {
  if (t.prefix === prefix) {
    const e = n < t.direct.length ? t.direct[n]! : 0;
    if (e !== 0) return e - 1;
    if (n < t.spill) return -1;
  }
  return findId(t, prefix + n);
}

/**
 * Shrinks a table whose ids are all in: its texts to their exact size, its
 * slots to two words (hash, number) at most three quarters full — about 20
 * bytes an id plus its characters, for lookups that are no longer hot
 * (reading a paid file, naming members in results). No id can be added after.
 */
export function compactIdTable(t: IdTable): void {
  if (t.slot !== SLOT) return;
  let slots = 16;
  while (slots * 3 < t.hashed * 4) slots *= 2;
  const table = new Int32Array(slots * 2);
  const mask = table.length - 2;
  const old = t.table;
  for (let s = 0; s < old.length; s += SLOT) {
    const e = old[s + 1]!;
    if (e === 0) continue;
    let at = (old[s]! << 1) & mask;
    while (table[at + 1] !== 0) at = (at + 2) & mask;
    table[at] = old[s]!;
    table[at + 1] = e;
  }
  t.table = table;
  t.slot = 2;
  t.chars = t.chars.slice(0, t.start[t.count]!);
  t.start = t.start.slice(0, t.count + 1);
  let top = t.direct.length;
  while (top > 0 && t.direct[top - 1] === 0) top -= 1;
  if (top < t.direct.length) t.direct = t.direct.slice(0, top);
}

/**
 * Interns `text`: returns its new number (`count − 1` after the call), or
 * `-1 − k` if it was already interned as number k (a duplicate).
 *
 * @example
 * const t = createIdTable();
 * internId(t, "m1") // => 0
 * internId(t, "m2") // => 1
 * internId(t, "m1") // => -1 (a duplicate of number 0)
 */
export function internId(t: IdTable, text: string): number {
  if (t.slot !== SLOT) throw new RangeError("downline/history: an id table is compacted: no id can be added");
  if (t.prefix === undefined) {
    const p = numberedPrefix(text);
    if (p >= 0) t.prefix = text.slice(0, p);
  }
  const d = directNumber(t, text);
  if (d >= 0) {
    const e = d < t.direct.length ? t.direct[d]! : 0;
    if (e !== 0) return -e;
    // From `spill` up, a numbered id may sit in the hash table.
    if (d >= t.spill) {
      const hashedAs = t.table[slotOf(t, text, hashText(text)) + 1]!;
      if (hashedAs !== 0) return -hashedAs;
    }
    if (d < t.direct.length || directAllowed(d, t.count)) {
      if (d >= t.direct.length) t.direct = grown(t.direct, Math.min(4 * t.count + (1 << 20), Math.max(d + 1, Math.ceil(t.direct.length * 1.5) + 1024)));
      const k = appendText(t, text);
      t.direct[d] = k + 1;
      return k;
    }
    if (d < t.spill) t.spill = d;
  }
  const h = hashText(text);
  const at = slotOf(t, text, h);
  const e = t.table[at + 1]!;
  if (e !== 0) return -e;
  const k = appendText(t, text);
  t.hashed += 1;
  const n = text.length;
  t.table[at] = h;
  t.table[at + 1] = k + 1;
  t.table[at + 2] = t.start[k]!;
  t.table[at + 3] = n;
  if (n <= 8) {
    t.table[at + 4] = pair(text, 0, n);
    t.table[at + 5] = pair(text, 2, n);
    t.table[at + 6] = pair(text, 4, n);
    t.table[at + 7] = pair(text, 6, n);
  }
  // At most two thirds full: probes stay within a cache line or two.
  if (t.hashed * 3 * SLOT > t.table.length * 2) rehash(t);
  return k;
}

/** Appends `text` as the next id's; returns its number. */
function appendText(t: IdTable, text: string): number {
  const k = t.count;
  if (k + 1 >= t.start.length) t.start = grown(t.start, Math.ceil(t.start.length * 1.5) + 16);
  const from = t.start[k]!;
  if (from + text.length > t.chars.length) t.chars = grown(t.chars, Math.ceil((from + text.length) * 1.5) + 64);
  for (let i = 0; i < text.length; i++) t.chars[from + i] = text.charCodeAt(i);
  t.start[k + 1] = from + text.length;
  t.count = k + 1;
  return k;
}

function rehash(t: IdTable): void {
  const old = t.table;
  const table = new Int32Array(old.length * 2);
  const mask = table.length - SLOT;
  for (let s = 0; s < old.length; s += SLOT) {
    if (old[s + 1] === 0) continue;
    let at = (old[s]! << 3) & mask;
    while (table[at + 1] !== 0) at = (at + SLOT) & mask;
    for (let w = 0; w < SLOT; w++) table[at + w] = old[s + w]!;
  }
  t.table = table;
}

/** The text of id number k. */
export function idText(t: IdTable, k: number): string {
  const from = t.start[k]!;
  const to = t.start[k + 1]!;
  // In pieces: String.fromCharCode takes its arguments on the stack.
  let s = "";
  for (let i = from; i < to; i += 4096) s += String.fromCharCode(...t.chars.subarray(i, Math.min(to, i + 4096)));
  return s;
}

/**
 * A set of order ids, for finding repeated ones without keeping them.
 * Numbered ids (a prefix and a number, as in an {@link IdTable}) are bits
 * in a bitset by number (up to 32 × count + 2^23 bits: 4 bytes an id plus a
 * megabyte); the others are kept as 64-bit fingerprints (two independent
 * 32-bit hashes, 8 bytes a slot): two different texts are taken for one
 * with a chance of about n²/2^65 for n texts (4·10⁻⁷ for four million).
 */
export interface FingerprintSet {
  count: number;
  /** Slots of two words (the hashes; both 0: empty, a text hashing to (0, 0) is stored as (0, 1)). */
  table: Int32Array;
  /** Fingerprints in `table`. */
  hashed: number;
  /** The prefix of numbered ids; undefined before the first. */
  prefix: string | undefined;
  /** Numbered ids seen: bit n of word n >> 5. */
  bits: Int32Array;
  /** The smallest number of a numbered id kept as a fingerprint (past the bound); Infinity if none. */
  spill: number;
}

/** An empty fingerprint set. */
export function createFingerprintSet(): FingerprintSet {
  return { count: 0, table: new Int32Array(2048), hashed: 0, prefix: undefined, bits: new Int32Array(0), spill: Infinity };
}

function secondHash(text: string): number {
  let h = 0x9e3779b9 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2d);
  return h ^ (h >>> 15);
}

/** Adds `text`; false if it was there already (a repeat: for a fingerprint, as far as 64 bits tell). */
export function addFingerprint(s: FingerprintSet, text: string): boolean {
  if (s.prefix === undefined) {
    const p = numberedPrefix(text);
    if (p >= 0) s.prefix = text.slice(0, p);
  }
  const d = s.prefix !== undefined && text.startsWith(s.prefix) ? numberAfter(text, s.prefix.length) : -1;
  if (d >= 0) {
    const added = addNumber(s, d, text);
    if (added !== undefined) return added;
  }
  if (!fingerprint(s, text, true)) return false;
  s.count += 1;
  return true;
}

/**
 * As `addFingerprint(s, prefix + n)` for a number `n` without leading zeros,
 * without the text when `prefix` is the set's (see {@link findNumberedId}).
 */
export function addNumberedFingerprint(s: FingerprintSet, prefix: string, n: number): boolean {
  if (s.prefix === prefix) {
    const added = addNumber(s, n, undefined);
    if (added !== undefined) return added;
  }
  return addFingerprint(s, prefix + n);
}

/**
 * Adds the numbered id `d` (its text: `text`, or the set's prefix and `d`)
 * as a bit; undefined when its number is past the bound (the caller keeps
 * its fingerprint).
 */
function addNumber(s: FingerprintSet, d: number, text: string | undefined): boolean | undefined {
  const w = d >>> 5;
  const bit = 1 << (d & 31);
  if (w < s.bits.length && (s.bits[w]! & bit) !== 0) return false;
  // From `spill` up, a numbered id may be a fingerprint.
  if (d >= s.spill && !fingerprint(s, text ?? s.prefix! + d, false)) return false;
  if (w < s.bits.length || d < 32 * s.count + (1 << 23)) {
    if (w >= s.bits.length) s.bits = grown(s.bits, Math.max(w + 1, Math.ceil(s.bits.length * 1.5) + 256));
    s.bits[w]! |= bit;
    s.count += 1;
    return true;
  }
  if (d < s.spill) s.spill = d;
  return undefined;
}

/** Whether `text`'s fingerprint is new; added if `add`. */
function fingerprint(s: FingerprintSet, text: string, add: boolean): boolean {
  const a = hashText(text);
  let b = secondHash(text);
  if (a === 0 && b === 0) b = 1;
  const table = s.table;
  const mask = table.length - 2;
  let at = (a << 1) & mask;
  for (; ; at = (at + 2) & mask) {
    const x = table[at]!;
    const y = table[at + 1]!;
    if (x === 0 && y === 0) break;
    if (x === a && y === b) return false;
  }
  if (!add) return true;
  table[at] = a;
  table[at + 1] = b;
  s.hashed += 1;
  if (s.hashed * 3 > table.length) {
    // Past two thirds full: twice the slots.
    const bigger = new Int32Array(table.length * 2);
    const m = bigger.length - 2;
    for (let i = 0; i < table.length; i += 2) {
      const x = table[i]!;
      const y = table[i + 1]!;
      if (x === 0 && y === 0) continue;
      let j = (x << 1) & m;
      while (bigger[j] !== 0 || bigger[j + 1] !== 0) j = (j + 2) & m;
      bigger[j] = x;
      bigger[j + 1] = y;
    }
    s.table = bigger;
  }
  return true;
}
