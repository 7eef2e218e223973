/**
 * Packed columns: one period's values for its current members, stored in the
 * smallest of three exact encodings. Per-member, per-period results of a
 * million members over three years are tens of millions of values, most of
 * them 0 (two thirds of members earn nothing in a month; consumers have no
 * business costs) and most of the rest small integers (minor units), so a
 * column is stored as
 *
 * - `zero`: every value is 0 (nothing stored);
 * - `dense`: one value per position, in the narrowest typed array that holds
 *   every value exactly (Uint8, Uint16, Int16, Int32, else Float64 — integers
 *   past 2^31 and fractions, e.g. hours, go to Float64);
 * - `sparse`: the positions of the non-zero values (ascending) and those
 *   values, narrowed the same way;
 *
 * whichever takes fewer bytes. Nothing is rounded: every value reads back
 * exactly as it was given.
 *
 * @module
 */

/** A typed array a packed column stores its values in. */
export type PackedValues = Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array;

/**
 * One period's values of one column, by position in the period's member list
 * (position k is the period's k-th current member). See the module notes for
 * the encodings.
 */
export type PackedColumn =
  | { readonly kind: "zero"; readonly length: number }
  | { readonly kind: "dense"; readonly length: number; readonly values: PackedValues }
  | { readonly kind: "sparse"; readonly length: number; readonly at: Int32Array; readonly values: PackedValues };

type Narrow = "u8" | "u16" | "i16" | "i32" | "f64";
const WIDTH: Record<Narrow, number> = { u8: 1, u16: 2, i16: 2, i32: 4, f64: 8 };

function narrowest(min: number, max: number, integral: boolean): Narrow {
  if (!integral) return "f64";
  if (min >= 0 && max <= 0xff) return "u8";
  if (min >= 0 && max <= 0xffff) return "u16";
  if (min >= -0x8000 && max <= 0x7fff) return "i16";
  if (min >= -0x80000000 && max <= 0x7fffffff) return "i32";
  return "f64";
}

function allocate(kind: Narrow, n: number): PackedValues {
  switch (kind) {
    case "u8":
      return new Uint8Array(n);
    case "u16":
      return new Uint16Array(n);
    case "i16":
      return new Int16Array(n);
    case "i32":
      return new Int32Array(n);
    case "f64":
      return new Float64Array(n);
  }
}

/**
 * Packs `source[members[k]]` for k in 0..count-1 (a period's values, read by
 * member index, in the order of its member list). Two passes over the
 * members, no allocation but the result.
 *
 * @example
 * const earned = Float64Array.from([0, 0, 1250, 0, 0, 0, 0, 0]);
 * const col = packColumn(earned, Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 8);
 * col.kind // => "sparse" (one non-zero value in eight)
 * packedAt(col, 2) // => 1250
 */
export function packColumn(source: ArrayLike<number>, members: ArrayLike<number>, count: number): PackedColumn {
  let nonZero = 0;
  let min = 0;
  let max = 0;
  let integral = true;
  for (let k = 0; k < count; k++) {
    const v = source[members[k]!]!;
    if (v === 0) continue;
    nonZero += 1;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (nonZero === 0) return { kind: "zero", length: count };
  const kind = narrowest(min, max, integral);
  const w = WIDTH[kind];
  if (nonZero * (4 + w) < count * w) {
    const at = new Int32Array(nonZero);
    const values = allocate(kind, nonZero);
    let j = 0;
    for (let k = 0; k < count; k++) {
      const v = source[members[k]!]!;
      if (v === 0) continue;
      at[j] = k;
      values[j++] = v;
    }
    return { kind: "sparse", length: count, at, values };
  }
  const values = allocate(kind, count);
  for (let k = 0; k < count; k++) values[k] = source[members[k]!]!;
  return { kind: "dense", length: count, values };
}

/**
 * The value at position k (0 ≤ k < length). A sparse column is searched
 * (binary search): to read a whole period, {@link unpackColumn} is faster.
 */
export function packedAt(column: PackedColumn, k: number): number {
  switch (column.kind) {
    case "zero":
      return 0;
    case "dense":
      return column.values[k]!;
    case "sparse": {
      const { at } = column;
      let lo = 0;
      let hi = at.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const p = at[mid]!;
        if (p === k) return column.values[mid]!;
        if (p < k) lo = mid + 1;
        else hi = mid - 1;
      }
      return 0;
    }
  }
}

/**
 * Adds `sign` × each value to `out[k]` (position-indexed, length ≥ the column's):
 * unpacking (into a zeroed array) and summing columns in one step.
 */
export function addPacked(column: PackedColumn, out: Float64Array, sign = 1): void {
  switch (column.kind) {
    case "zero":
      return;
    case "dense": {
      const v = column.values;
      for (let k = 0; k < column.length; k++) out[k]! += sign * v[k]!;
      return;
    }
    case "sparse": {
      const { at, values } = column;
      for (let j = 0; j < at.length; j++) out[at[j]!]! += sign * values[j]!;
      return;
    }
  }
}

/** The column's values, one per position, as a new Float64Array. */
export function unpackColumn(column: PackedColumn): Float64Array {
  const out = new Float64Array(column.length);
  addPacked(column, out);
  return out;
}

/** Bytes the column's arrays hold (for measuring what a run keeps). */
export function packedBytes(column: PackedColumn): number {
  switch (column.kind) {
    case "zero":
      return 0;
    case "dense":
      return column.values.byteLength;
    case "sparse":
      return column.at.byteLength + column.values.byteLength;
  }
}

/** Packs 0/1 flags `source[members[k]]` into bits: bit k of the result is position k's flag. */
export function packFlags(source: ArrayLike<number>, members: ArrayLike<number>, count: number): Uint8Array {
  const bits = new Uint8Array((count + 7) >> 3);
  for (let k = 0; k < count; k++) if (source[members[k]!]! !== 0) bits[k >> 3]! |= 1 << (k & 7);
  return bits;
}

/** Position k's flag in bits packed by {@link packFlags}: 1 or 0. */
export function flagAt(bits: Uint8Array, k: number): number {
  return (bits[k >> 3]! >> (k & 7)) & 1;
}
