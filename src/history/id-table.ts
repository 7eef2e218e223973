/**
 * External ids (member numbers, customer codes, …) of any kind, interned:
 * each distinct text gets a number, in order of first sight, and the texts
 * are kept in one growing `Uint16Array` of UTF-16 code units with an
 * open-addressing hash table beside it. A million ids cost about 20 bytes
 * each plus their characters, against some 100 for a `Map` of strings: the
 * importer's memory stays within twice the typed arrays it builds.
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
  /** Each id's hash (compared before its characters). */
  hash: Int32Array;
  /** Open addressing: id number + 1, or 0 for an empty slot. Its length is a power of two. */
  table: Int32Array;
}

/** An empty table with room for about `capacity` ids. */
export function createIdTable(capacity = 16): IdTable {
  const n = Math.max(16, capacity);
  let size = 32;
  while (size < n * 2) size *= 2;
  return { count: 0, chars: new Uint16Array(n * 8), start: new Int32Array(n + 1), hash: new Int32Array(n), table: new Int32Array(size) };
}

/** FNV-1a over the code units, finished by a murmur3 mixer. */
function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameText(t: IdTable, k: number, text: string): boolean {
  const from = t.start[k]!;
  if (t.start[k + 1]! - from !== text.length) return false;
  const chars = t.chars;
  for (let i = 0; i < text.length; i++) if (chars[from + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The number of `text`, or -1 if it was never interned. */
export function findId(t: IdTable, text: string): number {
  const h = hashText(text);
  const mask = t.table.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const e = t.table[slot]!;
    if (e === 0) return -1;
    if (t.hash[e - 1] === h && sameText(t, e - 1, text)) return e - 1;
  }
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
  const mask = t.table.length - 1;
  let slot = h & mask;
  for (; ; slot = (slot + 1) & mask) {
    const e = t.table[slot]!;
    if (e === 0) break;
    if (t.hash[e - 1] === h && sameText(t, e - 1, text)) return -e;
  }
  const k = t.count;
  if (k + 1 >= t.start.length) {
    t.start = grown(t.start, Math.ceil(t.start.length * 1.5) + 16);
    t.hash = grown(t.hash, t.start.length);
  }
  const from = t.start[k]!;
  if (from + text.length > t.chars.length) t.chars = grown(t.chars, Math.ceil((from + text.length) * 1.5) + 64);
  for (let i = 0; i < text.length; i++) t.chars[from + i] = text.charCodeAt(i);
  t.start[k + 1] = from + text.length;
  t.hash[k] = h;
  t.count = k + 1;
  if ((k + 1) * 2 > t.table.length) {
    rehash(t);
    return k;
  }
  t.table[slot] = k + 1;
  return k;
}

function rehash(t: IdTable): void {
  const table = new Int32Array(t.table.length * 2);
  const mask = table.length - 1;
  for (let k = 0; k < t.count; k++) {
    let slot = t.hash[k]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = k + 1;
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
