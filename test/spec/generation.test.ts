/**
 * Generation bonus: the hand-computed cases on both engines, and malformed
 * settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { generation } from "../../src/plan/components/generation/index.js";
import { GENERATION_CASES } from "./generation.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("generation", GENERATION_CASES, { components: [generation] });

const RANKS = [{ name: "Silver" }, { name: "Gold" }];

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>, ranks: unknown[] = RANKS): { path: string; message: string }[] {
  try {
    compilePlan({ ranks, components: [{ type: "generation", ...component }] } as unknown as PlanInput, { components: [generation] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("generation settings", () => {
  it("accepts good settings; resolves the leader rank to its number", () => {
    const plan = compilePlan({ ranks: RANKS, components: [{ type: "generation", leaderRank: "Gold", rates: ["0.05", 0.03] }] }, { components: [generation] });
    const s = plan.components[0]!.settings as unknown as { leaderRank: number; leaderRankName: string; rates: { text: string }[] };
    expect([s.leaderRank, s.leaderRankName, s.rates.map((r) => r.text)]).toEqual([2, "Gold", ["0.05", "0.03"]]);
  });

  it.each([
    ["an unknown leader rank", { leaderRank: "Diamond", rates: ["0.05"] }, "components[0].leaderRank", [/"Silver", "Gold"/, /got "Diamond"/]],
    ["a missing leader rank", { rates: ["0.05"] }, "components[0].leaderRank", [/string/]],
    ["empty generation rates", { leaderRank: "Gold", rates: [] }, "components[0].rates", [/>=1 items/]],
    ["a generation rate over 1", { leaderRank: "Gold", rates: ["0.05", "1.01"] }, "components[0].rates[1]", [/at most 1\b/]],
    ["a negative generation rate", { leaderRank: "Gold", rates: ["-0.05"] }, "components[0].rates[0]", [/expected a decimal string like "0\.05"/, /"-0\.05"/]],
    ["an unknown key", { leaderRank: "Gold", rates: ["0.05"], depth: 3 }, "components[0]", [/unknown key\(s\) "depth"/]],
  ] as [string, Record<string, unknown>, string, RegExp[]][])("rejects %s", (_what, component, path, patterns) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    for (const pattern of patterns) expect(found[0]!.message).toMatch(pattern);
  });

  it("rejects a leader rank in a plan without ranks, saying none are defined", () => {
    const found = issues({ leaderRank: "Gold", rates: ["0.05"] }, []);
    expect(found.map((i) => i.path)).toEqual(["components[0].leaderRank"]);
    expect(found[0]!.message).toMatch(/none defined/);
  });
});
