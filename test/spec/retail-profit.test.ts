/**
 * Retail profit: the hand-computed cases on both engines, and malformed
 * settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { retailProfit } from "../../src/plan/components/retail-profit/index.js";
import { RETAIL_PROFIT_CASES } from "./retail-profit.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("retailProfit", RETAIL_PROFIT_CASES, { components: [retailProfit] });

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>): { path: string; message: string }[] {
  try {
    compilePlan({ components: [{ type: "retailProfit", ...component }] } as unknown as PlanInput, { components: [retailProfit] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("retailProfit settings", () => {
  it("accepts good settings and fills in the defaults", () => {
    const plan = compilePlan({ components: [{ type: "retailProfit", discount: 0.25 }] }, { components: [retailProfit] });
    expect(plan.components[0]!.settings).toMatchObject({ discount: { text: "0.25", scaled: 25 }, requireActive: false });
  });

  it.each([
    ["a missing discount", {}, "components[0].discount", /decimal string/],
    ["a negative discount", { discount: "-0.1" }, "components[0].discount", /-0\.1/],
    ["a discount over 1", { discount: "1.1" }, "components[0].discount", /at most 1\b/],
    ["a discount that is not a number", { discount: "a quarter" }, "components[0].discount", /decimal string/],
    ["qualification.active not a boolean", { discount: "0.25", qualification: { active: "no" } }, "components[0].qualification.active", /boolean/],
    ["an unknown key", { discount: "0.25", markup: "0.3" }, "components[0]", /unknown key\(s\) "markup"/],
  ])("rejects %s", (_what, component, path, pattern) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(pattern);
  });
});
