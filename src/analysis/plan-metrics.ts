/**
 * The figures a comparison of plans reports for each run: one number per
 * metric, computed from one plan's result over a window (default the run's
 * last 12 months). A comparison averages them across seeds.
 *
 * @module
 */
import { incomeDecomposition } from "./decomposition.js";
import { describeDistribution } from "./distributions.js";
import { INCOME_COLUMNS } from "./member-periods.js";
import { quantileSorted } from "./statistics.js";
import type { SimulationResult } from "./result.js";
import { periodsPerYear, windowTotals, type Window } from "./windows.js";

/** A metric's name: see {@link PLAN_METRICS} for what each computes. */
export type PlanMetricName =
  | "revenue"
  | "payoutRatio"
  | "payoutShareOfCv"
  | "breakageShare"
  | "cappedShare"
  | "endCustomerShare"
  | "participants"
  | "zeroEarnerShare"
  | "medianGross"
  | "meanGross"
  | "paidMedianGross"
  | "top1Share"
  | "top10Share"
  | "gini"
  | "netProfitShare"
  | "medianNet"
  | "meanNet"
  | "meanHours"
  | "medianGrossPerHour"
  | "activeShare"
  | "residualShare"
  | "leveragedShare"
  | "continuingShare"
  | "firstYearAttrition";

/** A metric and what it computes. */
export interface PlanMetric {
  readonly name: PlanMetricName;
  /** `money` in minor units, `share` in [0, 1], `count`, `hours`. */
  readonly unit: "money" | "share" | "count" | "hours";
  readonly description: string;
}

/**
 * The metrics of a comparison, in the order their values are computed. All
 * over the window (a calendar window: the run's last year by default), for
 * participants (company accounts left out), income = gross (earnings +
 * retail profit) unless said otherwise.
 *
 * @example
 * PLAN_METRICS.find((m) => m.name === "zeroEarnerShare").description // => "share of participants paid nothing in the window (gross 0)"
 */
export const PLAN_METRICS: readonly PlanMetric[] = Object.freeze([
  { name: "revenue", unit: "money", description: "revenue in the window: end customers' and distributors' own orders" },
  { name: "payoutRatio", unit: "share", description: "company payout ÷ revenue (retail profit, paid by customers, left out)" },
  { name: "payoutShareOfCv", unit: "share", description: "company payout ÷ commissionable volume (CV)" },
  { name: "breakageShare", unit: "share", description: "breakage ÷ headline (what the plan's rates would pay: payout + capped + breakage)" },
  { name: "cappedShare", unit: "share", description: "what caps removed ÷ headline" },
  { name: "endCustomerShare", unit: "share", description: "revenue from end customers (non-participants) ÷ revenue" },
  { name: "participants", unit: "count", description: "members in at least one period of the window (company accounts left out)" },
  { name: "zeroEarnerShare", unit: "share", description: "share of participants paid nothing in the window (gross 0)" },
  { name: "medianGross", unit: "money", description: "median gross income of participants over the window (type 7)" },
  { name: "meanGross", unit: "money", description: "mean gross income of participants over the window" },
  { name: "paidMedianGross", unit: "money", description: "median gross income of paid participants (gross > 0)" },
  { name: "top1Share", unit: "share", description: "share of all gross income taken by the top 1% (the ⌈0.01·n⌉ highest)" },
  { name: "top10Share", unit: "share", description: "share of all gross income taken by the top 10% (the ⌈0.1·n⌉ highest)" },
  { name: "gini", unit: "share", description: "Gini coefficient of gross income (Σ|xi − xj| / 2n²x̄)" },
  { name: "netProfitShare", unit: "share", description: "share of participants with a net profit: gross − expenses − required purchases > 0" },
  { name: "medianNet", unit: "money", description: "median net income of participants over the window" },
  { name: "meanNet", unit: "money", description: "mean net income of participants over the window" },
  { name: "meanHours", unit: "hours", description: "mean hours worked by participants in the window (NaN when hours were not kept)" },
  { name: "medianGrossPerHour", unit: "money", description: "median gross income per hour of effort (gross ÷ hours), over participants who worked hours in the window (NaN when hours were not kept)" },
  { name: "activeShare", unit: "share", description: "active income (one-time: fast start, first orders, rank bonuses) ÷ participants' gross income (NaN without the income columns)" },
  { name: "residualShare", unit: "share", description: "residual income (recurring, on own customers acquired earlier) ÷ participants' gross income (NaN without the income columns)" },
  { name: "leveragedShare", unit: "share", description: "leveraged income (from the downline's orders and work) ÷ participants' gross income (NaN without the income columns)" },
  {
    name: "continuingShare",
    unit: "share",
    description: "(residual + leveraged) ÷ participants' gross income: the share that would continue with no new effort, while customers and downline stay (NaN without the income columns)",
  },
  {
    name: "firstYearAttrition",
    unit: "share",
    description: "of members who joined during the run at least a year before its end, the share who quit within a year of joining (whatever the window)",
  },
]);

/**
 * Share of members who joined in period j ≥ 0 with j + P ≤ the run's length
 * (P periods a year) and quit before period j + P; company accounts left
 * out. NaN when nobody joined early enough.
 *
 * @example
 * firstYearAttrition(simulate({ scenario: { months: 36 } })) // => about 0.6 with the default 8%/month hazard (1 − 0.92¹²)
 */
export function firstYearAttrition(result: SimulationResult): number {
  const c = result.memberColumns;
  const T = result.periods.length;
  const P = periodsPerYear(result);
  let joined = 0;
  let quit = 0;
  for (let i = 0; i < c.size; i++) {
    const j = c.joinPeriod[i]!;
    if (j < 0 || j + P > T || c.company[i] === 1) continue;
    joined += 1;
    if (c.alive[i] === 0 && c.quitPeriod[i]! < j + P) quit += 1;
  }
  return joined === 0 ? NaN : quit / joined;
}

/**
 * The comparison metrics of one run over a window, in {@link PLAN_METRICS}
 * order (NaN where a figure is not defined). Needs `memberPeriods` for any
 * window but the whole run; `meanHours` and `medianGrossPerHour` need its
 * `hours` column, the income shares its income columns (`INCOME_COLUMNS`).
 *
 * @example
 * const r = simulate({ scenario: { months: 24 }, memberPeriods: true });
 * planMetrics(r).payoutRatio // => company payout ÷ revenue over the last 12 months
 */
export function planMetrics(result: SimulationResult, window: Window = "lastYear"): Readonly<Record<PlanMetricName, number>> {
  const w = windowTotals(result, window);
  if (w.window.kind !== "calendar") throw new RangeError(`downline/analysis: plan metrics: expected a calendar window, got ${w.window.label}`);
  let revenue = 0;
  let revenueCustomers = 0;
  let payout = 0;
  let cv = 0;
  let breakage = 0;
  let capped = 0;
  for (const p of result.periods) {
    if (p.period < w.window.from || p.period >= w.window.to) continue;
    revenue += p.revenue;
    revenueCustomers += p.revenueCustomers;
    payout += p.payout;
    cv += p.cv;
    breakage += p.breakage;
    capped += p.capped;
  }
  const headline = payout + capped + breakage;
  const gross = describeDistribution(w.gross);
  const net = describeDistribution(w.net);
  let hours = 0;
  if (w.hours) for (const h of w.hours) hours += h;
  const n = w.members.length;
  const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
  let medianGrossPerHour = NaN;
  if (w.hours) {
    const perHour: number[] = [];
    w.hours.forEach((h, k) => {
      if (h > 0) perHour.push(w.gross[k]! / h);
    });
    medianGrossPerHour = quantileSorted(perHour.sort((a, b) => a - b), 0.5);
  }
  // The income shares, when the run kept the income columns for every period of the window.
  const mp = result.memberPeriods;
  const kept = mp !== undefined && INCOME_COLUMNS.every((c) => mp.columns.includes(c)) && mp.periods.filter((s) => s.period >= w.window.from && s.period < w.window.to).length === w.window.periods;
  const income = kept ? incomeDecomposition(result, { window }).totals : undefined;
  return {
    revenue,
    payoutRatio: ratio(payout, revenue),
    payoutShareOfCv: ratio(payout, cv),
    breakageShare: ratio(breakage, headline),
    cappedShare: ratio(capped, headline),
    endCustomerShare: ratio(revenueCustomers, revenue),
    participants: n,
    zeroEarnerShare: gross.zeroShare,
    medianGross: gross.median,
    meanGross: gross.mean,
    paidMedianGross: gross.positiveMedian,
    top1Share: gross.top1Share,
    top10Share: gross.top10Share,
    gini: gross.gini,
    netProfitShare: net.positiveShare,
    medianNet: net.median,
    meanNet: net.mean,
    meanHours: w.hours ? ratio(hours, n) : NaN,
    medianGrossPerHour,
    activeShare: income ? ratio(income.active, income.total) : NaN,
    residualShare: income ? ratio(income.residual, income.total) : NaN,
    leveragedShare: income ? ratio(income.leveraged, income.total) : NaN,
    continuingShare: income ? income.continuingShare : NaN,
    firstYearAttrition: firstYearAttrition(result),
  };
}
