/**
 * Measures, rank rules that read them, and volume kinds: the hand-computed
 * cases on both engines, and malformed fields rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { compileShare, linesFromSortedLegs } from "../../src/plan/measures.js";
import { MEASURE_CASES } from "./measures.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("measures and ranks", MEASURE_CASES);

const uni = { type: "unilevel", rates: ["0.05"] } as const;

function issues(plan: Record<string, unknown>): { path: string; message: string }[] {
  try {
    compilePlan({ components: [uni], ...plan } as PlanInput);
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("lines by leg share, the definition", () => {
  const shares = ["0.3", "0.2", "0.1", "0.05"].map(compileShare);
  it.each([
    [[500, 300, 100, 60, 40], 1000, 3],
    [[500, 300, 100, 60, 40], 1250, 2],
    [[1000], 1000, 1],
    [[], 0, 0],
    [[0, 0], 0, 0],
    // 4 lines: 400 | 300 (≥ 300) | 200 (≥ 200) | 100 (≥ 100) — then 5% needs 50: none left.
    [[400, 300, 200, 100], 1000, 4],
    // 5 lines: 350 | 300 | 200 | 100 | 50 (≥ 50).
    [[350, 300, 200, 100, 50], 1000, 5],
  ] as [number[], number, number][])("legs %j of %d → %d lines", (legs, volume, lines) => {
    expect(linesFromSortedLegs(legs, volume, shares)).toBe(lines);
  });
});

describe("malformed measures, rank measures and volume kinds", () => {
  it.each([
    ["an unknown measure kind", { measures: [{ name: "x", kind: "lines" }] }, "measures[0].kind", /legs|qualifiedLines/],
    ["a measure named rank", { measures: [{ name: "rank", kind: "legs" }] }, "measures[0].name", /other than "rank"/],
    ["a measure name with a dot", { measures: [{ name: "a.b", kind: "legs" }] }, "measures[0].name", /a letter, then letters/],
    ["two measures with one name", { measures: [{ name: "a", kind: "legs" }, { name: "a", kind: "activeSponsored" }] }, "measures[1].name", /unique measure name/],
    ["legs with both minVolume and rank", { ranks: [{ name: "R" }], measures: [{ name: "a", kind: "legs", minVolume: "5", rank: "R" }] }, "measures[0]", /at most one of minVolume or rank/],
    ["legs holding an unknown rank", { measures: [{ name: "a", kind: "legs", rank: "Gold" }] }, "measures[0].rank", /got "Gold"/],
    ["a negative leg volume", { measures: [{ name: "a", kind: "legs", minVolume: "-5" }] }, "measures[0].minVolume", /a volume like "1000", got "-5"/],
    ["lines without shares", { measures: [{ name: "a", kind: "qualifiedLines", shares: [] }] }, "measures[0].shares", />=1 items/],
    ["a line share of 0", { measures: [{ name: "a", kind: "qualifiedLines", shares: ["0.3", "0"] }] }, "measures[0].shares[1]", /above 0/],
    ["a line share over 1", { measures: [{ name: "a", kind: "qualifiedLines", shares: ["1.3"] }] }, "measures[0].shares[0]", /at most 1/],
    ["an unknown volume kind", { measures: [{ name: "a", kind: "legVolume", maxShare: "0.5", volume: { kind: "bv" } }] }, "measures[0].volume.kind", /"qv"|"cv"/],
    ["includeOwn on a legs measure", { measures: [{ name: "a", kind: "legs", volume: { includeOwn: false } }] }, "measures[0].volume", /unknown key\(s\) "includeOwn"/],
    ["an unknown activity volume", { activity: { minPv: "100", volume: { kind: "pv" } } }, "activity.volume.kind", /"qv"|"cv"/],
    ["includeOwn on the activity rule", { activity: { volume: { includeOwn: false } } }, "activity.volume", /unknown key\(s\) "includeOwn"/],
    ["an unknown rank volume kind", { ranks: [{ name: "R", volume: { kind: "price" } }] }, "ranks[0].volume.kind", /"qv"|"cv"/],
    ["a rank measure that does not exist", { ranks: [{ name: "R", measures: [{ measure: "lines", min: 2 }] }] }, "ranks[0].measures[0].measure", /got "lines"/],
    ["a fractional minimum of a count", { measures: [{ name: "lines", kind: "qualifiedLines", shares: ["0.3"] }], ranks: [{ name: "R", measures: [{ measure: "lines", min: 1.5 }] }] }, "ranks[0].measures[0].min", /whole number/],
    ["a negative minimum", { measures: [{ name: "a", kind: "legs" }], ranks: [{ name: "R", measures: [{ measure: "a", min: -1 }] }] }, "ranks[0].measures[0].min", /number like "3"/],
    [
      "a rank reading legs of its own rank (a cycle)",
      { measures: [{ name: "rLegs", kind: "legs", rank: "R" }], ranks: [{ name: "R", measures: [{ measure: "rLegs", min: 1 }] }] },
      "ranks[0].measures[0].measure",
      /cycle/,
    ],
    ["a rank reading the paid-as rank", { ranks: [{ name: "R", measures: [{ measure: "rank", min: 1 }] }] }, "ranks[0].measures[0].measure", /got "rank"/],
    ["a rank volume minimum finer than the currency", { measures: [{ name: "v", kind: "legVolume", maxShare: "0.5" }], ranks: [{ name: "R", measures: [{ measure: "v", min: "1.005" }] }] }, "ranks[0].measures[0].min", /at most 2 decimals/],
    ["an unknown key in a rank measure", { measures: [{ name: "a", kind: "legs" }], ranks: [{ name: "R", measures: [{ measure: "a", min: 1, max: 2 }] }] }, "ranks[0].measures[0]", /unknown key\(s\) "max"/],
    ["a package named twice", { packages: [{ name: "Pro" }, { name: "Pro" }] }, "packages[1].name", /unique package name/],
    ["a package volume finer than the currency", { packages: [{ name: "Pro", volume: "1.001" }] }, "packages[0].volume", /at most 2 decimals/],
    ["an unknown key in a package", { packages: [{ name: "Pro", price: "100" }] }, "packages[0]", /unknown key\(s\) "price"/],
  ] as [string, Record<string, unknown>, string, RegExp][])("%s", (_what, plan, path, message) => {
    const found = issues(plan);
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)!.message).toMatch(message);
  });

  it("a rank measure of a volume converts its minimum to minor units", () => {
    const plan = compilePlan({ measures: [{ name: "v", kind: "legVolume", maxShare: "0.5" }], ranks: [{ name: "R", measures: [{ measure: "v", min: "12.5" }] }], components: [uni] });
    expect(plan.ranks[0]!.measures.map((m) => [m.measure, m.unit, m.minFast])).toEqual([["v", "volume", 1250]]);
  });
});
