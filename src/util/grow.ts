/**
 * Typed arrays that grow geometrically: allocation happens at growth, never per
 * member per period. The one place where arrays are grown.
 *
 * @module
 */

type Typed = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A typed array of the same kind holding `a`'s values, with room for `capacity` entries. */
export function grown<T extends Typed>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a.length <= capacity ? a : a.subarray(0, capacity));
  return b;
}

/** `a` if it holds `size` entries, else a copy with 25% room to spare (contents kept). */
export function fitted<T extends Typed>(a: T, size: number): T {
  return a.length >= size ? a : grown(a, Math.ceil(size * 1.25));
}

/** `a` if it holds `size` entries, else a copy with room for `capacity` entries (at least 25% to spare; contents kept). */
export function fittedTo<T extends Typed>(a: T, size: number, capacity: number): T {
  return a.length >= size ? a : grown(a, Math.max(capacity, Math.ceil(size * 1.25)));
}

/** `a` if it holds `size` entries, else a new zeroed array with 25% room to spare (scratch: contents dropped). */
export function scratch<T extends Typed>(a: T, size: number): T {
  return a.length >= size ? a : new (a.constructor as new (n: number) => T)(Math.ceil(size * 1.25));
}

/** `a` if it holds `size` entries, else a new zeroed array of `capacity` entries (scratch: contents dropped). */
export function scratchTo<T extends Typed>(a: T, size: number, capacity: number): T {
  return a.length >= size ? a : new (a.constructor as new (n: number) => T)(Math.max(capacity, size));
}

/** The capacity to grow to when `size` entries no longer fit: 25% room to spare. */
export function capacityFor(size: number): number {
  return Math.ceil(size * 1.25);
}
