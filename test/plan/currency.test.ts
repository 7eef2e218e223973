/**
 * Plans compile against a currency: every money field is converted to minor
 * units and checked then, so a value finer than the currency is a field-path
 * error before period 0 — on compile, on `validate`, and before `simulate`
 * draws anything.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, simulate, type PlanInput } from "../../src/index.js";

function issuesOf(step: () => unknown) {
  try {
    step();
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues;
    throw e;
  }
  throw new Error("accepted");
}

const advancement = (amount: string): PlanInput => ({
  ranks: [{ name: "Silver" }, { name: "Gold", gv: "500" }],
  components: [{ type: "rankAdvancement", bonuses: [{ rank: "Silver", amount: "10.00" }, { rank: "Gold", amount }] }],
});

describe("plans compile against a currency", () => {
  it("a rank advancement of 10.005 USD is rejected at compile time with its field path", () => {
    expect(issuesOf(() => compilePlan(advancement("10.005")))).toEqual([
      { path: "components[0].bonuses[1].amount", message: "expected at most 2 decimals for USD, got 10.005" },
    ]);
  });

  it("the same plan is fine in BHD (3 decimals): 10.005 BHD is 10,005 fils", () => {
    const plan = compilePlan(advancement("10.005"), { currency: "BHD" });
    expect(plan.currency).toBe("BHD");
    expect(plan.digits).toBe(3);
    // Bonus by rank number: none, Silver 10.000 BHD, Gold 10.005 BHD.
    expect((plan.components[0]!.settings as { bonusByRank: number[] }).bonusByRank).toEqual([0, 10_000, 10_005]);
  });

  it("every money field of the plan is checked, all problems named at once", () => {
    const plan: PlanInput = {
      activity: { minPv: "100.5" },
      ranks: [{ name: "A", pv: "1.25", gv: "10", legs: [{ count: 1, minGv: "2.5" }] }],
      caps: { perMember: { amount: "99.99" } },
      components: [{ type: "binary", pay: { kind: "cycles", left: "100.5", right: "100", value: "20" } }],
    };
    expect(issuesOf(() => compilePlan(plan, { currency: "JPY" })).map((i) => i.path)).toEqual([
      "activity.minPv",
      "ranks[0].pv",
      "ranks[0].legs[0].minGv",
      "components[0].pay.left",
      "caps.perMember.amount",
    ]);
  });

  it("a compiled plan is compiled again for another currency, from its input", () => {
    const usd = compilePlan({ activity: { minPv: "100" }, components: [{ type: "customerCommission", rate: "0.2" }] });
    expect(usd.minPv).toBe(100_00);
    const jpy = compilePlan(usd, { currency: "JPY" });
    expect(jpy.minPv).toBe(100);
    expect(compilePlan(usd, { currency: "USD" })).toBe(usd);
  });

  it("simulate compiles the plan for the scenario's currency before any work", () => {
    const scenario = { currency: "JPY", months: 1, customers: { orderValue: { kind: "fixed", value: "5000" } }, distributors: { orderValue: { kind: "fixed", value: "9000" } } } as const;
    // Silver's "10.00" is 10 yen; Gold's "10.50" has decimals the yen does not.
    expect(issuesOf(() => simulate({ scenario, plan: advancement("10.50") }))).toEqual([{ path: "components[0].bonuses[1].amount", message: "expected at most 0 decimals for JPY, got 10.5" }]);
    expect(simulate({ scenario, plan: advancement("10") }).periods).toHaveLength(1);
  });

  it("an unknown currency is an options error", () => {
    expect(issuesOf(() => compilePlan(advancement("10"), { currency: "XYZ" }))).toEqual([{ path: "currency", message: 'expected an ISO 4217 currency code like "USD", got "XYZ"' }]);
  });
});
