/**
 * Hostile inputs for the fuzz tests: values no plan, scenario or record
 * should hold (wrong types, deep nesting, huge numbers, long strings,
 * cycles, prototype keys, NaN and Infinity, byte-order marks, control
 * characters), and mutations that put them anywhere in a valid input.
 *
 * A failing case prints its seed and path; replay it with
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/fuzz/<file>`.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { DownlineInputError } from "../../src/index.js";

/** Runs per fuzz property, from the environment (`FUZZ_RUNS`) or the default given. */
export const runs = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);

/** fast-check's replay settings, from FC_SEED and FC_PATH. */
export const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};

/** Nested `depth` levels deep: arrays, or objects under key `a`. */
function nestedArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function nestedObject(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const cyclicObject: Record<string, unknown> = { a: 1 };
cyclicObject.self = cyclicObject;
const cyclicArray: unknown[] = ["0.05"];
cyclicArray.push(cyclicArray);
const protoKey = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
const nullProto = Object.assign(Object.create(null) as object, { type: "unilevel" });
const manyKeys = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`k${i}`, i]));

/** Hostile leaves: every kind a field could be given that it should refuse (or, rarely, accept). */
export const HOSTILE_VALUES: readonly unknown[] = [
  // Numbers a field may not expect.
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  1e21,
  0.1 + 0.2,
  // Strings: numbers as text that are not plain decimals, byte-order marks, control characters, long ones.
  "",
  " ",
  "\uFEFF0.05",
  "0.05\u0000",
  "\u0007",
  "\n",
  "\u2028",
  "1e-7",
  "0x10",
  "-0.05",
  "５",
  "NaN",
  "Infinity",
  "__proto__",
  "0." + "0".repeat(60) + "1",
  "0." + "0".repeat(100_000) + "1",
  "x".repeat(20_000),
  // Structures: deep, cyclic, polluting, huge, exotic.
  nestedArray(100),
  nestedObject(100),
  nestedArray(20_000),
  cyclicObject,
  cyclicArray,
  protoKey,
  { constructor: 1 },
  { prototype: {} },
  nullProto,
  manyKeys,
  new Array(10_000_000),
  new Float64Array(5),
  new Float64Array(5_000),
  // Other types.
  null,
  undefined,
  true,
  false,
  [],
  {},
  [[[]]],
  10n,
  Symbol("s"),
  () => 1,
  new Date(0),
  new Map([["a", 1]]),
];

/** Keys a hostile input adds where none belongs. */
export const HOSTILE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype", "", "a\nb", "\u0000", "k".repeat(300), "rates", "type", "name", "months", "extra"];

/** A hostile leaf, or a random JSON value, or a random anything. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/** One change to an input: at the `at`-th path of the input, replace, delete, wrap, or add a key. */
export interface Mutation {
  readonly at: number;
  readonly op: "replace" | "delete" | "wrap" | "addKey";
  readonly key: string;
  readonly value: unknown;
}

/** Values a field may well hold: a mutation with one of them often gives an odd plan or scenario that is still valid, and runs. */
export const PLAUSIBLE_VALUES: readonly unknown[] = ["0", "0.05", "0.5", "1", "100", "10.00", 0, 0.05, 0.5, 1, 2, 3, 12, 100, 1000, 1200, 50_000_000, 2_000_000_000, true, false, "month", "week", "USD", "JPY"];

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("replace", "replace", "replace", "delete", "wrap", "addKey"),
  key: fc.constantFrom(...HOSTILE_KEYS),
  value: fc.oneof({ weight: 3, arbitrary: hostileValueArb }, { weight: 1, arbitrary: fc.constantFrom(...PLAUSIBLE_VALUES) }),
});

type Path = readonly (string | number)[];

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);

/**
 * Paths into a value, the root included: breadth first, at most 400, at most
 * 8 deep, each object once (an earlier mutation may have put a cycle, a deep
 * nesting or a huge array in it).
 */
function pathsOf(root: unknown): Path[] {
  const out: Path[] = [];
  const seen = new Set<unknown>();
  const queue: [unknown, Path][] = [[root, []]];
  for (let q = 0; q < queue.length && out.length < 400; q++) {
    const [value, at] = queue[q]!;
    out.push(at);
    if (!isPlain(value) || seen.has(value) || at.length >= 8) continue;
    seen.add(value);
    const keys = Array.isArray(value) ? Array.from({ length: Math.min(value.length, 50) }, (_, i) => i) : Object.keys(value).slice(0, 50);
    for (const k of keys) queue.push([(value as Record<string | number, unknown>)[k], [...at, k]]);
  }
  return out;
}

/** Sets an own, enumerable property, even one named `__proto__` (as JSON.parse makes it). */
function setOwn(target: Record<string, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of the JSON value `base` with the mutations applied, one after another. */
export function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(base) as unknown;
  // Only the copy's own objects are changed: the hostile values put in are shared by every run.
  const owned = new Set<unknown>(pathsOf(root).map((p) => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root)).filter(isPlain));
  const wrap = <T>(v: T): T => (owned.add(v), v);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      if (m.op === "replace") root = m.value;
      else if (m.op === "wrap") root = wrap([root]);
      else if (m.op === "addKey" && owned.has(root) && !Array.isArray(root)) setOwn(root as Record<string, unknown>, m.key, m.value);
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    // Only objects of the copy (or wrappers made here) are changed.
    if (!owned.has(parent)) continue;
    const last = path[path.length - 1]!;
    if (m.op === "replace") setOwn(parent, last, m.value);
    else if (m.op === "delete") delete parent[last];
    else if (m.op === "wrap") setOwn(parent, last, wrap(m.key === "rates" ? { rates: parent[last] } : [parent[last]]));
    else {
      const target = parent[last];
      if (owned.has(target) && !Array.isArray(target)) setOwn(target as Record<string, unknown>, m.key, m.value);
      else setOwn(parent, last, m.value);
    }
  }
  return root;
}

/** A field path as DownlineInputError writes them: names, `[index]`, `["quoted key"]`, or empty (the root). */
const FIELD_PATH = /^(?:(?:[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*)?$/;

/** The most a refusal may take, in ms (issue 10). */
export const REFUSAL_MS = 100;

/**
 * Runs `fn` and times it. A run over the bound is run up to twice more and
 * the fastest kept: a collection or another process's burst on a shared
 * 2-core machine is not the input's doing; an input that is slow is slow
 * every time.
 */
export function timed<T>(fn: () => T): { result?: T; error?: unknown; ms: number } {
  const once = () => {
    const start = performance.now();
    try {
      return { result: fn(), ms: performance.now() - start };
    } catch (error) {
      return { error, ms: performance.now() - start };
    }
  };
  let best = once();
  for (let retry = 0; retry < 2 && best.ms >= REFUSAL_MS; retry++) {
    const again = once();
    if (again.ms < best.ms) best = again;
  }
  return best;
}

/**
 * Expects a refusal to be a DownlineInputError from one of `sources`, each of
 * its problems at a field path, its message one line per problem, all within
 * {@link REFUSAL_MS}. Anything else (a TypeError, a RangeError) is rethrown as
 * itself, so the failure shows what crashed.
 */
export function expectRefusal(error: unknown, ms: number, sources: readonly string[]): void {
  if (!(error instanceof DownlineInputError)) throw error;
  expect(sources).toContain(error.source);
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) expect(issue.path).toMatch(FIELD_PATH);
  expect(error.message.split("\n")).toHaveLength(error.issues.length);
  expect(error.message.length).toBeLessThan(20_000);
  expect(ms, `refused in ${ms.toFixed(1)} ms`).toBeLessThan(REFUSAL_MS);
}
