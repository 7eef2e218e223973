/**
 * Markdown tables for reading: an income disclosure, a comparison of plans.
 * Text only (no I/O); money rounded to whole minor units for display, with
 * thousands separators. Labels that come from input (plan and scenario
 * names) are escaped so that they cannot break a table.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import type { IncomeDisclosure, DisclosureRow } from "../analysis/disclosure.js";
import type { PlanMetric, PlanMetricName } from "../analysis/plan-metrics.js";
import type { PlanComparison } from "../run/experiment.js";

/**
 * Money for reading: minor units rounded half away from zero to whole ones,
 * with thousands separators; "—" for an undefined figure.
 *
 * @example
 * displayMoney(123456789.5, 2) // => "1,234,567.90"
 */
export function displayMoney(minor: number, digits: number): string {
  if (!Number.isFinite(minor)) return "—";
  const rounded = Math.sign(minor) * Math.round(Math.abs(minor));
  const text = formatMinor(rounded === 0 ? 0 : rounded, digits);
  const [whole, frac] = text.split(".");
  const sign = whole!.startsWith("-") ? "-" : "";
  const grouped = whole!.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac === undefined ? "" : `.${frac}`);
}

/**
 * A share as a percentage with `decimals` decimals ("—" when undefined). A
 * share that rounds to zero is "0.0%" whatever its sign: a breakage of
 * −0.00001 (the rounding residue) is not shown as "-0.0%".
 */
export function displayShare(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return "—";
  const text = (share * 100).toFixed(decimals);
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

/** Text safe in a Markdown table cell: no line breaks, pipes and backslashes escaped. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/** A Markdown table; the first `textColumns` columns are left-aligned, the rest right-aligned. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  const rule = `|${head.map((_, k) => (k < textColumns ? "---" : "---:")).join("|")}|`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}

/**
 * An income disclosure as Markdown: its title, a table by title and one by
 * percentile band (each with the all-participants row), then its assumptions.
 *
 * @example
 * disclosureMarkdown(incomeDisclosure(result)) // => "## Income disclosure: …\n\n| Title | Participants | % of all | …"
 */
export function disclosureMarkdown(d: IncomeDisclosure): string {
  const { withHours, byTitle, byBand } = disclosureTableRows(d, { low: true, hoursDecimals: 1 });
  const head = (first: string) => [
    first,
    "Participants",
    "% of all",
    "% paid nothing",
    "Earnings: mean",
    "median",
    "low",
    "high",
    "Gross: mean",
    "Net: mean",
    "median",
    "% net profit",
    ...(withHours ? ["Hours: mean"] : []),
  ];
  return [
    `## ${markdownCell(d.title)}`,
    "",
    `Amounts in ${d.currency}, over ${d.window.label}: ${d.participants} participants (${d.companyAccountsExcluded} company account(s) left out).`,
    "",
    markdownTable(head("Title"), byTitle),
    "",
    markdownTable(head("Percentile band"), byBand),
    "",
    "Assumptions:",
    "",
    ...d.assumptions.map((a) => `- ${a.replace(/[\r\n]+/g, " ")}`),
    "",
  ].join("\n");
}

/**
 * A disclosure's rows as cells for reading (its Markdown, the terminal's
 * text): label, participants, % of all, % paid nothing, earnings mean,
 * median, low (with `low`), high, gross mean, net mean, median, % net
 * profit, and hours (`hoursDecimals` decimals) when some row has them. The
 * table by title and the one by percentile band each start with the
 * all-participants row.
 */
export function disclosureTableRows(d: IncomeDisclosure, options: { readonly low: boolean; readonly hoursDecimals: number }): { withHours: boolean; byTitle: string[][]; byBand: string[][] } {
  const m = (v: number) => displayMoney(v, d.digits);
  const withHours = d.rows.some((r) => r.hoursMean !== null);
  const cells = (r: DisclosureRow) => [
    r.label,
    String(r.participants),
    displayShare(r.share),
    displayShare(r.zeroShare),
    m(r.earningsMean),
    m(r.earningsMedian),
    ...(options.low ? [m(r.earningsLow)] : []),
    m(r.earningsHigh),
    m(r.grossMean),
    m(r.netMean),
    m(r.netMedian),
    displayShare(r.netProfitShare),
    ...(withHours ? [r.hoursMean === null || !Number.isFinite(r.hoursMean) ? "—" : r.hoursMean.toFixed(options.hoursDecimals)] : []),
  ];
  const all = d.rows.filter((r) => r.section === "all").map(cells);
  return {
    withHours,
    byTitle: [...all, ...d.rows.filter((r) => r.section === "title").map(cells)],
    byBand: [...all, ...d.rows.filter((r) => r.section === "band").map(cells)],
  };
}

/** A metric's figure for reading: a share as a percentage, money with its digits, hours and counts with one decimal. */
function displayMetric(value: number, unit: PlanMetric["unit"], digits: number, difference = false): string {
  if (!Number.isFinite(value)) return "—";
  if (unit === "share") return difference ? `${(value * 100).toFixed(1)} pp` : displayShare(value);
  if (unit === "money") return displayMoney(value, digits);
  return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** Options of {@link comparisonMarkdown}. */
export interface ComparisonMarkdownOptions {
  /** The metrics to show, in order (default: payout ratio, breakage, end customers, paid nothing, median and mean gross, top 10%, Gini, net profit, median net). */
  readonly metrics?: readonly PlanMetricName[];
  /** Show the table of means (default true). */
  readonly summary?: boolean;
  /** Show paired differences (default true). */
  readonly differences?: boolean;
}

const DEFAULT_COMPARISON_METRICS: readonly PlanMetricName[] = ["payoutRatio", "breakageShare", "endCustomerShare", "zeroEarnerShare", "medianGross", "meanGross", "top10Share", "gini", "netProfitShare", "medianNet"];

/**
 * A comparison as Markdown: one row per plan and world, each cell the mean
 * across seeds and its confidence interval; then the paired differences
 * (plan A − plan B on the same world and seeds) with theirs.
 *
 * @example
 * comparisonMarkdown(await comparePlans({ plans: [a, b], seeds: 20 }))
 * // => "| Plan | World | Payout ratio | … |\n|---|---|---:|…\n| Wellness unilevel | default | 25.6% (25.1% – 26.0%) | …"
 */
export function comparisonMarkdown(comparison: PlanComparison, options: ComparisonMarkdownOptions = {}): string {
  const names = options.metrics ?? DEFAULT_COMPARISON_METRICS;
  const metrics = names.map((n) => {
    const m = comparison.metrics.find((x) => x.name === n);
    if (!m) throw new RangeError(`downline/output: comparison Markdown: unknown metric ${JSON.stringify(n)}`);
    return m;
  });
  const digitsOf = new Map(comparison.arms.map((a) => [`${a.plan}\u0000${a.world}`, a.digits]));
  const cell = (mean: number, lo: number, hi: number, unit: PlanMetric["unit"], digits: number, difference = false) =>
    Number.isFinite(lo)
      ? `${displayMetric(mean, unit, digits, difference)} (${displayMetric(lo, unit, digits, difference)} – ${displayMetric(hi, unit, digits, difference)})`
      : displayMetric(mean, unit, digits, difference);
  const rows = comparison.arms.map((arm) => [
    arm.plan,
    arm.world,
    ...metrics.map((m) => {
      const s = comparison.summary.find((r) => r.plan === arm.plan && r.world === arm.world && r.metric === m.name)!;
      return cell(s.mean, s.lo, s.hi, m.unit, arm.digits);
    }),
  ]);
  const pct = `${+(comparison.confidence * 100).toFixed(2)}%`;
  const out: string[] = [];
  if (options.summary ?? true) {
    const windows = [...new Set(comparison.arms.map((a) => a.window))].join("; ");
    const currencies = [...new Set(comparison.arms.map((a) => a.currency))].join(", ");
    out.push(
      `Means over ${comparison.seeds.length} seeds (${pct} Student-t interval), over ${windows}. Shares in %, money in ${currencies}.`,
      "",
      markdownTable(["Plan", "World", ...metrics.map((m) => m.name)], rows, 2),
    );
  }
  if ((options.differences ?? true) && comparison.differences.length > 0) {
    const pairs = [...new Set(comparison.differences.map((d) => `${d.planA}\u0000${d.planB}\u0000${d.world}`))];
    const diffRows = pairs.map((key) => {
      const [a, b, world] = key.split("\u0000") as [string, string, string];
      const digits = digitsOf.get(`${a}\u0000${world}`) ?? 2;
      return [
        `${a} − ${b}`,
        world,
        ...metrics.map((m) => {
          const d = comparison.differences.find((r) => r.planA === a && r.planB === b && r.world === world && r.metric === m.name)!;
          return cell(d.meanDifference, d.lo, d.hi, m.unit, digits, true);
        }),
      ];
    });
    if (out.length > 0) out.push("");
    out.push(`Paired differences (same world, same seeds; ${comparison.seeds.length} seeds, ${pct} Student-t interval; shares in percentage points):`, "", markdownTable(["Plans", "World", ...metrics.map((m) => m.name)], diffRows, 2));
  }
  return out.join("\n") + "\n";
}
