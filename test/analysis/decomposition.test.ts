/**
 * incomeDecomposition: by hand on a fixture (each member's income by kind
 * given, period by period), and on simulated worlds: the same decomposition
 * from both engines, and the four kinds summing exactly to each member's
 * earnings + retail profit, every period (a property over random small runs).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { incomeDecomposition } from "../../src/analysis/decomposition.js";
import { INCOME_COLUMNS, sliceValues, type MemberPeriodColumn } from "../../src/analysis/member-periods.js";
import { simulate } from "../../src/run/simulate.js";
import { PRESETS } from "../../src/plan/presets.js";
import { DownlineInputError } from "../../src/validate/errors.js";
import type { PlanInput } from "../../src/plan/plan.js";
import type { ScenarioInput } from "../../src/world/scenario.js";
import { fixtureResult } from "./fixture.js";

describe("incomeDecomposition by hand", () => {
  // Three periods. 0 is the company's account; 1 and 2 founders' recruits (joined before the run); 3 joins in
  // period 1; 4 joins in period 2. Income by kind in cents (earnings + retail = the kinds' sum).
  const r = fixtureResult({
    members: [{ join: -1, company: true }, { join: -1 }, { join: -1 }, { join: 1 }, { join: 2 }],
    periods: [
      {
        values: {
          0: { earnings: 9999, income: { leveraged: 9999 } },
          1: { earnings: 1500, hours: 10, income: { active: 1000, residual: 500 } },
          2: { earnings: 2000, income: { leveraged: 2000 } },
        },
      },
      {
        values: {
          1: { earnings: 1000, hours: 5, income: { residual: 600, leveraged: 400 } },
          3: { earnings: 300, retail: 100, hours: 20, income: { active: 300, unclassified: 100 } },
        },
      },
      { values: { 2: { earnings: 1000, hours: 10, income: { leveraged: 1000 } } } },
    ],
  });

  it("per period: totals by kind and the share that would continue", () => {
    const d = incomeDecomposition(r, { window: "run" });
    expect(d.participants).toBe(4);
    expect(d.companyAccountsExcluded).toBe(1);
    // Period 0: members 1 and 2 (the company's 9,999 left out): active 1,000, residual 500, leveraged 2,000 = 3,500;
    //   continuing (500 + 2,000) / 3,500 = 5/7.
    // Period 1: members 1, 2, 3: active 300, residual 600, leveraged 400, unclassified 100 = 1,400; (600 + 400) / 1,400 = 5/7.
    // Period 2: members 1–4: leveraged 1,000 = 1,000; 1,000 / 1,000 = 1.
    expect(d.periods).toEqual([
      { period: 0, participants: 2, active: 1000, residual: 500, leveraged: 2000, unclassified: 0, total: 3500, continuingShare: 2500 / 3500 },
      { period: 1, participants: 3, active: 300, residual: 600, leveraged: 400, unclassified: 100, total: 1400, continuingShare: 1000 / 1400 },
      { period: 2, participants: 4, active: 0, residual: 0, leveraged: 1000, unclassified: 0, total: 1000, continuingShare: 1 },
    ]);
    // The window: active 1,300, residual 1,100, leveraged 3,400, unclassified 100 = 5,900; (1,100 + 3,400) / 5,900.
    expect(d.totals).toEqual({ active: 1300, residual: 1100, leveraged: 3400, unclassified: 100, total: 5900, continuingShare: 4500 / 5900 });
    expect(d.assumptions.some((a) => a.includes("stopEffort"))).toBe(true);
  });

  it("per member: window totals by kind, and gross income per hour (median and mean over those who worked)", () => {
    const d = incomeDecomposition(r, { window: "run" });
    const m = d.members;
    expect([...m.member]).toEqual([1, 2, 3, 4]);
    // 1: active 1,000, residual 500 + 600, leveraged 400 = 2,500 in 10 + 5 hours. 2: leveraged 2,000 + 1,000 = 3,000 in 10 hours.
    // 3: active 300, unclassified 100 = 400 in 20 hours. 4: nothing, no hours.
    expect([...m.active]).toEqual([1000, 0, 300, 0]);
    expect([...m.residual]).toEqual([1100, 0, 0, 0]);
    expect([...m.leveraged]).toEqual([400, 3000, 0, 0]);
    expect([...m.unclassified]).toEqual([0, 0, 100, 0]);
    expect([...m.gross]).toEqual([2500, 3000, 400, 0]);
    expect([...m.hours!]).toEqual([15, 10, 20, 0]);
    // Per hour: 2,500 / 15 = 166.67, 3,000 / 10 = 300, 400 / 20 = 20; member 4 worked no hours (left out).
    expect([...m.perHour!]).toEqual([2500 / 15, 300, 20, NaN]);
    // Sorted [20, 166.67, 300]: median 166.67; mean (20 + 166.67 + 300) / 3 = 162.22.
    expect(d.perHour!.participants).toBe(3);
    expect(d.perHour!.withoutHours).toBe(1);
    expect(d.perHour!.median).toBeCloseTo(2500 / 15, 12);
    expect(d.perHour!.mean).toBeCloseTo((20 + 2500 / 15 + 300) / 3, 12);
  });

  it("a tenure window: rows by period of membership, only members whose whole stretch lies in the run", () => {
    // First 2 periods: member 3 (joined 1: periods 1 and 2); member 4 joined 2 (2 + 2 > 3 periods: left out);
    // 1, 2 and the company's account joined before the run (left out, not counted as company accounts here).
    const d = incomeDecomposition(r, { window: { firstPeriods: 2 } });
    expect([...d.members.member]).toEqual([3]);
    expect(d.companyAccountsExcluded).toBe(0);
    expect(d.periods).toEqual([
      { period: 0, participants: 1, active: 300, residual: 0, leveraged: 0, unclassified: 100, total: 400, continuingShare: 0 },
      { period: 1, participants: 1, active: 0, residual: 0, leveraged: 0, unclassified: 0, total: 0, continuingShare: NaN },
    ]);
  });

  it("a calendar window of part of the run; a run without the income columns is told how to keep them", () => {
    const d = incomeDecomposition(r, { window: { from: 1, to: 3 } });
    expect(d.periods.map((p) => p.period)).toEqual([1, 2]);
    expect(d.totals.total).toBe(1400 + 1000);
    const without = { ...r, memberPeriods: { ...r.memberPeriods!, columns: r.memberPeriods!.columns.filter((c) => !c.startsWith("income")) } };
    expect(() => incomeDecomposition(without, { window: "run" })).toThrow(DownlineInputError);
    expect(() => incomeDecomposition(without, { window: "run" })).toThrow(/INCOME_COLUMNS/);
    // A run with no per-member, per-period results at all is told the same (memberPeriods: true would not do).
    const none = { ...r, memberPeriods: undefined };
    expect(() => incomeDecomposition(none, { window: "run" })).toThrow(/memberPeriods: expected a run with per-member, per-period results and their income columns.*INCOME_COLUMNS/);
  });
});

const COLUMNS: MemberPeriodColumn[] = ["earnings", "retailProfit", "hours", ...INCOME_COLUMNS];

/** Customer commission, retail profit, two-tier affiliate with a step-down, unilevel and fast start, under a payout cap. */
const MIXED: PlanInput = {
  name: "Mixed",
  activity: { minPv: "50" },
  components: [
    { type: "customerCommission", rate: "0.10" },
    { type: "retailProfit", discount: "0.25" },
    { type: "affiliate", rates: ["0.07", "0.03"], stepDown: { afterPeriods: 2, rates: ["0.05", "0.01"] } },
    { type: "unilevel", rates: ["0.05", "0.04", "0.03"] },
    { type: "fastStart", rates: ["0.20", "0.05"], periods: 2 },
  ],
  caps: { payout: { share: "0.25" } },
};

const SMALL: ScenarioInput = { months: 4, start: { founders: 1, network: { distributors: 120, customersPerDistributor: 1.5 } }, market: { prospects: 4000 } };

describe("incomeDecomposition of simulated runs", () => {
  it.each([
    ["the wellness preset", PRESETS["wellness-unilevel"]],
    ["customer commission, retail, affiliate, unilevel and fast start under a payout cap", MIXED],
  ])("both engines give the same split, member by member: %s", (_what, plan) => {
    const run = (engine: "fast" | "reference") => simulate({ scenario: SMALL, plan, seed: 7, engine, ledger: false, memberPeriods: { columns: COLUMNS } });
    const fast = run("fast");
    const reference = run("reference");
    expect(reference.memberPeriods!.periods).toEqual(fast.memberPeriods!.periods);
    const d = incomeDecomposition(fast, { window: "run" });
    expect(incomeDecomposition(reference, { window: "run" })).toEqual(d);
    // Every kind the plan pays shows up; nothing is unclassified in a plan of built-ins.
    expect(d.totals.active).toBeGreaterThan(0);
    expect(d.totals.residual).toBeGreaterThan(0);
    expect(d.totals.leveraged).toBeGreaterThan(0);
    expect(d.totals.unclassified).toBe(0);
  });

  it("the four kinds sum exactly to each member's earnings + retail profit, every period (random small runs)", () => {
    const plans = [PRESETS["wellness-unilevel"], PRESETS["stairstep-breakaway"], PRESETS["saas-affiliate"], PRESETS["high-ticket-affiliate"], PRESETS["info-product"], MIXED];
    fc.assert(
      fc.property(
        fc.record({
          plan: fc.constantFrom(...plans),
          seed: fc.integer({ min: 0, max: 1_000_000 }),
          months: fc.integer({ min: 1, max: 4 }),
          distributors: fc.integer({ min: 2, max: 60 }),
          period: fc.constantFrom("month" as const, "week" as const),
        }),
        ({ plan, seed, months, distributors, period }) => {
          const r = simulate({
            scenario: { months, period, start: { founders: 1, network: { distributors, customersPerDistributor: 1.5 } }, market: { prospects: 2000 } },
            plan,
            seed,
            ledger: false,
            memberPeriods: { columns: COLUMNS },
          });
          const mp = r.memberPeriods!;
          for (const slice of mp.periods) {
            const gross = sliceValues(mp, slice, "gross");
            const kinds = INCOME_COLUMNS.map((c) => sliceValues(mp, slice, c));
            for (let k = 0; k < slice.count; k++) {
              const sum = kinds[0]![k]! + kinds[1]![k]! + kinds[2]![k]! + kinds[3]![k]!;
              if (sum !== gross[k]) return false;
              if (kinds.some((col) => !Number.isInteger(col[k]) || col[k]! < 0)) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 12 },
    );
  });
});
