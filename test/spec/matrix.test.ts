/**
 * Forced matrix: the hand-computed cases on both engines, malformed settings
 * rejected with field-path errors, and networks the plan cannot be paid on
 * (no placement tree, another width) refused by both engines alike.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, createFastEngine, createReferenceEngine, DownlineInputError, networkFromRecords, type PlanInput } from "../../src/index.js";
import { matrix } from "../../src/plan/components/matrix/index.js";
import { MATRIX_CASES } from "./matrix.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("matrix", MATRIX_CASES, { components: [matrix] });

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>, ranks: PlanInput["ranks"] = []): { path: string; message: string }[] {
  try {
    compilePlan({ ranks, components: [{ type: "matrix", ...component }] } as unknown as PlanInput, { components: [matrix] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("matrix settings", () => {
  const good = { width: 3, rates: ["0.10", "0.05"] };

  it("accepts good settings and fills in the defaults", () => {
    const plan = compilePlan({ components: [{ type: "matrix", ...good }] }, { components: [matrix] });
    expect(plan.components[0]!.settings).toMatchObject({ width: 3, requireActive: true });
    expect(plan.components[0]!.settings).not.toHaveProperty("depthByRank");
  });

  it("resolves payable depth by rank name to a depth per rank number", () => {
    const ranks = [{ name: "Bronze", gv: "100" }, { name: "Silver", gv: "200" }, { name: "Gold", gv: "300" }];
    const plan = compilePlan(
      { ranks, components: [{ type: "matrix", ...good, depth: { base: 1, byRank: [{ rank: "Silver", levels: 2 }] } }] },
      { components: [matrix] },
    );
    // No rank and Bronze: base 1; Silver and Gold (at or above Silver): 2.
    expect(plan.components[0]!.settings).toMatchObject({ depthByRank: [1, 1, 2, 2] });
  });

  it.each([
    ["width 0", { ...good, width: 0 }, "components[0].width", />=2/],
    ["width 1 (a line, not a matrix)", { ...good, width: 1 }, "components[0].width", />=2/],
    ["a fractional width", { ...good, width: 2.5 }, "components[0].width", /expected int/],
    ["width missing", { rates: ["0.1"] }, "components[0].width", /number/],
    ["empty rates", { ...good, rates: [] }, "components[0].rates", />=1 items/],
    ["33 levels", { ...good, rates: Array<string>(33).fill("0.01") }, "components[0].rates", /<=32 items/],
    ["a negative rate", { ...good, rates: ["0.10", "-0.05"] }, "components[0].rates[1]", /-0\.05/],
    ["a rate over 1", { ...good, rates: ["1.5"] }, "components[0].rates[0]", /at most 1\b/],
    ["qualification.active not a boolean", { ...good, qualification: { active: "yes" } }, "components[0].qualification.active", /boolean/],
    ["an unknown key", { ...good, levels: 2 }, "components[0]", /unknown key\(s\) "levels"/],
    ["an unknown rank in depth", { ...good, depth: { base: 1, byRank: [{ rank: "Gold", levels: 2 }] } }, "components[0].depth.byRank[0].rank", /Gold/],
  ])("rejects %s", (_what, component, path, pattern) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(pattern);
  });
});

describe("matrix on a network it cannot be paid on", () => {
  const plan = () => compilePlan({ components: [{ type: "matrix", name: "forced", width: 3, rates: ["0.10"] }] }, { components: [matrix] });
  const engines = {
    fast: () => createFastEngine(plan()),
    reference: () => createReferenceEngine(plan()),
  };
  const orders = [{ member: 1, customer: -1, price: 100_00, cv: 100_00 }];

  it.each(Object.entries(engines))("%s engine: no placement tree is a clear error naming the component", (_, create) => {
    expect(() => create().pay(networkFromRecords({ uplines: [-1, 0], orders }))).toThrow(/forced: .*needs a placement tree: give the scenario a placement mode/);
  });

  it.each(Object.entries(engines))("%s engine: a placement tree of another width is a clear error", (_, create) => {
    const network = networkFromRecords({ uplines: [-1, 0], orders, placement: { width: 2, parent: [-1, 0], slot: [0, 1] } });
    expect(() => create().pay(network)).toThrow(/forced: the plan's matrix is 3 wide, but the network's placement tree is 2 wide/);
  });
});
