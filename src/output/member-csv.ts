/**
 * Member rows as CSV, streamed from the member columns: a run of millions of
 * members is written piece by piece, never built as one string nor as
 * millions of records.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import type { MemberColumns } from "../analysis/member-totals.js";
import { ROLES } from "../world/roles.js";
import { csvText } from "./csv-text.js";

/**
 * The member rows as CSV text, in pieces of at most `rowsPerPiece` rows (the
 * header first). Columns: `member,sponsor,upline,joinPeriod,quitPeriod,status,
 * builder,recruits,customers,periodsActive,earnings,earnings_<component>…,
 * purchases,net`, as in `memberRowsOf`: an empty `quitPeriod` for a current
 * member, 0 customers for one who quit; money in major units with `digits`
 * decimals.
 *
 * @example
 * const fd = openSync("members.csv", "w");
 * for (const piece of membersCsvPieces(result.memberColumns, result.digits)) writeSync(fd, piece);
 * closeSync(fd);
 */
export function* membersCsvPieces(columns: MemberColumns, digits = 2, rowsPerPiece = 10_000, rankNames: readonly string[] = []): Generator<string> {
  const names = columns.components;
  const head = [
    "member", "sponsor", "upline", "joinPeriod", "quitPeriod", "status", "role", "company", "recruits", "customers", "periodsActive", "rank", "title", "hours",
    "earnings", "retailProfit", "gross", ...names.map((n) => `earnings_${n}`), "purchases", "requiredPurchases", "expenses", "net",
  ];
  // Rank names are the plan's: quoted, and escaped when a spreadsheet would run them as a formula.
  const rankName = (r: number) => (r === 0 ? "" : csvText(rankNames[r - 1] ?? String(r)));
  yield head.join(",") + "\n";
  const byComponent: string[] = new Array(names.length);
  for (let from = 0; from < columns.size; from += rowsPerPiece) {
    const to = Math.min(columns.size, from + rowsPerPiece);
    const lines: string[] = [];
    for (let i = from; i < to; i++) {
      // Summed in component order from 0, as memberRowsOf does: the same amounts to the last bit.
      let earnings = 0;
      let retailProfit = 0;
      for (let c = 0; c < names.length; c++) {
        const e = columns.earnings[c]![i]!;
        byComponent[c] = formatMinor(e, digits);
        if (columns.paidBy[c] === "customer") retailProfit += e;
        else earnings += e;
      }
      const gross = earnings + retailProfit;
      const required = columns.requiredPurchases[i]!;
      const expenses = columns.expenses[i]!;
      const alive = columns.alive[i] === 1;
      lines.push(
        `${i},${columns.sponsor[i]},${columns.upline[i]},${columns.joinPeriod[i]},${alive ? "" : columns.quitPeriod[i]},${alive ? "current" : "quit"},${ROLES[columns.role[i]!]},${columns.company[i] === 1},` +
          `${columns.recruits[i]},${alive ? columns.customers[i] : 0},${columns.periodsActive[i]},${rankName(columns.rank[i]!)},${rankName(columns.title[i]!)},${columns.hours[i]!.toFixed(2)},` +
          `${formatMinor(earnings, digits)},${formatMinor(retailProfit, digits)},${formatMinor(gross, digits)},` +
          `${names.length > 0 ? byComponent.join(",") + "," : ""}${formatMinor(columns.purchases[i]!, digits)},${formatMinor(required, digits)},${formatMinor(expenses, digits)},${formatMinor(gross - expenses - required, digits)}\n`,
      );
    }
    yield lines.join("");
  }
}
