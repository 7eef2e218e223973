/**
 * Payout ratio over time, one line per plan.
 *
 * @module
 */
import type { SimulationResult } from "../../analysis/result.js";
import type { PlanComparison } from "../../run/experiment.js";
import { finite, frame, PERIOD_AXIS, uniqueLabels, type ChartOptions, type VegaLiteSpec } from "./spec.js";

/** One point of the chart: a series (a plan, on a world when several) in a period, across its seeds. */
interface Point {
  series: string;
  period: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  seeds: number;
}

function fromComparison(c: Pick<PlanComparison, "periods">): Point[] {
  const worlds = new Set(c.periods.map((r) => r.world));
  const groups = new Map<string, Map<number, number[]>>();
  for (const r of c.periods) {
    const series = worlds.size > 1 ? `${r.plan} · ${r.world}` : r.plan;
    const byPeriod = groups.get(series) ?? new Map<number, number[]>();
    const list = byPeriod.get(r.period) ?? [];
    list.push(r.payoutRatio);
    byPeriod.set(r.period, list);
    groups.set(series, byPeriod);
  }
  const points: Point[] = [];
  for (const [series, byPeriod] of groups) {
    for (const [period, ratios] of [...byPeriod].sort(([a], [b]) => a - b)) {
      const mean = ratios.reduce((s, x) => s + x, 0) / ratios.length;
      points.push({ series, period, mean: finite(mean), low: finite(Math.min(...ratios)), high: finite(Math.max(...ratios)), seeds: ratios.length });
    }
  }
  return points;
}

function fromResults(results: readonly SimulationResult[]): Point[] {
  const labels = uniqueLabels(results.map((r) => r.plan.name));
  return results.flatMap((r, k) => r.periods.map((p) => ({ series: labels[k]!, period: p.period, mean: finite(p.payoutRatio), low: finite(p.payoutRatio), high: finite(p.payoutRatio), seeds: 1 })));
}

/**
 * The company's payout as a share of revenue, period by period, one line
 * per plan: from a comparison (`comparePlans`, `sweepParameters`: the mean
 * across seeds, with a band from the lowest to the highest seed) or from
 * results (`simulatePlans`: one line per result). Retail profit, paid by
 * customers, is not part of the payout (as in the period rows).
 *
 * @example
 * const c = await comparePlans({ plans: [PRESETS["wellness-unilevel"], PRESETS.binary], seeds: 5 });
 * const spec = payoutRatioChart(c);
 * spec.layer.length // => 2 (the band across seeds, the mean line)
 */
export function payoutRatioChart(input: Pick<PlanComparison, "periods"> | readonly SimulationResult[], options: ChartOptions = {}): VegaLiteSpec {
  const values = Array.isArray(input) ? fromResults(input as readonly SimulationResult[]) : fromComparison(input as Pick<PlanComparison, "periods">);
  const manySeeds = values.some((v) => v.seeds > 1);
  const x = { field: "period", type: "quantitative", title: PERIOD_AXIS, axis: { tickMinStep: 1, format: "d" } };
  const color = { field: "series", type: "nominal", title: "Plan", sort: [...new Set(values.map((v) => v.series))] };
  const y = { field: "mean", type: "quantitative", title: manySeeds ? "Payout ÷ revenue (mean across seeds)" : "Payout ÷ revenue", axis: { format: ".0%" } };
  return {
    ...frame(options, {
      title: "Payout ratio over time",
      description: manySeeds
        ? "The company's payout as a share of revenue, period by period: the mean across seeds, the band from the lowest to the highest seed."
        : "The company's payout as a share of revenue, period by period.",
    }),
    data: { values },
    layer: [
      ...(manySeeds ? [{ mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { field: "low", type: "quantitative", title: y.title }, y2: { field: "high" }, color } }] : []),
      {
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: "series", title: "Plan" },
            { field: "period", title: "Period" },
            { field: "mean", title: "Payout ÷ revenue", format: ".1%" },
            { field: "seeds", title: "Seeds" },
          ],
        },
      },
    ],
  };
}
