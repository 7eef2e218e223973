/**
 * Plain-text tables and summaries for the command line.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import { displayShare } from "../output/markdown.js";
import type { SimulationResult } from "../analysis/result.js";

/**
 * Text from input (a plan's or a scenario's name) as a terminal may show it:
 * control characters written as escapes (`\u001b`), so that a name cannot
 * move the cursor, recolour the screen or break a line.
 *
 * @example
 * terminalText("Gold\u001b[31m") // => "Gold\\u001b[31m"
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Columns under their headers: the first `textColumns` left-aligned, the rest right-aligned; cells shown with {@link terminalText}. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], textColumns = 0): string {
  const safe = rows.map((r) => r.map(terminalText));
  const widths = headers.map((h, c) => Math.max(h.length, ...safe.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...safe.map(line)].join("\n");
}

/** Money with thousands separators, in major units: 1234567 → "12,345.67". */
export function money(minor: number, digits: number): string {
  const [whole, frac] = formatMinor(minor, digits).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

const pct = (x: number) => displayShare(x);

/** The period-by-period table of a run: periods numbered from 0, as in the CSV, the JSON and the API. */
export function periodTable(result: SimulationResult): string {
  const d = result.digits;
  const headers = ["Period", "Members", "Joins", "Quits", "Active", "Customers", "Revenue", "CV", "Payout", "Payout/rev", "Breakage"];
  const rows = result.periods.map((p) => [
    String(p.period),
    String(p.members),
    String(p.joins),
    String(p.quits),
    String(p.active),
    String(p.customers),
    money(p.revenue, d),
    money(p.cv, d),
    money(p.payout, d),
    pct(p.payoutRatio),
    money(p.breakage, d),
  ]);
  return formatTable(headers, rows);
}

/** A few lines on the whole run: totals, and who earned what (company accounts left out, and said so). */
export function runSummary(result: SimulationResult): string {
  const d = result.digits;
  const sum = (f: (p: SimulationResult["periods"][number]) => number) => result.periods.reduce((s, p) => s + f(p), 0);
  const revenue = sum((p) => p.revenue);
  const customers = sum((p) => p.revenueCustomers);
  const payout = sum((p) => p.payout);
  const breakage = sum((p) => p.breakage);
  const toCompany = sum((p) => p.companyAccountsPaid);
  // From the member columns: member records would cost a few seconds and a gigabyte on large runs.
  const cols = result.memberColumns;
  const gross = new Float64Array(cols.size);
  for (const byComponent of cols.earnings) for (let i = 0; i < cols.size; i++) gross[i]! += byComponent[i]!;
  // Participants: every member but the company-held accounts (founders).
  let participants = 0;
  let netPositive = 0;
  const earned = new Float64Array(cols.size);
  for (let i = 0; i < cols.size; i++) {
    if (cols.company[i] === 1) continue;
    earned[participants++] = gross[i]!;
    if (gross[i]! - cols.expenses[i]! - cols.requiredPurchases[i]! > 0) netPositive += 1;
  }
  const companyAccounts = cols.size - participants;
  const paid = earned.subarray(0, participants).sort().reverse();
  const total = paid.reduce((s, e) => s + e, 0);
  const top = (share: number) => paid.slice(0, Math.max(1, Math.round(paid.length * share))).reduce((s, e) => s + e, 0);
  const zero = paid.filter((e) => e === 0).length;
  const byComponent = result.plan.components.map((c) => `${c} ${money(sum((p) => p.payoutByComponent[c] ?? 0), d)}`).join(", ");
  const currency = result.scenario.currency;
  const of = (x: number) => pct(x / Math.max(1, participants));
  return [
    terminalText(`Plan "${result.plan.name}" on scenario "${result.scenario.name}", seed ${String(result.seed)}, ${result.periods.length} ${result.scenario.period}s, periods 0–${result.periods.length - 1} (${result.engine} engine)`),
    `Revenue ${money(revenue, d)} ${currency} (${pct(revenue === 0 ? 0 : customers / revenue)} from end customers); payout ${money(payout, d)} = ${pct(revenue === 0 ? 0 : payout / revenue)} of revenue (${byComponent}; to company accounts ${money(toCompany, d)}); breakage ${money(breakage, d)}`,
    `Participants ${participants} (company accounts left out: ${companyAccounts}): ${of(zero)} earned nothing; ${of(netPositive)} made a net profit after expenses and required purchases; the top 1% took ${pct(total === 0 ? 0 : top(0.01) / total)} of all earnings, the top 10% ${pct(total === 0 ? 0 : top(0.1) / total)}`,
  ].join("\n");
}
