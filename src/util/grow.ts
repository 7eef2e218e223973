/**
 * Typed arrays that grow geometrically: allocation happens at growth, never per
 * member per period. The one place where arrays are grown.
 *
 * @module
 */

type Typed = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array;

type TypedConstructor<T extends Typed> = (new (n: number) => T) & (new (buffer: ArrayBufferLike) => T) & { readonly BYTES_PER_ELEMENT: number };

/**
 * A new zeroed typed array of `ctor`'s kind and `length` entries, on shared
 * memory (a `SharedArrayBuffer`, which another thread can read) when
 * `shared`, else on an ordinary buffer.
 */
export function typedArray<T extends Typed>(ctor: TypedConstructor<T>, length: number, shared = false): T {
  return shared ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
}

/** Whether `a` lives on shared memory. */
function isShared(a: Typed): boolean {
  return typeof SharedArrayBuffer !== "undefined" && a.buffer instanceof SharedArrayBuffer;
}

/** A new zeroed array of `a`'s kind with `length` entries, shared if `a` is. */
function like<T extends Typed>(a: T, length: number): T {
  return typedArray(a.constructor as TypedConstructor<T>, length, isShared(a));
}

/** A typed array of the same kind holding `a`'s values, with room for `capacity` entries (on shared memory if `a` is). */
export function grown<T extends Typed>(a: T, capacity: number): T {
  const b = like(a, capacity);
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
  return a.length >= size ? a : like(a, Math.ceil(size * 1.25));
}

/** `a` if it holds `size` entries, else a new zeroed array of `capacity` entries (scratch: contents dropped). */
export function scratchTo<T extends Typed>(a: T, size: number, capacity: number): T {
  return a.length >= size ? a : like(a, Math.max(capacity, size));
}

/** The capacity to grow to when `size` entries no longer fit: 25% room to spare. */
export function capacityFor(size: number): number {
  return Math.ceil(size * 1.25);
}
