/**
 * The shape of an input, checked before any schema reads it: one iterative
 * walk, linear in the input's size and bounded whatever the input, that
 * refuses what no plan or scenario needs and what would make later work hang
 * or explode — nesting too deep, cycles, arrays, strings, keys or whole
 * inputs too large, and prototype-polluting keys. Every bound is stated in
 * its message.
 *
 * @module
 */
import { formatPath, type InputIssue } from "./path.js";

/** Bounds on an input's shape. */
export interface ShapeLimits {
  /** Deepest nesting of arrays and objects (the top level is depth 0). */
  readonly maxDepth: number;
  /** Longest array. */
  readonly maxArrayLength: number;
  /** Longest string value, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Most keys in one object. */
  readonly maxKeys: number;
  /** Longest key. */
  readonly maxKeyLength: number;
  /** Most values in the whole input (every object, array and scalar counts one). */
  readonly maxValues: number;
}

/**
 * The bounds of plans and scenarios: above anything a real plan or scenario
 * holds (the deepest built-in field is 6 levels down; the longest list a
 * scenario can use is 1,201 monthly hazard steps, about 3,600 values; a plan
 * of 64 components of 64 rates is about 4,200), and low enough that the
 * schemas read any input within bounds in a few tens of milliseconds (zod
 * takes 2–6 µs a value).
 */
export const INPUT_LIMITS: ShapeLimits = {
  maxDepth: 64,
  maxArrayLength: 2_000,
  maxStringLength: 10_000,
  maxKeys: 1_000,
  maxKeyLength: 256,
  maxValues: 10_000,
};

/** Problems reported at most per input: enough to act on, never a flood. */
export const MAX_SHAPE_ISSUES = 20;

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

const n = (x: number) => x.toLocaleString("en-US");

/**
 * The problems with an input's shape, in walk order (at most
 * {@link MAX_SHAPE_ISSUES}, the last one saying how many more there were):
 * nesting deeper than `maxDepth`, a cycle (reported where it closes, naming
 * the value it returns to), arrays, strings, keys and objects over their
 * bounds, more than `maxValues` values in all, and keys named `__proto__`,
 * `constructor` or `prototype`. The walk uses an explicit stack and keeps
 * one parent link per value (a path is built only for a problem), so it is
 * linear in the input's size, whatever its depth; it stops at `maxValues`.
 * A value reached twice without a cycle (a shared array) is walked twice,
 * and counted twice.
 *
 * @example
 * const plan = { components: [] as unknown[] };
 * plan.components.push(plan);
 * shapeIssues(plan)[0] // => { path: "components[0]", message: "a cycle: this value contains itself (it is the value at (root))" }
 */
export function shapeIssues(input: unknown, limits: ShapeLimits = INPUT_LIMITS): InputIssue[] {
  const issues: InputIssue[] = [];
  let more = 0;
  // Node k: a container (or a reported value), its parent node, its key there, its depth.
  // Scalars are checked where they stand and get a node only when reported.
  const values: unknown[] = [input];
  const parents: number[] = [-1];
  const keys: PropertyKey[] = [""];
  const depths: number[] = [0];
  const addNode = (value: unknown, parent: number, key: PropertyKey): number => {
    values.push(value);
    parents.push(parent);
    keys.push(key);
    depths.push(depths[parent]! + 1);
    return values.length - 1;
  };
  const pathOf = (node: number): string => {
    const path: PropertyKey[] = [];
    for (let k = node; k > 0; k = parents[k]!) path.push(keys[k]!);
    return formatPath(path.reverse());
  };
  const report = (node: number, message: string): void => {
    if (issues.length < MAX_SHAPE_ISSUES - 1) issues.push({ path: pathOf(node), message });
    else more += 1;
  };
  const tooLong = (length: number) => `expected a string of at most ${n(limits.maxStringLength)} characters, got ${n(length)}`;
  let count = 1;
  // The objects on the path from the root to the node being walked, with their nodes.
  const onPath = new Map<object, number>();
  // Nodes to visit; ~k marks leaving node k (its object leaves the path).
  const stack: number[] = [0];
  // Containers met among a node's children, queued once all its children are seen.
  const queued: number[] = [];
  /** Visits one child: a scalar is checked at once, a container is queued. */
  const child = (parent: number, key: PropertyKey, value: unknown): void => {
    if (typeof value === "object" && value !== null) queued.push(addNode(value, parent, key));
    else if (typeof value === "string" && value.length > limits.maxStringLength) report(addNode(value, parent, key), tooLong(value.length));
  };
  if (typeof input === "string" && input.length > limits.maxStringLength) report(0, tooLong(input.length));
  walk: while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < 0) {
      onPath.delete(values[~node] as object);
      continue;
    }
    const value = values[node];
    if (typeof value !== "object" || value === null) continue;
    const seenAt = onPath.get(value);
    if (seenAt !== undefined) {
      report(node, `a cycle: this value contains itself (it is the value at ${pathOf(seenAt) || "(root)"})`);
      continue;
    }
    const depth = depths[node]!;
    if (depth >= limits.maxDepth) {
      report(node, `expected nesting at most ${limits.maxDepth} levels deep, got deeper`);
      continue;
    }
    if (ArrayBuffer.isView(value)) {
      // Typed arrays hold numbers only: their length is all there is to bound.
      const length = (value as unknown as { length?: number }).length ?? value.byteLength;
      if (length > limits.maxArrayLength) report(node, `expected an array of at most ${n(limits.maxArrayLength)} items, got ${n(length)}`);
      continue;
    }
    const isArray = Array.isArray(value);
    const own = isArray ? undefined : Object.keys(value);
    const size = isArray ? (value as unknown[]).length : own!.length;
    if (isArray && size > limits.maxArrayLength) {
      report(node, `expected an array of at most ${n(limits.maxArrayLength)} items, got ${n(size)}`);
      continue;
    }
    if (!isArray && size > limits.maxKeys) {
      report(node, `expected an object of at most ${n(limits.maxKeys)} keys, got ${n(size)}`);
      continue;
    }
    count += size;
    if (count > limits.maxValues) {
      report(0, `expected at most ${n(limits.maxValues)} values in all (objects, arrays and scalars), got more`);
      break walk;
    }
    onPath.set(value, node);
    stack.push(~node);
    // Children in the input's order; containers pushed in reverse, so the walk follows that order too.
    if (isArray) {
      const items = value as unknown[];
      for (let i = 0; i < size; i++) child(node, i, items[i]);
    } else {
      for (let c = 0; c < size; c++) {
        const key = own![c]!;
        if (key.length > limits.maxKeyLength) report(node, `expected keys of at most ${n(limits.maxKeyLength)} characters, got one of ${n(key.length)}`);
        else if (FORBIDDEN.has(key)) report(addNode(undefined, node, key), "keys named __proto__, constructor or prototype are not allowed");
        else child(node, key, (value as Record<string, unknown>)[key]);
      }
    }
    for (let q = queued.length - 1; q >= 0; q--) stack.push(queued[q]!);
    queued.length = 0;
  }
  if (more > 0) issues.push({ path: "", message: `and ${n(more)} more problem${more === 1 ? "" : "s"} of the same kinds` });
  return issues;
}
