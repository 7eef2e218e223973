/**
 * Input types that accept read-only data, and values frozen all the way down.
 *
 * The public input types (plans, scenarios) are their schemas' input types
 * made read-only at every depth: a read-only type accepts both a user's
 * mutable objects and the package's frozen defaults (`DEFAULT_PLAN`,
 * `PRESETS`, … are `Object.freeze`d recursively when the module loads).
 *
 * @module
 */

/**
 * `T` read-only at every depth: objects' fields, arrays (as `readonly X[]`)
 * and tuples. For input types: a function taking `ReadonlyDeep<T>` accepts a
 * `T`, and a frozen value.
 */
export type ReadonlyDeep<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> } : T;

/**
 * Freezes a plain-data value and everything it holds (objects and arrays),
 * in place, and returns it: a write then throws in strict mode and is
 * ignored otherwise. Walks with an explicit stack (no recursion), each
 * object once (a shared or cyclic reference is fine).
 *
 * @example
 * const plan = deepFreeze({ components: [{ type: "unilevel", rates: ["0.1"] }] });
 * Object.isFrozen(plan.components[0].rates) // => true
 */
export function deepFreeze<T>(value: T): ReadonlyDeep<T> {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
  }
  return value as ReadonlyDeep<T>;
}
