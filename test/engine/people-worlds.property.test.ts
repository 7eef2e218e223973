/**
 * The two engines agree on simulated worlds with every behaviour of 0.2.0's
 * world on: roles and effort fading, stopping rules (own order kept or
 * stopped, attrition exempt or not), expenses, attrition fed each period's
 * realized income and rank (income feedback: each engine's run builds its own
 * world from its own payouts, so the worlds stay equal only if the payouts
 * do), orphans to a working upline, the company accounts' own rates,
 * one-time buyers, weekly billing, and per-member, per-period results with
 * the income columns. The fast run's world keeps no order columns where its
 * plan reads none; the reference run's always does: equal results also show
 * that leaving them out changes nothing.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/people-worlds.property.test.ts`;
 * `PEOPLE_WORLD_RUNS=<n>` runs more.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_MEMBER_PERIOD_COLUMNS, INCOME_COLUMNS, ledgerLines, simulate, type PlanInput, type ScenarioInput } from "../../src/index.js";
import { expectRunInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.PEOPLE_WORLD_RUNS ?? 150);

/** Plans that pay on volume (no order columns read) or order by order (affiliate, retail profit), with ranks. */
const planArb: fc.Arbitrary<PlanInput> = fc.constantFrom<PlanInput>(
  {
    activity: { minPv: "0" },
    components: [
      { type: "customerCommission", rate: "0.20" },
      { type: "unilevel", rates: ["0.08", "0.05", "0.04"], compression: "dynamic" },
    ],
  },
  {
    activity: { minPv: "20" },
    ranks: [
      { name: "Bronze", pv: "20", gv: "100" },
      { name: "Silver", pv: "20", gv: "400" },
    ],
    components: [
      { type: "unilevel", rates: ["0.10", "0.05"], compression: "none" },
      { type: "fastStart", rates: ["0.25"], periods: 2 },
      { type: "rankAdvancement", bonuses: [{ rank: "Silver", amount: "25.00" }] },
    ],
  },
  {
    activity: { minPv: "0" },
    components: [
      { type: "affiliate", rates: ["0.30", "0.05"], mode: "recurring" },
      { type: "retailProfit", discount: "0.15" },
    ],
  },
);

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    weekly: fc.boolean(),
    renewWeekly: fc.boolean(),
    months: fc.integer({ min: 2, max: 6 }),
    distributors: fc.integer({ min: 5, max: 60 }),
    oneTime: fc.option(fc.constantFrom(0.25, 0.9)),
    stopShare: fc.constantFrom(0, 0.3, 1),
    ownOrder: fc.constantFrom("keep", "stop"),
    attrition: fc.constantFrom("exempt", "hazard"),
    feedback: fc.boolean(),
    orphans: fc.constantFrom("moveUp", "churn", "moveUpToWorking"),
    companyRate: fc.constantFrom(0, 3),
  })
  .map((s) => {
    const period = s.weekly ? "week" : "month";
    return {
      months: s.months,
      period,
      start: {
        founders: 1,
        network: { distributors: s.distributors, customersPerDistributor: 1.5 },
        company: { acquisitionRate: s.companyRate, recruitRate: s.companyRate / 3, hoursPerWeek: 10 },
      },
      market: { prospects: 2_000 },
      customers: {
        orphans: s.orphans,
        ...(s.weekly && s.renewWeekly ? { renewEvery: "week" } : {}),
        ...(s.oneTime !== null ? { oneTime: { share: s.oneTime, orderValue: { kind: "fixed", value: "297.00" } } } : {}),
      },
      stopping: s.stopShare > 0 ? [{ kind: "tenure", share: s.stopShare, atMonth: 1, ownOrder: s.ownOrder, attrition: s.attrition }] : [],
      distributors: {
        attrition: [{ fromMonth: 0, monthly: 0.15 }],
        ...(s.feedback
          ? {
              attritionMultipliers: {
                byNetIncome: [
                  { minNet: "-100.00", multiplier: 1.5 },
                  { minNet: "0.00", multiplier: 1 },
                  { minNet: "5.00", multiplier: 0.4 },
                ],
                byRank: [{ minRank: 1, multiplier: 0.5 }],
              },
            }
          : {}),
      },
    } as ScenarioInput;
  });

describe("members as people and the world's businesses: fast and reference engines agree on simulated worlds", () => {
  it(`on ${RUNS} random small worlds: period rows, ledger lines, member columns and per-member, per-period results alike`, () => {
    let paid = 0;
    let withIncomeFeedback = 0;
    fc.assert(
      fc.property(scenarioArb, planArb, fc.integer({ min: 0, max: 1_000_000 }), (scenario, plan, seed) => {
        const memberPeriods = { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS, "hours" as const] };
        const fast = simulate({ scenario, plan, seed, memberPeriods });
        const reference = simulate({ scenario, plan, seed, engine: "reference", memberPeriods });
        expectRunInvariants(fast);
        expectRunInvariants(reference);
        expect(fast.periods).toEqual(reference.periods);
        expect(ledgerLines(fast.ledger)).toEqual(ledgerLines(reference.ledger));
        const a = fast.memberColumns;
        const b = reference.memberColumns;
        expect(a.size).toBe(b.size);
        for (const name of ["joinPeriod", "quitPeriod", "role", "gross", "net", "expenses", "recruits", "customers", "periodsActive"] as const) {
          const x = (a as unknown as Record<string, ArrayLike<number> | undefined>)[name];
          const y = (b as unknown as Record<string, ArrayLike<number> | undefined>)[name];
          if (x !== undefined || y !== undefined) expect(Array.from(x!).slice(0, a.size), name).toEqual(Array.from(y!).slice(0, b.size));
        }
        expect(fast.memberPeriods).toEqual(reference.memberPeriods);
        if (fast.periods.some((p) => p.payout > 0)) paid += 1;
        if ((scenario.distributors as { attritionMultipliers?: unknown }).attritionMultipliers) withIncomeFeedback += 1;
      }),
      { numRuns: RUNS, ...replay },
    );
    // The generators reach runs that pay, and runs whose world reads the payouts back.
    expect(paid).toBeGreaterThan(RUNS / 2);
    expect(withIncomeFeedback).toBeGreaterThan(RUNS / 5);
  });
});
