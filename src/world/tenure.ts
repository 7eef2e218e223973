/**
 * Tenure in periods, tenure months and hazards: how monthly rates and monthly
 * subscriptions read in monthly or weekly periods.
 *
 * @module
 */

/**
 * The tenure month (0-based) that a period of tenure falls in: for months the
 * period itself; for weeks, 52 weeks are 12 months, so week w is in month
 * floor(12w/52) = floor(3w/13).
 *
 * @example
 * tenureMonth(13, 12 / 52) // => 3
 */
export function tenureMonth(tenure: number, monthsPerPeriod: number): number {
  return monthsPerPeriod === 1 ? tenure : Math.floor((3 * tenure) / 13);
}

/**
 * Whether a monthly subscription renews in the period at this tenure: every
 * month; in weekly periods, in the week a new month of tenure starts, so 52
 * weeks hold exactly 12 renewals.
 *
 * @example
 * renews(5, 12 / 52) // => true (week 5 starts tenure month 1)
 */
export function renews(tenure: number, monthsPerPeriod: number): boolean {
  if (monthsPerPeriod === 1 || tenure === 0) return true;
  return Math.floor((3 * tenure) / 13) !== Math.floor((3 * (tenure - 1)) / 13);
}

/**
 * Per-period hazards by tenure month: a monthly hazard h becomes
 * 1 − (1 − h)^(months per period). The last entry holds for every later month.
 *
 * @example
 * hazardTable([{ fromMonth: 0, monthly: 0.08 }, { fromMonth: 2, monthly: 0.04 }], 1) // => Float64Array [0.08, 0.08, 0.04]
 */
export function hazardTable(steps: readonly { fromMonth: number; monthly: number }[], monthsPerPeriod: number): Float64Array {
  const last = steps[steps.length - 1]!.fromMonth;
  const table = new Float64Array(last + 1);
  let s = 0;
  for (let m = 0; m <= last; m++) {
    while (s + 1 < steps.length && steps[s + 1]!.fromMonth <= m) s += 1;
    const h = steps[s]!.monthly;
    table[m] = monthsPerPeriod === 1 ? h : 1 - Math.pow(1 - h, monthsPerPeriod);
  }
  return table;
}

/** The hazard a member or customer faces now, after `tenure` ≥ 1 periods: that of the tenure month just completed. */
export function hazardAt(table: Float64Array, tenure: number, monthsPerPeriod: number): number {
  const month = tenureMonth(tenure - 1, monthsPerPeriod);
  const last = table.length - 1;
  return table[month < last ? month : last]!;
}
