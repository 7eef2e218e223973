/**
 * Typed arrays that grow geometrically: allocation happens at growth, never per
 * member per period.
 *
 * @module
 */

/** A typed array of the same kind holding `a`'s values, with room for `capacity` entries. */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

/** `a` if it holds `size` entries, else a copy with 25% room to spare. */
export function fitted<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  return a.length >= size ? a : grown(a, Math.ceil(size * 1.25));
}
