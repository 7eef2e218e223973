/**
 * Differential from a rate table: the hand-computed cases on both engines,
 * and malformed settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { DIFFERENTIAL_CASES } from "./differential.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("differential", DIFFERENTIAL_CASES);

const RANKS = [{ name: "S" }, { name: "G" }];

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>, extra: Partial<PlanInput> = {}): { path: string; message: string }[] {
  try {
    compilePlan({ ranks: RANKS, measures: [{ name: "lines", kind: "qualifiedLines", shares: ["0.3"] }, { name: "big", kind: "legVolume", maxShare: "0.5" }], ...extra, components: [{ type: "differential", ...component }] } as unknown as PlanInput);
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("differential settings", () => {
  it("accepts a table by rank × measure and compiles it to a grid (rows by rank, last rate repeated)", () => {
    const plan = compilePlan({
      ranks: RANKS,
      measures: [{ name: "lines", kind: "qualifiedLines", shares: ["0.3"] }],
      components: [{ type: "differential", rate: { byRank: [{ rank: "G", rates: ["0", "0.1", "0.12"] }], base: ["0", "0.05"], column: "lines" } }],
    });
    const s = plan.components[0]!.settings as { rate: { rows: string; width: number; height: number; cells: { text: string }[] }; includeOwn: boolean; basis: string };
    expect([s.rate.rows, s.rate.height, s.rate.width, s.includeOwn, s.basis]).toEqual(["rank", 3, 3, true, "cv"]);
    // Rows: no rank (base), S (base), G.
    expect(s.rate.cells.map((c) => c.text)).toEqual(["0", "0.05", "0.05", "0", "0.05", "0.05", "0", "0.1", "0.12"]);
    expect(plan.values.get("differential.rate")).toBe("rate");
  });

  it.each([
    ["a rate over 1", { rate: "1.5" }, "components[0].rate", [/at most 1/]],
    ["a row rate over 1", { rate: { byRank: [{ rank: "S", rate: "2" }] } }, "components[0].rate.byRank[0].rate", [/at most 1/]],
    ["an unknown rank in the table", { rate: { byRank: [{ rank: "Diamond", rate: "0.1" }] } }, "components[0].rate.byRank[0].rank", [/got "Diamond"/]],
    ["a rank listed twice", { rate: { byRank: [{ rank: "S", rate: "0.1" }, { rank: "S", rate: "0.2" }] } }, "components[0].rate.byRank[1].rank", [/at most once/]],
    ["rates in a row without a column", { rate: { byRank: [{ rank: "S", rates: ["0.1"] }] } }, "components[0].rate.byRank[0]", [/rate and no rates/]],
    ["a single rate in a row of a table by column", { rate: { byRank: [{ rank: "S", rate: "0.1" }], column: "lines" } }, "components[0].rate.byRank[0]", [/rates \(a list by the column measure\)/]],
    ["an unknown column", { rate: { byRank: [{ rank: "S", rates: ["0.1"] }], column: "legz" } }, "components[0].rate.column", [/got "legz"/]],
    ["a column that is not a count", { rate: { rates: ["0.1"], column: "big" } }, "components[0].rate.column", [/expected a count .* "big" is a volume/]],
    ["a row by column without a column", { rate: { rates: ["0.1"] } }, "components[0].rate.column", [/expected a column/]],
    ["two kinds of rows", { rate: { byRank: [{ rank: "S", rate: "0.1" }], rates: ["0.1"], column: "lines" } }, "components[0].rate", [/exactly one of byRank, byPackage or rates/]],
    ["a base list without a column", { rate: { byRank: [{ rank: "S", rate: "0.1" }], base: ["0"] } }, "components[0].rate.base", [/one rate/]],
    ["of without byPackage", { rate: { byRank: [{ rank: "S", rate: "0.1" }], of: "lower" } }, "components[0].rate.of", [/only with byPackage/]],
    ["an unknown key in the table", { rate: { byRank: [{ rank: "S", rate: "0.1" }], by: "rank" } }, "components[0].rate", [/unknown key\(s\) "by"/]],
    ["a rate by the buyer's package", { rate: { byPackage: [{ package: "Pro", rate: "0.1" }], of: "buyer" } }, "components[0].rate.of", [/expected "earner"/]],
    ["an unknown package", { rate: { byPackage: [{ package: "Gold", rate: "0.1" }] } }, "components[0].rate.byPackage[0].package", [/plan's packages \("Pro"\), got "Gold"/]],
    ["an unknown basis", { rate: "0.1", basis: "price" }, "components[0].basis", [/"cv"|"qv"/]],
    ["includeOwn not a boolean", { rate: "0.1", includeOwn: "no" }, "components[0].includeOwn", [/boolean/]],
    ["a negative depth", { rate: "0.1", depth: { base: -1 } }, "components[0].depth.base", [/>=0/]],
    ["an unknown rank in the depth", { rate: "0.1", depth: { base: 1, byRank: [{ rank: "X", levels: 2 }] } }, "components[0].depth.byRank[0].rank", [/got "X"/]],
    ["an unknown qualification key", { rate: "0.1", qualification: { minRank: "S" } }, "components[0].qualification", [/unknown key\(s\) "minRank"/]],
    ["a missing rate", {}, "components[0].rate", [/expected a decimal|Invalid input/]],
  ] as [string, Record<string, unknown>, string, RegExp[]][])("rejects %s", (_what, component, path, patterns) => {
    const found = issues(component, { packages: [{ name: "Pro" }] });
    expect(found.map((i) => i.path)).toEqual([path]);
    for (const pattern of patterns) expect(found[0]!.message).toMatch(pattern);
  });
});
