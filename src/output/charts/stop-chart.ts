/**
 * "What if I stop": income with and without effort, around the stop.
 *
 * @module
 */
import type { StopReport } from "../../analysis/stop-report.js";
import { quantileSorted } from "../../analysis/statistics.js";
import { frame, major, PERIOD_AXIS, type ChartOptions, type VegaLiteSpec } from "./spec.js";

const WITH = "with her effort";
const WITHOUT = "without effort from the stop";

/**
 * Income period by period with and without effort, from a stop report: for
 * one member, her two lines; for several, the medians of the members with a
 * positive reference income, each with its interquartile band (members
 * whose reference is 0 are left out, as in the report's cohort). A rule
 * marks the first period without effort.
 *
 * @example
 * const report = stopReport(stopEffort({ scenario: { months: 24 }, seed: 1, memberPeriods: true }, { members: [120], fromPeriod: 12 }));
 * const spec = stopChart(report);
 * spec.layer.length // => 2 (the lines, the rule at the stop)
 */
export function stopChart(report: StopReport, options: ChartOptions = {}): VegaLiteSpec {
  const d = report.digits;
  const one = report.members.length === 1;
  const counted = new Set(one ? report.members.map((m) => m.member) : report.members.filter((m) => m.reference > 0).map((m) => m.member));
  const byPeriod = new Map<number, { with: number[]; without: number[] }>();
  for (const r of report.periods) {
    if (!counted.has(r.member)) continue;
    const slot = byPeriod.get(r.period) ?? { with: [], without: [] };
    slot.with.push(r.withEffort);
    slot.without.push(r.withoutEffort);
    byPeriod.set(r.period, slot);
  }
  const values = [...byPeriod]
    .sort(([a], [b]) => a - b)
    .flatMap(([period, s]) =>
      ([[WITH, s.with], [WITHOUT, s.without]] as const).map(([series, list]) => {
        const sorted = Float64Array.from(list).sort();
        return { series, period, income: major(quantileSorted(sorted, 0.5), d), q1: major(quantileSorted(sorted, 0.25), d), q3: major(quantileSorted(sorted, 0.75), d), members: list.length };
      }),
    );
  const who = one ? `member ${report.members[0]!.member}` : `${counted.size} members (median, interquartile band)`;
  const x = { field: "period", type: "quantitative", title: PERIOD_AXIS, axis: { tickMinStep: 1, format: "d" } };
  const color = { field: "series", type: "nominal", title: null, sort: [WITH, WITHOUT] };
  const yTitle = `${report.measure[0]!.toUpperCase()}${report.measure.slice(1)} income in the period (${report.currency})`;
  const lines = {
    data: { values },
    layer: [
      ...(one ? [] : [{ mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { field: "q1", type: "quantitative", title: yTitle }, y2: { field: "q3" }, color } }]),
      {
        mark: { type: "line", strokeWidth: 2, point: { size: 25 } },
        encoding: {
          x,
          y: { field: "income", type: "quantitative", title: yTitle },
          color,
          tooltip: [
            { field: "series", title: "Run" },
            { field: "period", title: "Period" },
            { field: "income", title: one ? `Income (${report.currency})` : `Median (${report.currency})`, format: ",.2f" },
            { field: "members", title: "Members" },
          ],
        },
      },
    ],
  };
  return {
    ...frame(options, {
      title: `What if she stops: ${who}, stopping in period ${report.fromPeriod}`,
      description: `${report.measure} income period by period in two runs of the same seeded world that differ only in effort: with it, and with it stopping in period ${report.fromPeriod}. ${report.definition}`,
    }),
    layer: [
      lines,
      {
        data: { values: [{ period: report.fromPeriod, label: "stop" }] },
        layer: [
          { mark: { type: "rule", strokeDash: [4, 3], color: "#555" }, encoding: { x: { field: "period", type: "quantitative" } } },
          { mark: { type: "text", align: "left", dx: 4, baseline: "top", color: "#555" }, encoding: { x: { field: "period", type: "quantitative" }, y: { value: 4 }, text: { field: "label" } } },
        ],
      },
    ],
  };
}
