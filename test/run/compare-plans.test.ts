import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN, simulatePlans, DownlineInputError, type PlanInput, type ScenarioInput } from "../../src/index.js";
import { comparePlans } from "../../src/run/compare-plans.js";
import { sweepParameters, sweepPoints, withField } from "../../src/run/sweep-parameters.js";
import { PLAN_METRICS, planMetrics } from "../../src/analysis/plan-metrics.js";
import { INCOME_COLUMNS } from "../../src/analysis/member-periods.js";
import { meanInterval, pairedInterval } from "../../src/analysis/statistics.js";

const TINY: ScenarioInput = { name: "default", months: 4, start: { founders: 1, network: { distributors: 250 } }, market: { prospects: 10_000 } };
const FLAT: PlanInput = { name: "Flat", components: [{ type: "unilevel", rates: ["0.10", "0.10"], compression: "none" }] };

describe("comparePlans", () => {
  it("per seed, the metrics of simulatePlans on that seed; across seeds, their intervals; paired differences", async () => {
    const progress: string[] = [];
    const c = await comparePlans({ plans: [DEFAULT_PLAN, FLAT], scenario: TINY, seeds: [1, 2, 3], window: "run", onProgress: ({ done, total }) => progress.push(`${done}/${total}`) });
    expect(progress).toEqual(["1/3", "2/3", "3/3"]); // one run per seed: both plans share it
    expect(c.arms.map((a) => [a.plan, a.world, a.window])).toEqual([
      ["Default unilevel", "default", "periods 0–3 (the whole run)"],
      ["Flat", "default", "periods 0–3 (the whole run)"],
    ]);
    for (const seed of [1, 2, 3]) {
      const results = simulatePlans({ scenario: TINY, plans: [DEFAULT_PLAN, FLAT], seed, ledger: false, memberPeriods: { columns: ["earnings", "retailProfit", "expenses", "requiredPurchases", "hours", ...INCOME_COLUMNS] } });
      results.forEach((r, a) => {
        const expected = planMetrics(r, "run");
        for (const m of PLAN_METRICS) {
          const row = c.values.find((v) => v.plan === c.arms[a]!.plan && v.seed === seed && v.metric === m.name)!;
          expect(Object.is(row.value, expected[m.name]) || row.value === expected[m.name]).toBe(true);
        }
      });
    }
    const series = (plan: string, metric: string) => c.values.filter((v) => v.plan === plan && v.metric === metric).map((v) => v.value);
    const s = c.summary.find((r) => r.plan === "Flat" && r.metric === "payoutRatio")!;
    expect(s).toEqual({ plan: "Flat", world: "default", metric: "payoutRatio", ...pick(meanInterval(series("Flat", "payoutRatio"))) });
    const d = c.differences.find((r) => r.metric === "payoutRatio")!;
    const p = pairedInterval(series("Default unilevel", "payoutRatio"), series("Flat", "payoutRatio"));
    expect(d).toEqual({ planA: "Default unilevel", planB: "Flat", world: "default", metric: "payoutRatio", n: 3, meanDifference: p.mean, sd: p.sd, lo: p.lo, hi: p.hi });
    // Same world, same seeds: revenue is identical under both plans (common random numbers), so its difference is exactly 0.
    expect(c.differences.find((r) => r.metric === "revenue")).toMatchObject({ meanDifference: 0, sd: 0 });
    expect(c.disclosures).toEqual([]);
  });

  it("plans on worlds of their own run apart and are not paired across worlds; disclosures when asked", async () => {
    const own = { ...TINY, name: "own world", months: 3 };
    const c = await comparePlans({ plans: [DEFAULT_PLAN, { plan: DEFAULT_PLAN, scenario: own, label: "Default (own)" }], scenario: TINY, seeds: 2, window: "run", disclosures: true });
    expect(c.arms.map((a) => a.world)).toEqual(["default", "own world"]);
    expect(c.differences).toEqual([]);
    expect(c.disclosures.map((d) => [d.plan, d.seed, d.disclosure.rows[0]!.label])).toEqual([
      ["Default unilevel", 1, "All participants"],
      ["Default unilevel", 2, "All participants"],
      ["Default (own)", 1, "All participants"],
      ["Default (own)", 2, "All participants"],
    ]);
  });

  it("is cancelled by an AbortSignal between runs", async () => {
    const controller = new AbortController();
    let runs = 0;
    const pending = comparePlans({
      plans: [DEFAULT_PLAN],
      scenario: TINY,
      seeds: 5,
      window: "run",
      signal: controller.signal,
      onProgress: () => {
        runs += 1;
        if (runs === 2) controller.abort(new Error("enough"));
      },
    });
    await expect(pending).rejects.toThrow("enough");
    expect(runs).toBe(2);
  });

  it("checks its options before any run", async () => {
    await expect(comparePlans({ plans: [DEFAULT_PLAN], scenario: TINY, seeds: [1, 1] })).rejects.toThrow(/seeds\[1\]: expected unique seeds/);
    await expect(comparePlans({ plans: [DEFAULT_PLAN], scenario: TINY, seeds: 0 })).rejects.toThrow(DownlineInputError);
    await expect(comparePlans({ plans: [DEFAULT_PLAN, DEFAULT_PLAN], scenario: TINY, seeds: 1 })).rejects.toThrow(/plans\[1\]: expected a unique label/);
    await expect(comparePlans({ plans: [DEFAULT_PLAN], scenario: TINY, seeds: 1, window: "firstYear" })).rejects.toThrow(/window: expected a calendar window/);
    await expect(comparePlans({ plans: [DEFAULT_PLAN], scenario: { months: -1 }, seeds: 1 })).rejects.toThrow(/downline\/scenario: months/);
  });
});

describe("sweepParameters", () => {
  it("sets fields by path and crosses the grid, the first path slowest", () => {
    expect(withField({ months: 3 }, "distributors.orderProbability", 0.5)).toEqual({ months: 3, distributors: { orderProbability: 0.5 } });
    expect(withField({ customers: { churn: [{ fromMonth: 0, monthly: 0.08 }] } }, "customers.churn.0.monthly", 0.1)).toEqual({ customers: { churn: [{ fromMonth: 0, monthly: 0.1 }] } });
    expect(() => withField({}, "a.__proto__.b", 1)).toThrow(DownlineInputError);
    expect(sweepPoints({ grid: { a: [1, 2], b: ["x", "y"] } })).toEqual([{ a: 1, b: "x" }, { a: 1, b: "y" }, { a: 2, b: "x" }, { a: 2, b: "y" }]);
    expect(() => sweepPoints({})).toThrow(/either grid/);
  });

  it("runs values × plans × seeds, rows carrying the point; a bad value names its point", async () => {
    const s = await sweepParameters({ scenario: TINY, plans: [DEFAULT_PLAN, FLAT], grid: { "distributors.orderProbability": [0.4, 0.9] }, seeds: 2, window: "run" });
    expect(s.points.map((p) => p.parameters)).toEqual([{ "distributors.orderProbability": 0.4 }, { "distributors.orderProbability": 0.9 }]);
    const revenue = s.summary.filter((r) => r.metric === "revenue" && r.plan === "Flat").map((r) => [r.point, r.mean]);
    expect(revenue[1]![1]).toBeGreaterThan(revenue[0]![1] as number); // more own orders, more revenue
    // Plans are paired within a point, not across points.
    expect(new Set(s.differences.map((d) => d.point))).toEqual(new Set([0, 1]));
    expect(s.differences.every((d) => d.planA === "Default unilevel" && d.planB === "Flat")).toBe(true);
    expect(s.values[0]).toMatchObject({ plan: "Default unilevel", seed: 1, point: 0, parameters: { "distributors.orderProbability": 0.4 } });
    await expect(sweepParameters({ scenario: TINY, plans: [DEFAULT_PLAN], grid: { "distributors.orderProbability": [0.5, 2] }, seeds: 1 })).rejects.toThrow(/sweep point 1/);
  });
});

function pick(ci: ReturnType<typeof meanInterval>) {
  return { n: ci.n, mean: ci.mean, sd: ci.sd, lo: ci.lo, hi: ci.hi };
}
