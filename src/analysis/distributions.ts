/**
 * Distributions of what participants earned over a window: percentiles
 * (type 7), the share earning nothing, median, mean, top-1% and top-10%
 * shares and averages, Gini, and the same over paid participants only; for
 * everyone, by title, by role and by join cohort. Company accounts are left
 * out, and every row says how many (`companyAccountsExcluded`).
 *
 * Definitions are in statistics.ts (percentiles, Gini, top shares) and
 * windows.ts (windows, participants).
 *
 * @module
 */
import { ROLES } from "../world/roles.js";
import { giniSorted, quantileSorted, topShareSorted } from "./statistics.js";
import type { SimulationResult } from "./result.js";
import { periodsPerYear, windowTotals, type Window, type WindowTotals } from "./windows.js";

/**
 * What a distribution is of:
 * - `earnings`: commissions and bonuses the company paid (what published
 *   income disclosures report);
 * - `gross`: earnings + retail profit (everything the plan paid her);
 * - `net`: gross − expenses − required purchases.
 */
export type IncomeMeasure = "earnings" | "gross" | "net";

/** How participants are grouped: all together, by title, by role, by join cohort (year of joining). */
export type GroupBy = "all" | "title" | "role" | "cohort";

/** The figures of one set of values (money in minor units; averages and percentiles may carry fractions). */
export interface DistributionStats {
  readonly participants: number;
  /** The exact sum. */
  readonly total: number;
  readonly mean: number;
  readonly min: number;
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Participants with exactly 0. */
  readonly zeroCount: number;
  readonly zeroShare: number;
  /** Participants with more than 0 ("paid" for earnings and gross; "made a net profit" for net). */
  readonly positiveCount: number;
  readonly positiveShare: number;
  /** Participants below 0 (net: lost money). */
  readonly negativeCount: number;
  /** Mean, median, p10, p90 over participants with more than 0 only. */
  readonly positiveMean: number;
  readonly positiveMedian: number;
  readonly positiveP10: number;
  readonly positiveP90: number;
  /** The ⌈1%·n⌉ and ⌈10%·n⌉ highest: their share of the total and their average. */
  readonly top1Share: number;
  readonly top1Mean: number;
  readonly top10Share: number;
  readonly top10Mean: number;
  /** NaN when a value is negative or nothing was paid. */
  readonly gini: number;
}

/**
 * The distribution figures of any values (see statistics.ts for the
 * definitions). NaN where a figure is not defined (no values; Gini with a
 * negative value).
 *
 * @example
 * const d = describeDistribution([0, 0, 0, 0, 150, 300, 1200, 4800]);
 * d.median // => 75
 * d.zeroShare // => 0.5
 * d.gini // => 0.78779…
 */
export function describeDistribution(values: ArrayLike<number>): DistributionStats {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let total = 0;
  let zero = 0;
  let negative = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    total += v;
    if (v === 0) zero += 1;
    else if (v < 0) negative += 1;
  }
  const positive = sorted.subarray(negative + zero);
  let positiveTotal = 0;
  for (let i = 0; i < positive.length; i++) positiveTotal += positive[i]!;
  const top1 = n > 0 ? topShareSorted(sorted, 0.01) : { share: NaN, mean: NaN };
  const top10 = n > 0 ? topShareSorted(sorted, 0.1) : { share: NaN, mean: NaN };
  const q = (p: number) => quantileSorted(sorted, p);
  const qp = (p: number) => quantileSorted(positive, p);
  return {
    participants: n,
    total,
    mean: n === 0 ? NaN : total / n,
    min: n === 0 ? NaN : sorted[0]!,
    p10: q(0.1),
    p25: q(0.25),
    median: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    p99: q(0.99),
    max: n === 0 ? NaN : sorted[n - 1]!,
    zeroCount: zero,
    zeroShare: n === 0 ? NaN : zero / n,
    positiveCount: positive.length,
    positiveShare: n === 0 ? NaN : positive.length / n,
    negativeCount: negative,
    positiveMean: positive.length === 0 ? NaN : positiveTotal / positive.length,
    positiveMedian: qp(0.5),
    positiveP10: qp(0.1),
    positiveP90: qp(0.9),
    top1Share: top1.share,
    top1Mean: top1.mean,
    top10Share: top10.share,
    top10Mean: top10.mean,
    gini: giniSorted(sorted),
  };
}

/** One group's distribution over a window: tidy, one row per (measure, grouping, group). */
export interface DistributionRow extends DistributionStats {
  /** The window, in words. */
  readonly window: string;
  readonly measure: IncomeMeasure;
  readonly groupBy: GroupBy;
  /** "all", a title ("no title" for none), a role, or a cohort ("joined before the run", "joined in year 1", …). */
  readonly group: string;
  /** Company accounts present in the window and left out (the same on every row of a window). */
  readonly companyAccountsExcluded: number;
  readonly currency: string;
  readonly digits: number;
}

/** Options of {@link distributions}. */
export interface DistributionOptions {
  /** Default `"lastYear"`. */
  readonly window?: Window;
  /** Default `["gross", "net"]`. */
  readonly measures?: readonly IncomeMeasure[];
  /** Default `["all", "title", "role", "cohort"]`. */
  readonly by?: readonly GroupBy[];
}

/** The group labels of participants under a grouping, and their order. */
export function groupsOf(totals: WindowTotals, by: GroupBy, yearLength: number): { labels: string[]; order: string[] } {
  const n = totals.members.length;
  if (by === "all") return { labels: new Array<string>(n).fill("all"), order: ["all"] };
  if (by === "title") {
    const name = (r: number) => (r === 0 ? "no title" : (totals.rankNames[r - 1] ?? `rank ${r}`));
    const labels = Array.from(totals.title, name);
    const max = totals.title.reduce((m, r) => Math.max(m, r), 0);
    return { labels, order: Array.from({ length: Math.max(max, totals.rankNames.length) + 1 }, (_, r) => name(r)) };
  }
  if (by === "role") return { labels: Array.from(totals.role, (r) => ROLES[r] ?? String(r)), order: [...ROLES] };
  const cohort = (j: number) => (j < 0 ? "joined before the run" : `joined in year ${Math.floor(j / yearLength) + 1}`);
  const labels = Array.from(totals.joinPeriod, cohort);
  const last = totals.joinPeriod.reduce((m, j) => Math.max(m, j), -1);
  const order = ["joined before the run", ...Array.from({ length: last < 0 ? 0 : Math.floor(last / yearLength) + 1 }, (_, y) => `joined in year ${y + 1}`)];
  return { labels, order };
}

/**
 * Distributions of income over a window: for each measure and grouping, one
 * row per group (groups with no participants left out), company accounts
 * left out and counted. Needs `memberPeriods` for any window but the whole run.
 *
 * @example
 * const r = simulate({ scenario: { months: 24 }, memberPeriods: true });
 * const rows = distributions(r, { window: "lastYear", measures: ["gross"], by: ["all"] });
 * rows[0].zeroShare // => the share of the last year's participants paid nothing
 */
export function distributions(result: SimulationResult, options: DistributionOptions = {}): DistributionRow[] {
  const totals = windowTotals(result, options.window ?? "lastYear");
  return distributionsOf(totals, options.measures ?? ["gross", "net"], options.by ?? ["all", "title", "role", "cohort"], periodsPerYear(result));
}

/** {@link distributions} over window totals already computed. */
export function distributionsOf(totals: WindowTotals, measures: readonly IncomeMeasure[], by: readonly GroupBy[], yearLength: number): DistributionRow[] {
  const rows: DistributionRow[] = [];
  for (const g of by) {
    const { labels, order } = groupsOf(totals, g, yearLength);
    for (const measure of measures) {
      const values = totals[measure];
      for (const group of order) {
        const picked: number[] = [];
        labels.forEach((l, k) => {
          if (l === group) picked.push(values[k]!);
        });
        if (picked.length === 0 && g !== "all") continue;
        rows.push({
          window: totals.window.label,
          measure,
          groupBy: g,
          group,
          companyAccountsExcluded: totals.companyAccountsExcluded,
          currency: totals.currency,
          digits: totals.digits,
          ...describeDistribution(picked),
        });
      }
    }
  }
  return rows;
}
