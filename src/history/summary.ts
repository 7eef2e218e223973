/**
 * The summary line of an import: rows read, used, and set aside, by file.
 *
 * @module
 */
import { periodLabel } from "./calendar.js";
import type { History } from "./history.js";

const count = (n: number) => n.toLocaleString("en-US");

/**
 * One line saying what every file gave — rows read, used, and why any were
 * set aside — and the periods the history covers. Nothing is dropped
 * silently: read = used + set aside, for every file.
 *
 * @example
 * historySummary(history)
 * // => "members.csv: 1,000 rows read, 1,000 used; orders.csv: 4,210 rows read, 4,200 used, 10 set aside (10 after the last period); 24 months, 2024-01 to 2025-12"
 */
export function historySummary(history: History): string {
  const files = history.files.map((f) => {
    const aside = Object.entries(f.setAside);
    const total = aside.reduce((s, [, n]) => s + n, 0);
    const why = aside.map(([reason, n]) => `${count(n)} ${reason}`).join(", ");
    return `${f.file}: ${count(f.rowsRead)} rows read, ${count(f.rowsUsed)} used${total > 0 ? `, ${count(total)} set aside (${why})` : ""}`;
  });
  const cal = history.calendar;
  const unit = cal.period === "month" ? "month" : "week";
  files.push(`${history.periods} ${unit}${history.periods === 1 ? "" : "s"}, ${periodLabel(cal, 0)} to ${periodLabel(cal, history.periods - 1)}`);
  return files.join("; ");
}
