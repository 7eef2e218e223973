/**
 * The chart specs are valid Vega-Lite: each validates against vega-lite's own
 * JSON Schema (ajv), compiles with vega-lite to a Vega spec, and draws as an
 * SVG with vega (no DOM) — on small runs of both plans' worlds.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import * as vl from "vega-lite";
import { DEFAULT_PLAN, PRESETS, simulatePlans, stopEffort, stopReport, type ScenarioInput } from "../../src/index.js";
import { comparePlans } from "../../src/run/compare-plans.js";
import { sweepParameters } from "../../src/run/sweep-parameters.js";
import { payoutRatioChart } from "../../src/output/charts/payout-ratio-chart.js";
import { incomeDistributionChart } from "../../src/output/charts/income-distribution-chart.js";
import { incomeByComponentChart } from "../../src/output/charts/income-by-component-chart.js";
import { incomeDecompositionChart } from "../../src/output/charts/income-decomposition-chart.js";
import { incomeDecomposition } from "../../src/analysis/decomposition.js";
import { DEFAULT_MEMBER_PERIOD_COLUMNS, INCOME_COLUMNS } from "../../src/analysis/member-periods.js";
import { stopChart } from "../../src/output/charts/stop-chart.js";
import { sweepChart } from "../../src/output/charts/sweep-chart.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "../../src/output/charts/spec.js";
import { chartSvg } from "../../src/cli/render-chart.js";

const SMALL: ScenarioInput = { months: 8, start: { founders: 1, network: { distributors: 200 } }, market: { prospects: 5000 } };
const WELLNESS = PRESETS["wellness-unilevel"];

// Not in vega-lite's exports map: read from its folder.
const schema = JSON.parse(readFileSync(new URL("../../node_modules/vega-lite/build/vega-lite-schema.json", import.meta.url), "utf8"));
const validate = new Ajv.default({ strict: false, allErrors: false, validateFormats: false, logger: false }).compile(schema);

/** Valid against the Vega-Lite schema, compiles, draws; JSON-safe (no NaN, no functions). */
async function expectValid(spec: VegaLiteSpec): Promise<string> {
  expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  const ok = validate(spec);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec);
  expect(compiled.spec.marks?.length ?? 0).toBeGreaterThan(0);
  const svg = await chartSvg(spec);
  expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
  return svg;
}

/** The spec's data rows: its own, or its first layer's. */
const values = (spec: VegaLiteSpec): Record<string, unknown>[] => ((spec.data ?? (spec.layer as VegaLiteSpec[])[0]!.data) as { values: Record<string, unknown>[] }).values;

describe("charts: valid Vega-Lite specs, plain data", () => {
  it("the schema check has teeth: a misspelt mark or channel is refused", () => {
    expect(validate({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "lien" })).toBe(false);
    expect(validate({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "line", encoding: { xx: { field: "a" } } })).toBe(false);
  });

  const results = simulatePlans({ scenario: SMALL, plans: [DEFAULT_PLAN, WELLNESS], seed: 1, ledger: false, memberPeriods: true });

  it("payout ratio over time: from results (one line each) and from a comparison (mean and band across seeds)", async () => {
    const fromResults = payoutRatioChart(results);
    expect(values(fromResults)).toHaveLength(2 * 8);
    expect(values(fromResults)[0]).toEqual({ series: "Default unilevel", period: 0, mean: results[0]!.periods[0]!.payoutRatio, low: results[0]!.periods[0]!.payoutRatio, high: results[0]!.periods[0]!.payoutRatio, seeds: 1 });
    await expectValid(fromResults);
    const c = await comparePlans({ plans: [DEFAULT_PLAN, WELLNESS], scenario: SMALL, seeds: 2, window: "run" });
    const spec = payoutRatioChart(c, { title: "Two plans" });
    expect(spec.title).toBe("Two plans");
    const rows = values(spec);
    expect(rows).toHaveLength(2 * 8);
    const at3 = c.periods.filter((r) => r.plan === "Default unilevel" && r.period === 3).map((r) => r.payoutRatio);
    expect(rows.find((r) => r.series === "Default unilevel" && r.period === 3)).toEqual({ series: "Default unilevel", period: 3, mean: (at3[0]! + at3[1]!) / 2, low: Math.min(...at3), high: Math.max(...at3), seeds: 2 });
    const svg = await expectValid(spec);
    expect(svg).toContain("Two plans");
    expect(await expectValid(payoutRatioChart(c))).toContain("Payout ratio over time");
  });

  it("income distribution per plan: 101 percentiles of the window's gross income, money in major units", async () => {
    const spec = incomeDistributionChart(results, { window: "run" });
    const rows = values(spec);
    expect(rows).toHaveLength(2 * 101);
    const top = rows.find((r) => r.series === "Wellness unilevel" && r.percentile === 100)!;
    const gross = results[1]!.members.filter((m) => !m.company).map((m) => m.gross);
    expect(top.income).toBeCloseTo(Math.max(...gross) / 100, 6);
    await expectValid(spec);
    await expectValid(incomeDistributionChart(results, { measure: "net" }));
  });

  it("income by component over time: one plan, or one panel per plan", async () => {
    const one = incomeByComponentChart(results[1]!);
    const rows = values(one);
    expect(rows).toHaveLength(8 * WELLNESS.components!.length);
    expect(rows.filter((r) => r.period === 5).reduce((s, r) => s + (r.amount as number), 0)).toBeCloseTo((results[1]!.periods[5]!.payout + results[1]!.periods[5]!.customerPaid) / 100, 6);
    await expectValid(one);
    // Retail profit, paid by customers, is drawn and marked so.
    const withRetail = simulatePlans({ scenario: SMALL, plans: [{ name: "Retail", components: [{ type: "retailProfit", discount: "0.25" }, { type: "unilevel", rates: ["0.05"] }] }], seed: 1, ledger: false })[0]!;
    expect(values(incomeByComponentChart(withRetail)).map((r) => r.component).slice(0, 2)).toEqual(["retailProfit (retail, paid by customers)", "unilevel"]);
    const both = incomeByComponentChart(results);
    expect(both.facet).toBeDefined();
    await expectValid(both);
  });

  it("income decomposition over time: the kinds stacked per period, from incomeDecomposition's rows; one panel per plan", async () => {
    const withIncome = simulatePlans({ scenario: SMALL, plans: [DEFAULT_PLAN, WELLNESS], seed: 1, ledger: false, memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS] } });
    const one = incomeDecompositionChart(withIncome[1]!);
    const rows = values(one);
    expect(rows).toHaveLength(8 * 4);
    expect(rows.slice(0, 4).map((r) => r.kind)).toEqual([
      "active (one-time, new effort)",
      "residual (own customers' repeat orders)",
      "leveraged (the downline's orders and work)",
      "unclassified (components that do not say)",
    ]);
    // Each period's four amounts are that period's row of incomeDecomposition (the whole run), in major units.
    const d = incomeDecomposition(withIncome[1]!, { window: "run" });
    for (const p of d.periods) {
      const at = rows.filter((r) => r.period === p.period);
      expect(at.map((r) => r.amount)).toEqual([p.active / 100, p.residual / 100, p.leveraged / 100, p.unclassified / 100]);
      expect(at[0]).toMatchObject({ series: "Wellness unilevel", participants: p.participants, continuingShare: Number.isFinite(p.continuingShare) ? p.continuingShare : null });
    }
    // The kinds sum to participants' gross income: earnings and retail profit, company accounts left out.
    const kinds = ["active", "residual", "leveraged"].map((k) => rows.filter((r) => (r.kind as string).startsWith(k)).reduce((s, r) => s + (r.amount as number), 0));
    expect(kinds.every((k) => k > 0)).toBe(true);
    const gross = withIncome[1]!.members.filter((m) => !m.company).reduce((s, m) => s + m.gross, 0);
    expect(kinds.reduce((s, k) => s + k, 0)).toBeCloseTo(gross / 100, 4);
    const svg = await expectValid(one);
    expect(svg).toContain("Income decomposition over time");
    const both = incomeDecompositionChart(withIncome, { window: "lastYear", title: "Two plans" });
    expect(both.facet).toBeDefined();
    expect(new Set(values(both).map((r) => r.period))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    await expectValid(both);
    // A tenure window draws by period of membership.
    expect(values(incomeDecompositionChart(withIncome[0]!, { window: { firstPeriods: 3 } })).map((r) => r.period)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    // Without the income columns it says what to run with.
    expect(() => incomeDecompositionChart(results[0]!)).toThrow(/expected the income columns/);
  });

  it("with and without effort after a stop: one member's two lines, or a cohort's medians and bands", async () => {
    const base = results[0]!;
    const workers = base.members.filter((m) => !m.company && m.joinPeriod < 3 && m.status === "current" && m.gross > 0).map((m) => m.member);
    const cf = stopEffort({ scenario: SMALL, seed: 1, ledger: false, memberPeriods: true }, { members: workers.slice(0, 12), fromPeriod: 4 });
    const cohort = stopChart(stopReport(cf));
    expect(new Set(values(cohort).map((r) => r.series))).toEqual(new Set(["with her effort", "without effort from the stop"]));
    await expectValid(cohort);
    const single = stopChart(stopReport({ ...cf, members: [workers[0]!] }));
    expect(String(single.title)).toMatch(new RegExp(`member ${workers[0]}, stopping in period 4`));
    await expectValid(single);
  });

  it("a sweep's metric against its parameter, with its interval", async () => {
    const s = await sweepParameters({ plans: [DEFAULT_PLAN], scenario: SMALL, grid: { "distributors.orderProbability": [0.5, 0.8] }, seeds: 2, window: "run" });
    const spec = sweepChart(s, { metric: "medianGross" });
    expect(values(spec).map((r) => r.x)).toEqual([0.5, 0.8]);
    const row = s.summary.find((r) => r.metric === "medianGross" && r.point === 1)!;
    expect(values(spec)[1]).toMatchObject({ series: "Default unilevel", mean: row.mean / 100, n: 2 });
    await expectValid(spec);
    await expectValid(sweepChart(s));
    expect(() => sweepChart(s, { parameter: "market.prospects" })).toThrow(/expected a parameter of the sweep \(distributors\.orderProbability\)/);
  });
});
