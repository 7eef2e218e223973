/**
 * The package's defaults are frozen all the way down when their modules
 * load: a write throws (test files are ES modules: strict mode) and the
 * values stay as shipped.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_PLAN, DEFAULT_SCENARIO, PRESETS, PRESET_SCENARIOS, type PresetName } from "../../src/index.js";
import { deepFreeze } from "../../src/util/frozen.js";

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

/** Every object and array in a value, with its path. */
function everyObject(value: unknown, path = "$"): [string, object][] {
  const out: [string, object][] = [];
  const stack: [string, unknown][] = [[path, value]];
  while (stack.length > 0) {
    const [p, v] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    out.push([p, v]);
    for (const [k, child] of Object.entries(v)) stack.push([`${p}.${k}`, child]);
  }
  return out;
}

/** Tries every kind of write on every object of a value: each must throw a TypeError. */
function expectWritesThrow(value: unknown): void {
  for (const [path, o] of everyObject(value)) {
    const target = o as Record<string, unknown>;
    const key = Object.keys(target)[0] ?? "x";
    expect(() => (target[key] = "changed"), `${path}.${key} =`).toThrow(TypeError);
    expect(() => (target.added = 1), `${path}.added =`).toThrow(TypeError);
    expect(() => delete target[key], `delete ${path}.${key}`).toThrow(TypeError);
    if (Array.isArray(o)) expect(() => o.push(1), `${path}.push`).toThrow(TypeError);
  }
}

const FROZEN = { DEFAULT_PLAN, DEFAULT_SCENARIO, PRESETS, PRESET_SCENARIOS };

describe("frozen defaults", () => {
  it.each(Object.entries(FROZEN))("%s: every object and array in it is frozen", (_, value) => {
    const objects = everyObject(value);
    expect(objects.length).toBeGreaterThan(3);
    expect(objects.filter(([, o]) => !Object.isFrozen(o)).map(([p]) => p)).toEqual([]);
  });

  it.each(Object.entries(FROZEN))("%s: writes throw in strict mode, and the value is unchanged", (_, value) => {
    const before = JSON.stringify(value);
    expectWritesThrow(value);
    expect(JSON.stringify(value)).toBe(before);
  });

  it("the presets are the JSON files they are read from, and the defaults their documented values", () => {
    for (const name of Object.keys(PRESETS) as PresetName[]) {
      expect(PRESETS[name]).toEqual(json(`presets/${name}.json`));
      expect(PRESET_SCENARIOS[name]).toEqual(json(`presets/scenarios/${name}.json`));
    }
    expect(DEFAULT_PLAN.components.map((c) => c.name)).toEqual(["customer", "unilevel"]);
    expect(DEFAULT_SCENARIO).toEqual({ name: "default", months: 36, start: { founders: 1, network: { distributors: 5000, customersPerDistributor: 1.5 } }, market: { prospects: 250_000 } });
  });

  it("a copy is the way to change one: spreading works, the original stays", () => {
    const mine = { ...DEFAULT_PLAN, name: "mine", components: [...DEFAULT_PLAN.components, { type: "fastStart", rates: ["0.1"], periods: 2 } as const] };
    expect(mine.components).toHaveLength(3);
    expect(DEFAULT_PLAN.name).toBe("Default unilevel");
    expect(DEFAULT_PLAN.components).toHaveLength(2);
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays, shared and cyclic references included, and returns its argument", () => {
    const shared = { rate: "0.1" };
    const value: { a: { b: number[] }; s1: object; s2: object; self?: unknown } = { a: { b: [1, 2] }, s1: shared, s2: shared };
    value.self = value;
    expect(deepFreeze(value)).toBe(value);
    expect([value, value.a, value.a.b, shared].every(Object.isFrozen)).toBe(true);
  });

  it("walks into an object frozen shallowly already", () => {
    const inner = { n: 1 };
    const outer = Object.freeze({ inner });
    deepFreeze(outer);
    expect(Object.isFrozen(inner)).toBe(true);
  });
});
