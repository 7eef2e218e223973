import { describe, expect, it, vi } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { activeStreak, LOYALTY_PLAN, main, TEAM_PLAN } from "../../examples/custom-component.js";
import { runSpecCases } from "../spec/run.js";
import { own, type SpecPeriod } from "../spec/cases.js";

const chain = (...orders: SpecPeriod["orders"]): SpecPeriod => ({ uplines: [-1, 0], orders });

// The team table as data: the numbers the custom component used to pay, on both engines.
runSpecCases("the former custom team table, as data", [
  {
    name: "pays by rank × active frontline on the team's volume, hand-computed",
    plan: TEAM_PLAN,
    // 0 has frontline 1, 2, 3; 1 has frontline 4. PV: 0 100, 1 1000, 2 200, 3 50 (inactive), 4 800.
    uplines: [-1, 0, 0, 0, 1],
    orders: [own(0, 100), own(1, 1000), own(2, 200), own(3, 50), own(4, 800)],
    // 0: GV 2,150 ≥ 2,000, legs 1 (GV 1,800) and 2 (200 < 300) → one leg of 300: not a Leader (needs 2).
    //    Lines: 1 and 2 active, 3 inactive → 2 lines; row 0 → 2%; team volume 2,150 − 100 = 2,050 → 41.00.
    // 1: GV 1,800, one active line (4) → 1%; team 800 → 8.00. Others have no team volume.
    paid: { team: { 0: "41.00", 1: "8.00" } },
    breakage: { team: "0.00" },
  },
]);

// The custom measure feeding built-ins: a rank rule and a rate table read what it publishes.
runSpecCases(
  "a custom measure (activeStreak) feeding a rank rule and a rate table",
  [
    {
      name: "period 3 of four active periods: Loyal from the third; the level rate by streak",
      plan: LOYALTY_PLAN,
      uplines: [],
      orders: [],
      // 0 ← 1, both active (100 each) in periods 0–3: streaks 1, 2, 3, 4.
      periods: [chain(own(0, 100), own(1, 100)), chain(own(0, 100), own(1, 100)), chain(own(0, 100), own(1, 100)), chain(own(0, 100), own(1, 100))],
      // Period 3: streaks 4 → both Loyal (≥ 3). loyalTeam: 0 earns 0.02 × her team 100 = 2.00 (1 has no team).
      // loyalLevel: 0 reads her streak 4 → rates[4] = 0.03 × 1's 100 = 3.00.
      paid: { streak: {}, loyalTeam: { 0: "2.00" }, loyalLevel: { 0: "3.00" } },
      // loyalLevel's headline is its largest rate, 0.03 × 200 = 6.00 (0's own 100 has no upline): breakage 3.00.
      breakage: { streak: "0.00", loyalTeam: "0.00", loyalLevel: "3.00" },
      ranks: { 0: "Loyal", 1: "Loyal" },
    },
    {
      name: "a period inactive resets the streak: no rank, level rate 0",
      plan: LOYALTY_PLAN,
      uplines: [],
      orders: [],
      periods: [chain(own(0, 100), own(1, 100)), chain(own(0, 100), own(1, 100)), chain(own(0, 100), own(1, 100)), chain(own(1, 100))],
      // Period 3: 0 did not order: inactive, streak 0, not Loyal; rate column 0 → 0. 1: streak 4, Loyal, no team.
      paid: { streak: {}, loyalTeam: {}, loyalLevel: {} },
      // loyalLevel headline 0.03 × 100 = 3.00, all breakage.
      breakage: { streak: "0.00", loyalTeam: "0.00", loyalLevel: "3.00" },
      ranks: { 1: "Loyal" },
    },
  ],
  { components: [activeStreak] },
);

describe("a custom component registered under its own type name", () => {
  it("is validated like a built-in: unknown without registration; a rank reading a value nothing publishes is a field-path error", () => {
    // @ts-expect-error: the types know it too: a plan using activeStreak needs it among the components.
    expect(() => compilePlan(LOYALTY_PLAN)).toThrow(/components\[0\]\.type: expected a component type .* got "activeStreak"/);
    const noStreak: PlanInput<typeof activeStreak> = { ...LOYALTY_PLAN, components: LOYALTY_PLAN.components.slice(1, 2) };
    try {
      compilePlan(noStreak, { components: [activeStreak] });
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(DownlineInputError);
      expect((e as DownlineInputError).issues.map((i) => i.path)).toEqual(["ranks[0].measures[0].measure"]);
    }
  });

  it("declares what it publishes; the plan knows the value's unit", () => {
    const plan = compilePlan(LOYALTY_PLAN, { components: [activeStreak] });
    expect(plan.components[0]!.stage).toBe("measure");
    expect(plan.values.get("streak.periods")).toBe("count");
  });

  it("runs in a simulation on both engines, which pay the same to the cent (the example's main)", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { team, loyalty } = main();
    expect(team.fast).toBeGreaterThan(0);
    expect(team.reference).toBe(team.fast);
    expect(loyalty.fast).toBeGreaterThan(0);
    expect(loyalty.reference).toBe(loyalty.fast);
    expect(log.mock.calls[0]![0]).toMatch(/^Team table \(data\): \d+\.\d\d paid over 12 months \(fast engine\), \d+\.\d\d \(reference engine\)$/);
    log.mockRestore();
  });
});
