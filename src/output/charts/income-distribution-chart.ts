/**
 * Income distribution per plan: each plan's participants, from the lowest
 * paid to the highest, by percentile.
 *
 * @module
 */
import type { SimulationResult } from "../../analysis/result.js";
import { quantileSorted } from "../../analysis/statistics.js";
import { windowTotals, type Window } from "../../analysis/windows.js";
import { finite, frame, oneCurrency, uniqueLabels, type ChartOptions, type VegaLiteSpec } from "./spec.js";

/** Options of {@link incomeDistributionChart}. */
export interface IncomeDistributionChartOptions extends ChartOptions {
  /** The window incomes are summed over (default `"lastYear"`, as disclosures: runs need `memberPeriods` for it; `"run"` needs none). */
  readonly window?: Window;
  /** `gross` (default: earnings + retail profit), `earnings` (company-paid) or `net` (gross − expenses − required purchases). */
  readonly measure?: "gross" | "earnings" | "net";
}

/**
 * Each plan's income distribution as a percentile curve: for p = 0, 1, …,
 * 100, the income (over the window) of the participant at the p-th
 * percentile (type-7 quantiles; company accounts left out), on a symlog
 * axis so that zeros, losses and the top percent all show. One line per
 * result (`simulatePlans` gives one per plan on the same world).
 *
 * @example
 * const results = simulatePlans({ scenario: { months: 24 }, plans: [PRESETS["wellness-unilevel"], PRESETS.binary], memberPeriods: true });
 * const spec = incomeDistributionChart(results);
 * spec.data.values.length // => 202 (101 percentiles × 2 plans)
 */
export function incomeDistributionChart(results: readonly SimulationResult[], options: IncomeDistributionChartOptions = {}): VegaLiteSpec {
  const measure = options.measure ?? "gross";
  const window = options.window ?? "lastYear";
  const labels = uniqueLabels(results.map((r) => r.plan.name));
  const currency = oneCurrency(results.map((r) => r.scenario.currency), "income distribution chart");
  const windows = new Set<string>();
  const values = results.flatMap((r, k) => {
    const w = windowTotals(r, window);
    windows.add(w.window.label);
    const sorted = Float64Array.from(w[measure]).sort();
    return Array.from({ length: 101 }, (_, p) => ({ series: labels[k]!, percentile: p, income: finite(quantileSorted(sorted, p / 100) / 10 ** r.digits), participants: sorted.length }));
  });
  const over = [...windows].join("; ");
  // A symlog axis draws poor ticks of its own: powers of ten up to the largest income (and down to the largest loss).
  const incomes = values.map((v) => v.income ?? 0);
  const powers = (limit: number) => {
    const out: number[] = [];
    for (let p = 10; p <= limit * 10 && out.length < 12; p *= 10) out.push(p);
    return out;
  };
  const ticks = [...powers(-Math.min(0, ...incomes)).map((p) => -p).reverse(), 0, ...powers(Math.max(0, ...incomes))];
  return {
    ...frame(options, {
      title: `Income distribution (${measure}, ${over})`,
      description: `Each plan's participants ranked by ${measure} income over ${over}: the income at each percentile (type-7 quantiles, company accounts left out), on a symlog axis.`,
    }),
    data: { values },
    mark: { type: "line", strokeWidth: 2, interpolate: "step-after" },
    encoding: {
      x: { field: "percentile", type: "quantitative", title: "Participants, lowest to highest paid (percentile)", scale: { domain: [0, 100] } },
      y: { field: "income", type: "quantitative", title: `${measure[0]!.toUpperCase()}${measure.slice(1)} income over the window (${currency})`, scale: { type: "symlog" }, axis: { values: ticks, format: ",.0f" } },
      color: { field: "series", type: "nominal", title: "Plan", sort: labels },
      tooltip: [
        { field: "series", title: "Plan" },
        { field: "percentile", title: "Percentile" },
        { field: "income", title: `Income (${currency})`, format: ",.2f" },
        { field: "participants", title: "Participants" },
      ],
    },
  };
}
