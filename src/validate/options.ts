/**
 * Options of the public functions, checked at the edge with the same
 * field-path errors as plans (`downline/options: seed: …`). Only the options
 * object's own fields are read: a scenario or a plan inside it is checked by
 * its own schema, a compiled plan or a component type is not walked.
 *
 * @module
 */
import { z } from "zod";
import { DownlineInputError, MAX_SCHEMA_ISSUES } from "./errors.js";
import { formatPath } from "./path.js";
import { shown } from "./shown.js";

/** Longest string seed, in characters. */
export const MAX_SEED_LENGTH = 1_000;

/**
 * A run's seed: a safe integer (|n| ≤ 2^53 − 1), or a non-empty string of at
 * most 1,000 characters. NaN, 1.5, 2^60 and `{}` are refused: each would be
 * used as its text, so NaN and "NaN" would silently be one seed.
 *
 * @example
 * seedField().safeParse(1.5).error.issues[0].message // => "expected a seed: a whole number (a safe integer) or a non-empty string, got 1.5"
 */
export const seedField = () =>
  z.custom<number | string>(
    (v) => (typeof v === "number" && Number.isSafeInteger(v)) || (typeof v === "string" && v.length > 0 && v.length <= MAX_SEED_LENGTH),
    { error: (iss) => `expected a seed: a whole number (a safe integer) or a non-empty string${typeof iss.input === "string" && iss.input.length > 0 ? ` of at most ${MAX_SEED_LENGTH.toLocaleString("en-US")} characters` : ""}, got ${shown(iss.input)}` },
  );

/** One of the listed values, with a message listing them. */
export const oneOf = <const T extends readonly (string | number | boolean)[]>(values: T) =>
  z.custom<T[number]>((v) => values.includes(v as T[number]), {
    error: (iss) => `expected ${values.map((v) => JSON.stringify(v)).join(" or ")}, got ${shown(iss.input)}`,
  });

/** `true` or `false`. */
export const booleanField = () => z.custom<boolean>((v) => typeof v === "boolean", { error: (iss) => `expected true or false, got ${shown(iss.input)}` });

/** A function (a callback, a collector factory). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const functionField = <F extends Function>(what = "a function") =>
  z.custom<F>((v) => typeof v === "function", { error: (iss) => `expected ${what}, got ${shown(iss.input)}` });

/**
 * A memory budget in bytes: a positive number (`Infinity` turns the check
 * off).
 *
 * @example
 * budgetField().parse(2 ** 30) // => 1073741824
 */
export const budgetField = () =>
  z.custom<number>((v) => typeof v === "number" && v > 0 && !Number.isNaN(v), {
    error: (iss) => `expected a memory budget in bytes (a positive number; Infinity for none), got ${shown(iss.input)}`,
  });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Custom component types, as `defineComponent` makes them: at most 256, each
 * read shallowly (a string `type`, a `compile` function, `fast` and
 * `reference` objects); their schemas and kernels are their own.
 */
export const componentTypes = () =>
  z.custom<unknown[]>(
    (v) =>
      Array.isArray(v) &&
      v.length <= 256 &&
      v.every((t) => isRecord(t) && typeof t.type === "string" && typeof t.compile === "function" && isRecord(t.fast) && isRecord(t.reference)),
    { error: (iss) => `expected an array of component types (each from defineComponent), got ${shown(iss.input)}` },
  );

/** An options object, as its own type checks it: a plain object (or undefined, for all defaults). */
const optionsObject = (v: unknown) => v === undefined || (typeof v === "object" && v !== null && !Array.isArray(v));

/**
 * Checks an options object against `shape` (its known fields; any other key
 * is refused by name) and returns it as is; throws a {@link DownlineInputError}
 * from `"options"` naming every bad field. Only the object's own fields are
 * read.
 *
 * @example
 * checkOptions("simulate", { seed: seedField().optional() }, { seed: NaN }) // throws: downline/options: seed: expected a seed: …, got NaN
 */
export function checkOptions<T>(fn: string, shape: z.ZodRawShape, options: T): T {
  if (!optionsObject(options)) {
    throw new DownlineInputError("options", [{ path: "", message: `expected ${fn}'s options as an object, got ${shown(options)}` }]);
  }
  if (options === undefined) return options;
  const issues: { path: string; message: string }[] = [];
  const known = new Set(Object.keys(shape));
  const unknown = Object.keys(options as object).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    issues.push({ path: "", message: `unknown option(s) ${unknown.slice(0, 10).map((k) => shown(k)).join(", ")} (${fn} takes ${[...known].join(", ")})` });
  }
  for (const [key, schema] of Object.entries(shape)) {
    const result = (schema as z.ZodType).safeParse((options as Record<string, unknown>)[key]);
    if (result.success) continue;
    for (const issue of result.error.issues.slice(0, MAX_SCHEMA_ISSUES)) issues.push({ path: formatPath([key, ...issue.path]), message: issue.message });
  }
  if (issues.length > 0) throw new DownlineInputError("options", issues);
  return options;
}
