/**
 * External ids (member numbers, customer codes, …) of any kind, interned:
 * each distinct text gets a number, in order of first sight, and the texts
 * are kept in one growing `Uint16Array` of UTF-16 code units with an
 * open-addressing hash table beside it. Each slot holds an id's hash,
 * number, and where its text is, side by side: a lookup costs one cache miss
 * for the slot and one for the characters (millions of ids do not fit a
 * cache, so misses are what a lookup costs). A million ids cost about 36
 * bytes each plus their characters, against some 100 for a `Map` of strings:
 * the importer's memory stays within about twice the typed arrays it builds.
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
  /** Slots of four words: an id's hash, its number + 1 (0: an empty slot), its text's start and length. Slots are a power of two. */
  table: Int32Array;
}

/** An empty table with room for about `capacity` ids. */
export function createIdTable(capacity = 16): IdTable {
  const n = Math.max(16, capacity);
  let slots = 32;
  while (slots < n * 2) slots *= 2;
  return { count: 0, chars: new Uint16Array(n * 8), start: new Int32Array(n + 1), table: new Int32Array(slots * 4) };
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

/** The slot (an index into `table`, a multiple of 4) holding `text`, or the empty slot where it would go. */
function slotOf(t: IdTable, text: string, h: number): number {
  const table = t.table;
  const chars = t.chars;
  const mask = table.length - 4;
  const n = text.length;
  probe: for (let at = (h << 2) & mask; ; at = (at + 4) & mask) {
    if (table[at + 1] === 0) return at;
    if (table[at] !== h || table[at + 3] !== n) continue;
    const from = table[at + 2]!;
    for (let i = 0; i < n; i++) if (chars[from + i] !== text.charCodeAt(i)) continue probe;
    return at;
  }
}

/** The number of `text`, or -1 if it was never interned. */
export function findId(t: IdTable, text: string): number {
  return t.table[slotOf(t, text, hashText(text)) + 1]! - 1;
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
  const h = hashText(text);
  const at = slotOf(t, text, h);
  const e = t.table[at + 1]!;
  if (e !== 0) return -e;
  const k = t.count;
  if (k + 1 >= t.start.length) t.start = grown(t.start, Math.ceil(t.start.length * 1.5) + 16);
  const from = t.start[k]!;
  if (from + text.length > t.chars.length) t.chars = grown(t.chars, Math.ceil((from + text.length) * 1.5) + 64);
  for (let i = 0; i < text.length; i++) t.chars[from + i] = text.charCodeAt(i);
  t.start[k + 1] = from + text.length;
  t.count = k + 1;
  t.table[at] = h;
  t.table[at + 1] = k + 1;
  t.table[at + 2] = from;
  t.table[at + 3] = text.length;
  // At most half full: probes stay short.
  if ((k + 1) * 8 > t.table.length) rehash(t);
  return k;
}

function rehash(t: IdTable): void {
  const old = t.table;
  const table = new Int32Array(old.length * 2);
  const mask = table.length - 4;
  for (let s = 0; s < old.length; s += 4) {
    if (old[s + 1] === 0) continue;
    const h = old[s]!;
    let at = (h << 2) & mask;
    while (table[at + 1] !== 0) at = (at + 4) & mask;
    table[at] = h;
    table[at + 1] = old[s + 1]!;
    table[at + 2] = old[s + 2]!;
    table[at + 3] = old[s + 3]!;
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
 * A set of 64-bit fingerprints of texts (two independent 32-bit hashes), for
 * finding repeated order ids without keeping them: 8 bytes a slot. Two
 * different texts are taken for one with a chance of about n²/2^65 for n
 * texts (4·10⁻⁷ for four million).
 */
export interface FingerprintSet {
  count: number;
  /** Slots of two words (the hashes; both 0: empty, a text hashing to (0, 0) is stored as (0, 1)). */
  table: Int32Array;
}

/** An empty fingerprint set. */
export function createFingerprintSet(): FingerprintSet {
  return { count: 0, table: new Int32Array(2048) };
}

function secondHash(text: string): number {
  let h = 0x9e3779b9 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2d);
  return h ^ (h >>> 15);
}

/** Adds `text`'s fingerprint; false if it was there already (a repeat, as far as 64 bits tell). */
export function addFingerprint(s: FingerprintSet, text: string): boolean {
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
  table[at] = a;
  table[at + 1] = b;
  s.count += 1;
  if (s.count * 3 > table.length) {
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
