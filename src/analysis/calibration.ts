/**
 * Calibration: the figures a run is checked against the public record with
 * (`npm run calibrate`), and the reference ranges with their sources.
 *
 * Every figure is over participants (company accounts left out) and, for
 * earnings, over the run's last year: what an income disclosure reports.
 *
 * @module
 */
import { companyMetrics } from "./company-metrics.js";
import { distributions } from "./distributions.js";
import type { SimulationResult } from "./result.js";
import { periodsPerYear } from "./windows.js";

/** A run's figures for calibration (shares in [0, 1]; money in minor units; NaN where the run cannot say). */
export interface CalibrationFigures {
  /** Participants of the last year who earned nothing from the company in it. */
  readonly zeroShare: number;
  /** Participants of the last year whose net (gross − expenses − required purchases) was above 0. */
  readonly netProfitShare: number;
  /** Median and mean of the last year's earnings, over every participant of the year. */
  readonly medianEarnings: number;
  readonly meanEarnings: number;
  /** Median of the last year's earnings over those paid anything. */
  readonly paidMedianEarnings: number;
  /** The top 1% and top 10% of earners' share of the last year's earnings (top ⌈p·n⌉). */
  readonly top1Share: number;
  readonly top10Share: number;
  /**
   * Of members who joined during the run with a whole year of the run after
   * their join period, the share who quit within that year (NaN if none).
   */
  readonly firstYearAttrition: number;
  /** Customers lost ÷ customers at the start of each period, over the run, as a monthly rate. */
  readonly customerChurnMonthly: number;
  /** End customers' revenue ÷ all revenue, over the run. */
  readonly endCustomerShare: number;
  /** Payout to participants (company accounts' earnings left out) ÷ CV, over the run. */
  readonly participantPayoutShareOfCv: number;
  /** Breakage ÷ headline (what the rates would pay), over the run. */
  readonly breakageShare: number;
}

/**
 * The calibration figures of a run. The run must be at least a year long and
 * have kept per-member, per-period earnings, retail profit, expenses and
 * required purchases for its last year (`memberPeriods: true`, or
 * `{ from: T − year, columns: ["earnings", "retailProfit", "expenses", "requiredPurchases"] }`).
 *
 * First-year attrition: a member who joined in period j (0 ≤ j, j + year ≤
 * T) counts as attrited if she quit before period j + year. Churn: with
 * per-period hazard p = Σ lost ÷ Σ customers at each period's start (the
 * previous period's end; for period 0, end − new + one-time + lost), the
 * monthly rate is 1 − (1 − p)^(periods a month).
 *
 * @example
 * const r = simulate({ scenario: { months: 24 }, memberPeriods: { from: 12, columns: ["earnings", "retailProfit", "expenses", "requiredPurchases"] } });
 * calibrationFigures(r).zeroShare // => 0.6… (the default world)
 */
export function calibrationFigures(result: SimulationResult): CalibrationFigures {
  const rows = distributions(result, { window: "lastYear", measures: ["earnings", "net"], by: ["all"] });
  const earnings = rows.find((r) => r.measure === "earnings")!;
  const net = rows.find((r) => r.measure === "net")!;
  const company = companyMetrics(result);
  const year = periodsPerYear(result);
  const T = result.periods.length;
  const cols = result.memberColumns;
  let joined = 0;
  let quit = 0;
  for (let i = 0; i < cols.size; i++) {
    const j = cols.joinPeriod[i]!;
    if (cols.company[i] === 1 || j < 0 || j + year > T) continue;
    joined += 1;
    if (cols.alive[i] === 0 && cols.quitPeriod[i]! < j + year) quit += 1;
  }
  let lost = 0;
  let atStart = 0;
  result.periods.forEach((p, t) => {
    atStart += t === 0 ? p.customers - p.newCustomers + p.oneTimeSales + p.lostCustomers : result.periods[t - 1]!.customers;
    lost += p.lostCustomers;
  });
  const perPeriod = atStart === 0 ? NaN : lost / atStart;
  const periodsPerMonth = result.scenario.period === "week" ? 52 / 12 : 1;
  return {
    zeroShare: earnings.zeroShare,
    netProfitShare: net.positiveShare,
    medianEarnings: earnings.median,
    meanEarnings: earnings.mean,
    paidMedianEarnings: earnings.positiveMedian,
    top1Share: earnings.top1Share,
    top10Share: earnings.top10Share,
    firstYearAttrition: joined === 0 ? NaN : quit / joined,
    customerChurnMonthly: 1 - Math.pow(1 - perPeriod, periodsPerMonth),
    endCustomerShare: company.totals.endCustomerShare,
    participantPayoutShareOfCv: company.totals.participantPayoutShareOfCv,
    breakageShare: company.totals.breakageShare,
  };
}

/** A reference range for one calibration figure, with its source. */
export interface ReferenceRange {
  readonly figure: keyof CalibrationFigures;
  /** What the figure is, in words. */
  readonly label: string;
  /** Bounds (shares in [0, 1], money in major units a year); null where the record gives none. */
  readonly low: number | null;
  readonly high: number | null;
  readonly unit: "share" | "money";
  /** Where the range comes from (the domain reference's rows, and any arithmetic on them). */
  readonly source: string;
  /** Whether it applies to network-marketing plans only (an affiliate program has no MLM disclosure to match). */
  readonly mlmOnly: boolean;
}

/**
 * The ranges the default world and the preset businesses are calibrated to,
 * from the project's domain reference (shared/domain/REFERENCE.md). Where the
 * reference has a figure only for one company, the range is derived from it
 * and the source says how.
 *
 * @example
 * REFERENCE_RANGES.find((r) => r.figure === "zeroShare") // => { label: "participants paid nothing in a year", low: 0.44, high: 0.88, … }
 */
export const REFERENCE_RANGES: readonly ReferenceRange[] = [
  {
    figure: "zeroShare",
    label: "participants paid nothing in a year",
    low: 0.44,
    high: 0.88,
    unit: "share",
    source: "disclosures: doTERRA US 2017 63.84%, Herbalife US 2016 86% and 2012 88%; FTC 2024 (70 disclosures): in at least 17 MLMs most received nothing; 44% the low end named in issue 7",
    mlmOnly: true,
  },
  {
    figure: "netProfitShare",
    label: "participants with a net profit in a year",
    low: 0,
    high: 0.5,
    unit: "share",
    source: "no direct figure; FTC 2024: most participants received $1,000 a year or less before expenses (kits $35–550, monthly orders), so at most half could profit",
    mlmOnly: true,
  },
  {
    figure: "paidMedianEarnings",
    label: "median yearly earnings of those paid",
    low: 100,
    high: 1000,
    unit: "money",
    source: "Herbalife US 2016: of those paid, half under $370 a year; FTC 2024: most received $1,000 a year or less; doTERRA 2017: 12.16% averaged $375",
    mlmOnly: true,
  },
  {
    figure: "meanEarnings",
    label: "mean yearly earnings per participant",
    low: 400,
    high: 1500,
    unit: "money",
    source: "derived from doTERRA US 2017: the listed groups give $778 per participant (12.16% × $375 + Silver to Presidential Diamond, 1.0%, $73,270 each on average), the unlisted 23% at $0–3,000 a year add $0–690; the low end allows plans that pay less at the top",
    mlmOnly: true,
  },
  {
    figure: "top1Share",
    label: "top 1% of earners' share of earnings",
    low: 0.5,
    high: 0.94,
    unit: "share",
    source: "derived from doTERRA US 2017: Silver and above (1.0% of participants) took $732.8 of $778–1,468 per participant",
    mlmOnly: true,
  },
  {
    figure: "top10Share",
    label: "top 10% of earners' share of earnings",
    low: 0.52,
    high: 1,
    unit: "share",
    source: "derived from doTERRA US 2017: Silver and above plus 9% of participants at $375 or more: at least $766 of at most $1,468 per participant",
    mlmOnly: true,
  },
  {
    figure: "firstYearAttrition",
    label: "joiners who quit within a year",
    low: 0.5,
    high: 0.8,
    unit: "share",
    source: "first-year attrition ~80% (party plan ~60%; launchsmart.com, weak); Herbalife: nearly half the base quits each year (FTC complaint, 2016)",
    mlmOnly: false,
  },
  {
    figure: "customerChurnMonthly",
    label: "customer churn a month",
    low: 0.04,
    high: 0.06,
    unit: "share",
    source: "replenishment subscription churn 4–6% a month (e-commerce vendors, weak)",
    mlmOnly: false,
  },
  {
    figure: "endCustomerShare",
    label: "revenue from end customers",
    low: 0.5,
    high: 0.8,
    unit: "share",
    source: "no industry figure; the FTC orders' thresholds: Vemma (2016) pays only above 50% from non-participants, Herbalife (2016) reduces pay below 80% to end users; DSA 2023: 37.7M customers to 6.1M sellers",
    mlmOnly: true,
  },
  {
    figure: "participantPayoutShareOfCv",
    label: "payout to participants, of CV",
    low: 0.35,
    high: 0.45,
    unit: "share",
    source: "industry payout 35–45% of wholesale (bydesign.com, Tobler & Rawlins; sheffieldnet.com)",
    mlmOnly: true,
  },
  {
    figure: "breakageShare",
    label: "breakage, of the headline",
    low: 0.1,
    high: 0.15,
    unit: "share",
    source: "breakage typically 10–15% (bydesign.com; sheffieldnet.com)",
    mlmOnly: true,
  },
];
