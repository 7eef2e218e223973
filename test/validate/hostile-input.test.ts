/**
 * Issue 10, item 1: validation in linear time and bounded depth. Each input
 * the issue reports (a rate of 100,000 zeros, 50,000 nested `[`, a cyclic plan
 * object, ...) is refused within 100 ms with a DownlineInputError naming the
 * field and stating the bound it broke.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, resolveScenario, type PlanInput, type ScenarioInput } from "../../src/index.js";
import { parseDecimal } from "../../src/money/decimal.js";
import { jsonDepthExceeded, parseJsonText } from "../../src/validate/json.js";
import { formatPath } from "../../src/validate/path.js";
import { INPUT_LIMITS, shapeIssues } from "../../src/validate/shape.js";
import { expectIssue, fastestOf, refusedQuickly } from "./hostile.js";

const plan = (input: unknown) => compilePlan(input as PlanInput);
const scenario = (input: unknown) => resolveScenario(input as ScenarioInput);
const unilevel = (rates: unknown) => ({ components: [{ type: "unilevel", rates }] });

/** An object nested `depth` levels deep under key `a`, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i++) at = (at.a = {}) as Record<string, unknown>;
  return root;
}

describe("decimal strings: a linear scan with a length limit", () => {
  // Issue 10: 18 s for 100,000 zeros, 57 s for 200,000 (a quadratic trailing-zero regex).
  it.each([100_000, 200_000])('a rate "0." + %d zeros + "1" is refused at once, the bound in the message', (zeros) => {
    const e = refusedQuickly(() => plan(unilevel(["0." + "0".repeat(zeros) + "1"])));
    expectIssue(e, "plan", "components[0].rates[0]", /at most 10,000 characters/, new RegExp(`got ${(zeros + 3).toLocaleString("en-US")}`));
  });

  it("a decimal longer than 64 characters (but a short string) is refused by the decimal limit, without echoing it", () => {
    const e = refusedQuickly(() => plan(unilevel(["0." + "0".repeat(1000) + "1"])));
    expectIssue(e, "plan", "components[0].rates[0]", /expected a decimal string like "0\.05" of at most 64 characters/, /a string of 1,003 characters/);
    expect(e.message.length).toBeLessThan(200);
  });

  it("parseDecimal is linear: 200,000 zeros are read in well under a millisecond per thousand", () => {
    const long = "0." + "0".repeat(60) + "1";
    expect(parseDecimal(long)).toEqual({ units: 1n, places: 61 });
    expect(parseDecimal("0." + "0".repeat(200_000) + "1")).toBeUndefined();
    expect(parseDecimal("1." + "0".repeat(63))).toBeUndefined();
    expect(parseDecimal("1." + "0".repeat(62))).toEqual({ units: 1n, places: 0 });
  });

  it("numbers whose shortest form is long (1e-300, 1e300) are refused by their digits or range, the text cut", () => {
    expectIssue(refusedQuickly(() => plan(unilevel([1e-300]))), "plan", "components[0].rates[0]", /at most 6 digits after the point/, /\(302 characters\)/);
    expectIssue(refusedQuickly(() => plan(unilevel([1e300]))), "plan", "components[0].rates[0]", /expected at most 1, got 1000/, /\(301 characters\)/);
  });
});

describe("JSON text: depth bounded by a linear scan before JSON.parse", () => {
  // Issue 10: a 100 KB plan file of 50,000 nested `[` ran past 60 s.
  it("50,000 nested [ are refused before parsing, with the line and column where the limit is passed", () => {
    const e = refusedQuickly(() => parseJsonText("[".repeat(50_000), "plan", "deep.json"));
    expectIssue(e, "plan", "deep.json", /expected JSON nested at most 64 levels deep, got deeper at line 1, column 65/);
  });

  it("brackets inside strings do not count; escaped quotes do not end a string; lines are counted", () => {
    expect(jsonDepthExceeded('{"a": "[[[[[[[[[[\\"[[[["}', 2)).toBeUndefined();
    expect(jsonDepthExceeded('{\n "a": [\n  [[1]]]}', 3)).toEqual({ line: 3, column: 4 });
    expect(jsonDepthExceeded("[".repeat(64) + "]".repeat(64), 64)).toBeUndefined();
  });

  it("a byte-order mark is dropped; a file over 1 MiB is refused with the bound; a syntax error names the file", () => {
    expect(parseJsonText('\uFEFF{"months": 3}', "scenario", "bom.json")).toEqual({ months: 3 });
    expectIssue(refusedQuickly(() => parseJsonText(" ".repeat(1024 * 1024 + 1), "plan", "big.json")), "plan", "big.json", /at most 1,048,576 bytes/);
    expectIssue(refusedQuickly(() => parseJsonText("{", "plan", "bad.json")), "plan", "bad.json", /^expected JSON \(/);
  });
});

describe("objects passed to the API: one iterative walk bounds depth, cycles and sizes", () => {
  // Issue 10: depth 20,000 took 6.5 s in the prototype-key scan (its path copied at every level).
  // The 65th container from the top is refused: here the plan, components, components[0], x, then 61 × a.
  it.each([20_000, 50_000, 1_000_000])("an object %d levels deep is refused at the depth limit", (depth) => {
    const deep = nested(depth);
    const e = refusedQuickly(() => plan({ components: [{ type: "unilevel", rates: ["0.1"], x: deep }] }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.message).toBe("expected nesting at most 64 levels deep, got deeper");
    expect(e.issues[0]!.path).toBe("components[0].x" + ".a".repeat(61));
  });

  it("50,000 nested arrays as a plan's rates", () => {
    const deep = JSON.parse("[".repeat(50_000) + "]".repeat(50_000)) as unknown;
    const e = refusedQuickly(() => plan(unilevel(deep)));
    expect(e.issues[0]!.path).toBe("components[0].rates" + "[0]".repeat(61));
    expect(e.issues[0]!.message).toMatch(/at most 64 levels deep/);
  });

  // Issue 10: a cyclic plan object hung and climbed to 3 GB in 30 s.
  it("a cyclic plan is refused, naming the path where the cycle closes and the value it returns to", () => {
    const cyclic: Record<string, unknown> = { components: [{ type: "unilevel", rates: ["0.1"] }] };
    (cyclic.components as Record<string, unknown>[])[0]!.self = cyclic;
    const e = refusedQuickly(() => plan(cyclic));
    expectIssue(e, "plan", "components[0].self", /a cycle: this value contains itself \(it is the value at \(root\)\)/);
  });

  it("a cycle deeper down, and a cyclic scenario", () => {
    const rates: unknown[] = ["0.1"];
    rates.push(rates);
    expectIssue(refusedQuickly(() => plan(unilevel(rates))), "plan", "components[0].rates[1]", /it is the value at components\[0\]\.rates\)/);
    const s: Record<string, unknown> = { customers: { churn: [] } };
    ((s.customers as Record<string, unknown>).churn as unknown[]).push(s.customers);
    expectIssue(refusedQuickly(() => scenario(s)), "scenario", "customers.churn[0]", /a cycle/, /it is the value at customers\)/);
  });

  it("a value shared twice without a cycle is no cycle (the same rates array in two components)", () => {
    const rates = ["0.05", "0.03"];
    expect(() => plan({ components: [{ type: "unilevel", name: "a", rates }, { type: "unilevel", name: "b", rates }] })).not.toThrow();
  });

  it.each([
    ["an array over 2,000 items", () => plan(unilevel(new Array(100_000_000))), "components[0].rates", /expected an array of at most 2,000 items, got 100,000,000/],
    ["a typed array over 2,000 items", () => plan(unilevel(new Float64Array(20_000))), "components[0].rates", /at most 2,000 items, got 20,000/],
    ["a string over 10,000 characters", () => plan({ name: "x".repeat(10_001), components: [{ type: "unilevel", rates: ["0.1"] }] }), "name", /expected a string of at most 10,000 characters, got 10,001/],
    ["an object of over 1,000 keys", () => scenario({ customers: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, 1])) }), "customers", /expected an object of at most 1,000 keys, got 1,001/],
    ["a key over 256 characters", () => scenario({ ["k".repeat(300)]: 1 }), "", /expected keys of at most 256 characters, got one of 300/],
  ] as const)("%s", (_what, fn, path, message) => {
    const e = refusedQuickly(fn);
    expect(e.issues[0]!.path).toBe(path);
    expect(e.issues[0]!.message).toMatch(message);
  });

  it("more than 10,000 values in all are refused at the root, and the walk stops there", () => {
    const row = Array.from({ length: 2_000 }, () => "0.01");
    const wide = Array.from({ length: 2_000 }, () => row);
    const e = refusedQuickly(() => plan({ components: [{ type: "unilevel", rates: ["0.1"], x: wide }] }));
    expectIssue(e, "plan", "", /expected at most 10,000 values in all/);
  });

  it("a shared value reached 2^40 ways (a diamond lattice) is bounded by the value count, not walked 2^40 times", () => {
    let v: unknown = "0.1";
    for (let i = 0; i < 40; i++) v = [v, v];
    const e = refusedQuickly(() => plan({ components: [{ type: "unilevel", rates: ["0.1"], x: v }] }));
    expect(e.issues.map((i) => i.message).join("\n")).toMatch(/at most 10,000 values|at most 64 levels/);
  });

  it("problems are listed at most 20 per input, the last saying how many more", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, JSON.parse('{"__proto__": 1}') as unknown]));
    const issues = shapeIssues(many);
    expect(issues).toHaveLength(20);
    expect(issues[19]).toEqual({ path: "", message: "and 11 more problems of the same kinds" });
  });

  it("the walk is linear in depth: 60 levels of 150-wide objects take milliseconds", () => {
    const wide: Record<string, unknown> = {};
    let at = wide;
    for (let d = 0; d < 60; d++) {
      for (let k = 0; k < 150; k++) at[`k${k}`] = k;
      at = (at.next = {}) as Record<string, unknown>;
    }
    expect(shapeIssues(wide)).toEqual([]);
    expect(fastestOf(() => shapeIssues(wide), 100)).toBeLessThan(100);
  });

  it("the limits are the documented ones", () => {
    expect(INPUT_LIMITS).toEqual({ maxDepth: 64, maxArrayLength: 2_000, maxStringLength: 10_000, maxKeys: 1_000, maxKeyLength: 256, maxValues: 10_000 });
  });
});

describe("messages stay one short line per problem", () => {
  it("keys with control characters or spaces are quoted and escaped in paths", () => {
    expect(formatPath(["components", 0, "a\nb"])).toBe('components[0]["a\\nb"]');
    expect(formatPath(["a b", "c"])).toBe('["a b"].c');
    const e = refusedQuickly(() => plan({ components: [{ type: "unilevel", rates: ["0.1"], "a\nb": 1 }] }));
    expect(e.message.split("\n")).toHaveLength(1);
    expect(e.message).toContain('unknown key(s) "a\\nb"');
  });

  it("the largest plan the schema takes (64 components of 64 rates), every rate bad: within the bound too", () => {
    const e = refusedQuickly(() => plan({ components: Array.from({ length: 64 }, (_, i) => ({ type: "unilevel", name: `u${i}`, rates: Array.from({ length: 64 }, () => -1) })) }));
    expect(e.issues).toHaveLength(51);
  });

  it("2,000 bad amounts are 50 problems and a count, not 2,000 lines", () => {
    const e = refusedQuickly(() => scenario({ customers: { orderValue: { kind: "choice", values: Array.from({ length: 2_000 }, () => -1) } } }));
    expect(e.issues).toHaveLength(51);
    expect(e.issues[50]).toEqual({ path: "", message: "and 1,950 more problems" });
  });
});
