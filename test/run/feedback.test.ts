/**
 * Income feedback: when the scenario's attrition reads members' income, each
 * plan compared gets its own world (from the same keyed draws), told each
 * period of that plan's payouts; without it one world serves every plan.
 */
import { describe, expect, it } from "vitest";
import { simulate, simulatePlans, type PlanInput, type ScenarioInput } from "../../src/index.js";

const BASE: ScenarioInput = { months: 12, start: { founders: 1, network: { distributors: 1500, customersPerDistributor: 2 } }, market: { prospects: 100_000 } };
/** Members whose net income last period was positive quit at a fifth of the base rate. */
const FEEDBACK: ScenarioInput = { ...BASE, distributors: { attritionMultipliers: { byNetIncome: [{ minNet: "0.01", multiplier: 0.2 }] } } };
const GENEROUS: PlanInput = { name: "generous", activity: { minPv: "0" }, components: [{ type: "customerCommission", rate: "0.9" }, { type: "unilevel", rates: ["0.3", "0.2"] }] };
const STINGY: PlanInput = { name: "stingy", activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.01"] }] };

describe("income feedback in the runner", () => {
  it("off (no multipliers): one world serves every plan, identical events", () => {
    const [a, b] = simulatePlans({ scenario: BASE, seed: 3, plans: [GENEROUS, STINGY] });
    expect(a!.periods.map((p) => [p.members, p.quits, p.revenue])).toEqual(b!.periods.map((p) => [p.members, p.quits, p.revenue]));
  });

  it("on: each plan's world hears of its own payouts; a plan that pays better keeps more people", () => {
    const [generous, stingy] = simulatePlans({ scenario: FEEDBACK, seed: 3, plans: [GENEROUS, STINGY] });
    const quits = (r: typeof generous) => r!.periods.reduce((s, p) => s + p.quits, 0);
    // Period 0 has no earlier income to read: both worlds are the same there.
    expect(generous!.periods[0]!.quits).toBe(stingy!.periods[0]!.quits);
    expect(quits(generous)).toBeLessThan(quits(stingy));
    expect(generous!.periods.at(-1)!.members).toBeGreaterThan(stingy!.periods.at(-1)!.members);
  });

  it("on: each plan's run is the run it would have alone (its own world, from the same keyed draws)", () => {
    const [generous, stingy] = simulatePlans({ scenario: FEEDBACK, seed: 3, plans: [GENEROUS, STINGY] });
    expect(simulate({ scenario: FEEDBACK, seed: 3, plan: GENEROUS }).periods).toEqual(generous!.periods);
    expect(simulate({ scenario: FEEDBACK, seed: 3, plan: STINGY }).periods).toEqual(stingy!.periods);
  });

  it("on: a plan that pays nothing sees the base attrition, as if feedback were off", () => {
    const nothing: PlanInput = { name: "nothing", activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0"] }] };
    // No member ever has a positive net income, so no multiplier applies: the world of the run without feedback.
    expect(simulate({ scenario: FEEDBACK, seed: 3, plan: nothing }).periods.map((p) => p.quits)).toEqual(simulate({ scenario: BASE, seed: 3, plan: nothing }).periods.map((p) => p.quits));
  });
});
