/**
 * Income by component over time: what each of a plan's components paid,
 * period by period, stacked.
 *
 * @module
 */
import type { SimulationResult } from "../../analysis/result.js";
import { frame, major, oneCurrency, PERIOD_AXIS, uniqueLabels, singleOrPanels, type ChartOptions, type VegaLiteSpec } from "./spec.js";

/**
 * What each component of the plan paid, period by period, stacked: the
 * plan's payout decomposed by where it comes from (retail profit, paid by
 * customers, included and marked so). One panel per result when given
 * several.
 *
 * This is a decomposition by component, not by kind of income: a
 * component such as a unilevel may pay several kinds. Read it as "which
 * parts of the plan pay, and when"; {@link incomeDecompositionChart} draws
 * the split into active (one-time), residual (recurring, from her own
 * customers) and leveraged (from the downline's work) income.
 *
 * @example
 * const r = simulate({ scenario: { months: 24 }, plan: PRESETS["wellness-unilevel"] });
 * const spec = incomeByComponentChart(r);
 * spec.data.values[0] // => { series: "Wellness unilevel", period: 0, component: "retail", order: 0, amount: … } (a retailProfit component's label adds " (retail, paid by customers)")
 */
export function incomeByComponentChart(input: SimulationResult | readonly SimulationResult[], options: ChartOptions = {}): VegaLiteSpec {
  const results = Array.isArray(input) ? (input as readonly SimulationResult[]) : [input as SimulationResult];
  const labels = uniqueLabels(results.map((r) => r.plan.name));
  const currency = oneCurrency(results.map((r) => r.scenario.currency), "income by component chart");
  const values = results.flatMap((r, k) => {
    const names = r.plan.components.map((c, j) => (r.memberColumns.paidBy[j] === "customer" ? `${c} (retail, paid by customers)` : c));
    return r.periods.flatMap((p) => r.plan.components.map((c, j) => ({ series: labels[k]!, period: p.period, component: names[j]!, order: j, amount: major(p.payoutByComponent[c] ?? 0, r.digits) })));
  });
  const panels = results.length > 1;
  const f = frame(options, {
    title: "Income by component over time",
    description: "What each component of the plan paid, period by period, stacked (a decomposition by component; the income decomposition chart splits income into active, residual and leveraged).",
  });
  const layer = {
    mark: { type: "area", line: { strokeWidth: 0.5 } },
    encoding: {
      x: { field: "period", type: "quantitative", title: PERIOD_AXIS, axis: { tickMinStep: 1, format: "d" } },
      y: { field: "amount", type: "quantitative", stack: "zero", title: `Paid in the period (${currency})` },
      color: { field: "component", type: "nominal", title: "Component", sort: [...new Set(values.map((v) => v.component))] },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "series", title: "Plan" },
        { field: "period", title: "Period" },
        { field: "component", title: "Component" },
        { field: "amount", title: `Paid (${currency})`, format: ",.2f" },
      ],
    },
  };
  return singleOrPanels(f, values, layer, panels);
}
