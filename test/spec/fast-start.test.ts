/**
 * Fast start: the hand-computed cases on both engines, and malformed settings
 * rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { fastStart } from "../../src/plan/components/fast-start/index.js";
import { FAST_START_CASES } from "./fast-start.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("fastStart", FAST_START_CASES, { components: [fastStart] });

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>): { path: string; message: string }[] {
  try {
    compilePlan({ components: [{ type: "fastStart", ...component }] } as unknown as PlanInput, { components: [fastStart] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("fastStart settings", () => {
  const good = { rates: ["0.25", "0.10"], periods: 3 };

  it("accepts good settings and fills in the defaults", () => {
    const plan = compilePlan({ components: [{ type: "fastStart", ...good }] }, { components: [fastStart] });
    expect(plan.components[0]!.settings).toMatchObject({ periods: 3, volume: "pv", requireActive: false });
  });

  it.each([
    ["empty rates", { ...good, rates: [] }, "components[0].rates", />=1 items/],
    ["five levels", { ...good, rates: ["0.1", "0.1", "0.1", "0.1", "0.1"] }, "components[0].rates", /<=4 items/],
    ["a negative rate", { ...good, rates: ["0.25", "-0.1"] }, "components[0].rates[1]", /-0\.1/],
    ["a rate over 1", { ...good, rates: ["1.5"] }, "components[0].rates[0]", /at most 1\b/],
    ["months 0", { ...good, periods: 0 }, "components[0].periods", />=1/],
    ["fractional periods", { ...good, periods: 1.5 }, "components[0].periods", /expected int/],
    ["periods missing", { rates: ["0.25"] }, "components[0].periods", /number/],
    ["an unknown volume", { ...good, volume: "gv" }, "components[0].volume", /"pv"/],
    ["qualification.active not a boolean", { ...good, qualification: { active: "yes" } }, "components[0].qualification.active", /boolean/],
    ["an unknown key", { ...good, levels: 2 }, "components[0]", /unknown key\(s\) "levels"/],
  ])("rejects %s", (_what, component, path, pattern) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(pattern);
  });
});
