/**
 * Affiliate tiers: the hand-computed cases on both engines, and malformed
 * settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { affiliate } from "../../src/plan/components/affiliate/index.js";
import { AFFILIATE_CASES } from "./affiliate.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("affiliate", AFFILIATE_CASES, { components: [affiliate] });

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>): { path: string; message: string }[] {
  try {
    compilePlan({ components: [{ type: "affiliate", ...component }] } as unknown as PlanInput, { components: [affiliate] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("affiliate settings", () => {
  const good = { rates: ["0.25", "0.05"] };

  it("accepts good settings and fills in the defaults", () => {
    const plan = compilePlan({ components: [{ type: "affiliate", ...good }] }, { components: [affiliate] });
    expect(plan.components[0]!.settings).toMatchObject({ mode: "recurring", basis: "price", requireActive: false });
    expect(plan.components[0]!.settings).not.toHaveProperty("stepDown");
  });

  it("accepts a step-down and compiles its rates at the plan's scale", () => {
    const plan = compilePlan(
      { components: [{ type: "affiliate", ...good, stepDown: { afterPeriods: 12, rates: ["0.125", "0"] } }] },
      { components: [affiliate] },
    );
    // Three places (0.125), so 0.25 is 250 units.
    expect(plan.places).toBe(3);
    expect(plan.components[0]!.settings).toMatchObject({ rates: [{ scaled: 250 }, { scaled: 50 }], stepDown: { afterPeriods: 12, rates: [{ scaled: 125 }, { scaled: 0 }] } });
  });

  it.each([
    ["empty rates", { rates: [] }, "components[0].rates", />=1 items/],
    ["three levels", { rates: ["0.1", "0.1", "0.1"] }, "components[0].rates", /<=2 items/],
    ["rates missing", {}, "components[0].rates", /array/],
    ["a negative rate", { rates: ["0.25", "-0.05"] }, "components[0].rates[1]", /-0\.05/],
    ["a rate over 1", { rates: ["1.25"] }, "components[0].rates[0]", /at most 1\b/],
    ["a rate with 7 decimals", { rates: ["0.1234567"] }, "components[0].rates[0]", /at most 6 digits/],
    ["an unknown mode", { ...good, mode: "lifetime" }, "components[0].mode", /"recurring"/],
    ["an unknown basis", { ...good, basis: "gv" }, "components[0].basis", /"price"/],
    ["qualification.active not a boolean", { ...good, qualification: { active: 1 } }, "components[0].qualification.active", /boolean/],
    ["an unknown key", { ...good, levels: 2 }, "components[0]", /unknown key\(s\) "levels"/],
    ["stepDown.afterPeriods 0", { ...good, stepDown: { afterPeriods: 0, rates: ["0.1", "0"] } }, "components[0].stepDown.afterPeriods", />=1/],
    ["fractional stepDown.afterPeriods", { ...good, stepDown: { afterPeriods: 1.5, rates: ["0.1", "0"] } }, "components[0].stepDown.afterPeriods", /expected int/],
    ["stepDown.afterPeriods missing", { ...good, stepDown: { rates: ["0.1", "0"] } }, "components[0].stepDown.afterPeriods", /number/],
    ["a step-down rate over 1", { ...good, stepDown: { afterPeriods: 6, rates: ["0.1", "2"] } }, "components[0].stepDown.rates[1]", /at most 1\b/],
    ["empty step-down rates", { ...good, stepDown: { afterPeriods: 6, rates: [] } }, "components[0].stepDown.rates", />=1 items/],
    ["fewer step-down rates than rates", { ...good, stepDown: { afterPeriods: 6, rates: ["0.1"] } }, "components[0].stepDown.rates", /as many step-down rates as rates \(2\), got 1/],
    ["more step-down rates than rates", { rates: ["0.3"], stepDown: { afterPeriods: 6, rates: ["0.1", "0.1"] } }, "components[0].stepDown.rates", /as many step-down rates as rates \(1\), got 2/],
    ["an unknown key in stepDown", { ...good, stepDown: { afterPeriods: 6, rates: ["0.1", "0"], months: 6 } }, "components[0].stepDown", /unknown key\(s\) "months"/],
    ["a step-down with mode firstOrder", { rates: ["0.3"], mode: "firstOrder", stepDown: { afterPeriods: 6, rates: ["0.1"] } }, "components[0].stepDown", /no stepDown with mode "firstOrder"/],
  ])("rejects %s", (_what, component, path, pattern) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(pattern);
  });
});
