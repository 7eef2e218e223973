/**
 * Income decomposition over time: participants' income split into active,
 * residual, leveraged and unclassified income, period by period, stacked.
 *
 * @module
 */
import { incomeDecomposition } from "../../analysis/decomposition.js";
import type { SimulationResult } from "../../analysis/result.js";
import type { Window } from "../../analysis/windows.js";
import { finite, frame, major, oneCurrency, PERIOD_AXIS, uniqueLabels, singleOrPanels, type ChartOptions, type VegaLiteSpec } from "./spec.js";

/** Options of {@link incomeDecompositionChart}. */
export interface IncomeDecompositionChartOptions extends ChartOptions {
  /** The periods drawn (default `"run"`: the whole run). A tenure window (`"firstYear"`, `{ firstPeriods }`) draws by period of membership. */
  readonly window?: Window;
}

/** The kinds in stacking order (bottom first), each with its legend label and colour. */
const KINDS = [
  { key: "active", label: "active (one-time, new effort)", color: "#e45756" },
  { key: "residual", label: "residual (own customers' repeat orders)", color: "#4c78a8" },
  { key: "leveraged", label: "leveraged (the downline's orders and work)", color: "#54a24b" },
  { key: "unclassified", label: "unclassified (components that do not say)", color: "#bab0ac" },
] as const;

/**
 * Participants' gross income (earnings and retail profit, company accounts
 * left out) period by period, split into active, residual, leveraged and
 * unclassified income and stacked: the per-period rows of
 * {@link incomeDecomposition}. Each row also carries the share that would
 * continue with no new effort ((residual + leveraged) ÷ all, `null` where
 * nothing was paid), shown in the tooltip. One panel per result when given
 * several.
 *
 * The results need the income columns in their member periods
 * (`memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS] }`);
 * without them this throws, as `incomeDecomposition` does.
 *
 * @example
 * const r = simulate({
 *   scenario: { months: 24 },
 *   plan: PRESETS["wellness-unilevel"],
 *   memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS] },
 * });
 * const spec = incomeDecompositionChart(r);
 * spec.data.values[0] // => { series: "Wellness unilevel", period: 0, kind: "active (one-time, new effort)", order: 0, amount: …, participants: …, continuingShare: … }
 */
export function incomeDecompositionChart(input: SimulationResult | readonly SimulationResult[], options: IncomeDecompositionChartOptions = {}): VegaLiteSpec {
  const results = Array.isArray(input) ? (input as readonly SimulationResult[]) : [input as SimulationResult];
  const labels = uniqueLabels(results.map((r) => r.plan.name));
  const currency = oneCurrency(results.map((r) => r.scenario.currency), "income decomposition chart");
  const decompositions = results.map((r) => incomeDecomposition(r, { window: options.window ?? "run" }));
  const tenure = decompositions.some((d) => d.window.kind === "tenure");
  const values = decompositions.flatMap((d, k) =>
    d.periods.flatMap((p) =>
      KINDS.map((kind, order) => ({
        series: labels[k]!,
        period: p.period,
        kind: kind.label,
        order,
        amount: major(p[kind.key], d.digits),
        participants: p.participants,
        continuingShare: finite(p.continuingShare),
      })),
    ),
  );
  const panels = results.length > 1;
  const f = frame(options, {
    title: "Income decomposition over time",
    description:
      "Participants' gross income period by period, split into active (one-time pay for new effort), residual (own customers' repeat orders), leveraged (the downline's orders and work) and unclassified income, stacked; company accounts left out.",
  });
  const layer = {
    mark: { type: "area", line: { strokeWidth: 0.5 } },
    encoding: {
      x: { field: "period", type: "quantitative", title: tenure ? "Period of membership (0: the period she joined)" : PERIOD_AXIS, axis: { tickMinStep: 1, format: "d" } },
      y: { field: "amount", type: "quantitative", stack: "zero", title: `Participants' income in the period (${currency})` },
      color: { field: "kind", type: "nominal", title: "Kind of income", scale: { domain: KINDS.map((k) => k.label), range: KINDS.map((k) => k.color) } },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "series", title: "Plan" },
        { field: "period", title: "Period" },
        { field: "kind", title: "Kind" },
        { field: "amount", title: `Income (${currency})`, format: ",.2f" },
        { field: "participants", title: "Participants" },
        { field: "continuingShare", title: "Would continue with no new effort", format: ".1%" },
      ],
    },
  };
  return singleOrPanels(f, values, layer, panels);
}
