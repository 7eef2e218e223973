/**
 * A parameter sweep: a metric against the parameter it varies.
 *
 * @module
 */
import { PLAN_METRICS, type PlanMetricName } from "../../analysis/plan-metrics.js";
import type { ParameterSweep } from "../../run/sweep-parameters.js";
import { finite, frame, oneCurrency, type ChartOptions, type VegaLiteSpec } from "./spec.js";

/** Options of {@link sweepChart}. */
export interface SweepChartOptions extends ChartOptions {
  /** The metric drawn (default `"payoutRatio"`; see `PLAN_METRICS`). */
  readonly metric?: PlanMetricName;
  /** The parameter on the x axis, by its path (default: the sweep's first); other parameters become series of their own. */
  readonly parameter?: string;
}

/**
 * A sweep's metric against its parameter: for each plan (and each value of
 * any other parameter), the mean across seeds at each point, with the
 * confidence interval as a band. Shares are drawn as percentages, money in
 * major units.
 *
 * @example
 * const s = await sweepParameters({ plans: [DEFAULT_PLAN], grid: { "distributors.orderProbability": [0.5, 0.65, 0.8] }, seeds: 5 });
 * const spec = sweepChart(s, { metric: "medianGross" });
 * spec.data.values.map((v) => v.x) // => [0.5, 0.65, 0.8]
 */
export function sweepChart(sweep: Pick<ParameterSweep, "points" | "summary" | "arms" | "confidence">, options: SweepChartOptions = {}): VegaLiteSpec {
  const metricName = options.metric ?? "payoutRatio";
  const metric = PLAN_METRICS.find((m) => m.name === metricName);
  if (!metric) throw new RangeError(`downline/output: sweep chart: expected a metric of PLAN_METRICS, got ${JSON.stringify(metricName)}`);
  const paths = [...new Set(sweep.points.flatMap((p) => Object.keys(p.parameters)))];
  const parameter = options.parameter ?? paths[0];
  if (parameter === undefined || !paths.includes(parameter)) {
    throw new RangeError(`downline/output: sweep chart: expected a parameter of the sweep (${paths.join(", ")}), got ${JSON.stringify(parameter)}`);
  }
  const money = metric.unit === "money";
  const digits = sweep.arms[0]?.digits ?? 2;
  const currency = money ? oneCurrency(sweep.arms.map((a) => a.currency), "sweep chart") : "";
  const scale = (v: number) => finite(money ? v / 10 ** digits : v);
  const others = paths.filter((p) => p !== parameter);
  const rows = sweep.summary.filter((r) => r.metric === metricName);
  const numeric = rows.every((r) => typeof r.parameters[parameter] === "number");
  const values = rows.map((r) => ({
    series: [r.plan, ...others.map((p) => `${p}=${JSON.stringify(r.parameters[p])}`)].join(", "),
    x: numeric ? (r.parameters[parameter] as number) : JSON.stringify(r.parameters[parameter]),
    mean: scale(r.mean),
    lo: scale(r.lo),
    hi: scale(r.hi),
    n: r.n,
  }));
  const format = metric.unit === "share" ? ".0%" : money ? ",.2f" : ",.1f";
  const yTitle = `${metric.name}${money ? ` (${currency})` : ""}: mean across seeds`;
  const x = { field: "x", type: numeric ? "quantitative" : "ordinal", title: parameter, ...(numeric ? { scale: { zero: false } } : { sort: null }) };
  const color = { field: "series", type: "nominal", title: "Plan" };
  const pct = `${+(sweep.confidence * 100).toFixed(2)}%`;
  return {
    ...frame(options, { title: `${metric.name} against ${parameter}`, description: `${metric.description}: the mean across seeds at each point of the sweep, with its ${pct} Student-t interval as a band.` }),
    data: { values },
    layer: [
      { mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { field: "lo", type: "quantitative", title: yTitle, axis: { format } }, y2: { field: "hi" }, color } },
      {
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: "mean", type: "quantitative", title: yTitle, axis: { format } },
          color,
          tooltip: [
            { field: "series", title: "Plan" },
            { field: "x", title: parameter },
            { field: "mean", title: "Mean", format },
            { field: "lo", title: `${pct} interval: low`, format },
            { field: "hi", title: "high", format },
            { field: "n", title: "Seeds" },
          ],
        },
      },
    ],
  };
}
