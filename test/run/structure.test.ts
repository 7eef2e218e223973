/** A plan states the placement tree it needs; the runner supplies it or refuses a conflict before any work. */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, PRESETS, resolveScenario, simulate, simulatePlans, type PlanInput } from "../../src/index.js";
import { scenarioForPlans } from "../../src/run/structure.js";

const small = { months: 1, start: { founders: 1, network: { distributors: 200 } }, market: { prospects: 10_000 } };
const matrix4: PlanInput = { components: [{ type: "matrix", width: 4, rates: ["0.05"] }] };

function inputError(step: () => unknown): DownlineInputError {
  try {
    step();
  } catch (e) {
    if (e instanceof DownlineInputError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("plans state the structure they need", () => {
  it("a compiled plan says which placement tree it pays on, and which component asked", () => {
    expect(compilePlan(PRESETS.binary).needs).toEqual({ placement: { kind: "binary", component: 0 } });
    expect(compilePlan(PRESETS["matrix-3x7"]).needs).toEqual({ placement: { kind: "matrix", width: 3, component: 0 } });
    expect(compilePlan(PRESETS["wellness-unilevel"]).needs).toEqual({});
  });

  it("one plan with a binary and a matrix component is refused: a world has one placement tree", () => {
    const e = inputError(() => compilePlan({ components: [{ type: "binary", pay: { kind: "weakLeg", rate: "0.1" } }, { type: "matrix", width: 3, rates: ["0.05"] }] }));
    expect(e.issues).toEqual([{ path: "components[1]", message: "expected the same placement tree as components[0] (a binary tree), got a 3-wide matrix: a world has one placement tree" }]);
  });

  it("a scenario without a placement tree gets the one the plan needs (binary spillover; a W-wide matrix under each sponsor)", () => {
    const bare = resolveScenario(small);
    expect(scenarioForPlans(bare, [compilePlan(PRESETS.binary)]).spec.placement).toEqual({ kind: "binary", mode: "spillover" });
    expect(scenarioForPlans(bare, [compilePlan(matrix4)]).spec.placement).toEqual({ kind: "matrix", width: 4, spillover: "sponsor" });
    expect(scenarioForPlans(bare, [compilePlan(PRESETS["saas-affiliate"])])).toBe(bare);
  });

  it("simulate runs the binary and matrix presets on a scenario without a placement tree", () => {
    expect(simulate({ scenario: small, plan: PRESETS.binary }).scenario.placement).toEqual({ kind: "binary", mode: "spillover" });
    expect(simulate({ scenario: small, plan: PRESETS["matrix-3x7"] }).periods).toHaveLength(1);
  });

  it("a conflicting scenario is refused before any work, naming the plan's component and the scenario's placement", () => {
    const e = inputError(() => simulate({ scenario: { ...small, name: "wide", placement: { kind: "matrix", width: 5 } }, plan: matrix4 }));
    expect(e.issues).toEqual([{ path: "placement", message: 'expected a 4-wide matrix for plan "plan" (its components[0], matrix), got a 5-wide matrix in scenario "wide"' }]);
  });

  it("plans compared on one world must need the same tree", () => {
    const e = inputError(() => simulatePlans({ scenario: small, plans: [PRESETS.binary, PRESETS["matrix-3x7"]] }));
    expect(e.issues[0]!.path).toBe("plans");
    expect(e.issues[0]!.message).toMatch(/needs a binary tree and plan "Forced matrix 3×7" a 3-wide matrix/);
  });
});
