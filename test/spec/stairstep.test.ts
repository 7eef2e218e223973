/**
 * Stairstep differential with breakaway: the hand-computed cases on both
 * engines, and malformed settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { stairstep } from "../../src/plan/components/stairstep/index.js";
import { STAIRSTEP_CASES } from "./stairstep.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("stairstep", STAIRSTEP_CASES, { components: [stairstep] });

const RANKS = [{ name: "R1" }, { name: "R2" }, { name: "R3" }, { name: "R4" }];
/** A rate step (the malformed cases below give it bad values on purpose: hence `never`). */
const step = (rank: unknown, rate: unknown) => ({ rank, rate }) as never;
const GOOD_RATES = [step("R1", "0.05"), step("R2", "0.10"), step("R3", "0.15"), step("R4", "0.20")];

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>, ranks: unknown[] = RANKS): { path: string; message: string }[] {
  try {
    compilePlan({ ranks, components: [{ type: "stairstep", ...component }] } as unknown as PlanInput, { components: [stairstep] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("stairstep settings", () => {
  it("accepts good settings; resolves rank names to numbers", () => {
    const plan = compilePlan(
      { ranks: RANKS, components: [{ type: "stairstep", rates: [step("R2", "0.1"), step("R4", 0.2)], breakaway: { rank: "R4", generations: ["0.04", "0.02"] } }] },
      { components: [stairstep] },
    );
    const s = plan.components[0]!.settings as unknown as {
      rates: { rank: number; rankName: string; rate: { text: string } }[];
      breakaway: { rank: number; generations: { text: string }[] };
    };
    expect(s.rates.map((r) => [r.rank, r.rankName, r.rate.text])).toEqual([
      [2, "R2", "0.1"],
      [4, "R4", "0.2"],
    ]);
    expect([s.breakaway.rank, s.breakaway.generations.map((g) => g.text)]).toEqual([4, ["0.04", "0.02"]]);
    // Without a breakaway there is none in the settings (the reference rule reads its absence).
    const plain = compilePlan({ ranks: RANKS, components: [{ type: "stairstep", rates: GOOD_RATES }] }, { components: [stairstep] });
    expect(plain.components[0]!.settings).not.toHaveProperty("breakaway");
  });

  it.each([
    [
      "decreasing stairstep rates",
      { rates: [step("R1", "0.05"), step("R2", "0.10"), step("R3", "0.08")] },
      "components[0].rates[2].rate",
      [/at least 0\.1\b/, /"R2"/, /must not decrease/, /got 0\.08/],
    ],
    ["an unknown rank name", { rates: [step("R1", "0.05"), step("Diamond", "0.10")] }, "components[0].rates[1].rank", [/"R1", "R2", "R3", "R4"/, /got "Diamond"/]],
    ["ranks out of order", { rates: [step("R3", "0.05"), step("R2", "0.10")] }, "components[0].rates[1].rank", [/lowest first/, /"R2" is not above "R3"/]],
    ["a rank listed twice", { rates: [step("R2", "0.05"), step("R2", "0.10")] }, "components[0].rates[1].rank", [/each once/]],
    ["a rate over 1", { rates: [step("R1", "1.5")] }, "components[0].rates[0].rate", [/at most 1\b/]],
    ["a negative rate", { rates: [step("R1", -0.05)] }, "components[0].rates[0].rate", [/expected a decimal string like "0\.05"/]],
    ["empty rates", { rates: [] }, "components[0].rates", [/>=1 items/]],
    ["a missing rate", { rates: [{ rank: "R1" }] }, "components[0].rates[0].rate", [/expected a decimal/]],
    ["an unknown key in a rate", { rates: [{ rank: "R1", rate: "0.05", level: 1 }] }, "components[0].rates[0]", [/unknown key\(s\) "level"/]],
    ["an unknown breakaway rank", { rates: GOOD_RATES, breakaway: { rank: "Diamond", generations: ["0.04"] } }, "components[0].breakaway.rank", [/got "Diamond"/]],
    ["empty breakaway generations", { rates: GOOD_RATES, breakaway: { rank: "R4", generations: [] } }, "components[0].breakaway.generations", [/>=1 items/]],
    ["a breakaway generation over 1", { rates: GOOD_RATES, breakaway: { rank: "R4", generations: ["0.04", "2"] } }, "components[0].breakaway.generations[1]", [/at most 1\b/]],
    ["a breakaway without generations", { rates: GOOD_RATES, breakaway: { rank: "R4" } }, "components[0].breakaway.generations", [/array/]],
    ["an unknown key in the breakaway", { rates: GOOD_RATES, breakaway: { rank: "R4", generations: ["0.04"], compress: true } }, "components[0].breakaway", [/unknown key\(s\) "compress"/]],
    ["an unknown key", { rates: GOOD_RATES, compression: "dynamic" }, "components[0]", [/unknown key\(s\) "compression"/]],
  ] as [string, Record<string, unknown>, string, RegExp[]][])("rejects %s", (_what, component, path, patterns) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    for (const pattern of patterns) expect(found[0]!.message).toMatch(pattern);
  });

  it("rejects a rank name in a plan without ranks, saying none are defined", () => {
    const found = issues({ rates: [step("R1", "0.05")] }, []);
    expect(found.map((i) => i.path)).toEqual(["components[0].rates[0].rank"]);
    expect(found[0]!.message).toMatch(/none defined/);
  });
});
