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

/** A share as a percentage with `decimals` decimals ("—" when undefined). */
export function displayShare(share: number, decimals = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(decimals)}%` : "—";
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
  const m = (v: number) => displayMoney(v, d.digits);
  const withHours = d.rows.some((r) => r.hoursMean !== null);
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
  const cells = (r: DisclosureRow) => [
    r.label,
    String(r.participants),
    displayShare(r.share),
    displayShare(r.zeroShare),
    m(r.earningsMean),
    m(r.earningsMedian),
    m(r.earningsLow),
    m(r.earningsHigh),
    m(r.grossMean),
    m(r.netMean),
    m(r.netMedian),
    displayShare(r.netProfitShare),
    ...(withHours ? [r.hoursMean === null || !Number.isFinite(r.hoursMean) ? "—" : r.hoursMean.toFixed(1)] : []),
  ];
  const all = d.rows.filter((r) => r.section === "all").map(cells);
  return [
    `## ${markdownCell(d.title)}`,
    "",
    `Amounts in ${d.currency}, over ${d.window.label}: ${d.participants} participants (${d.companyAccountsExcluded} company account(s) left out).`,
    "",
    markdownTable(head("Title"), [...all, ...d.rows.filter((r) => r.section === "title").map(cells)]),
    "",
    markdownTable(head("Percentile band"), [...all, ...d.rows.filter((r) => r.section === "band").map(cells)]),
    "",
    "Assumptions:",
    "",
    ...d.assumptions.map((a) => `- ${a.replace(/[\r\n]+/g, " ")}`),
    "",
  ].join("\n");
}
