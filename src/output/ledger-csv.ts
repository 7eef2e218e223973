/**
 * The ledger as CSV: `period,payee,component,amount`, amounts in major units.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import type { Ledger } from "../analysis/ledger.js";

/**
 * The ledger as CSV text in pieces of at most `rowsPerPiece` lines (the header
 * first): write the pieces to a file one by one, and a ledger of tens of
 * millions of lines never has to sit in memory as one string (nor a period
 * of millions of payees as one piece).
 *
 * @example
 * const fd = openSync("ledger.csv", "w");
 * for (const piece of ledgerCsvPieces(result.ledger, result.digits)) writeSync(fd, piece);
 * closeSync(fd);
 */
export function* ledgerCsvPieces(ledger: Ledger, digits = 2, rowsPerPiece = 10_000): Generator<string> {
  yield "period,payee,component,amount\n";
  for (const chunk of ledger.chunks) {
    const component = ledger.components[chunk.component]!;
    for (let from = 0; from < chunk.payee.length; from += rowsPerPiece) {
      const to = Math.min(chunk.payee.length, from + rowsPerPiece);
      const rows: string[] = [];
      for (let k = from; k < to; k++) {
        rows.push(`${chunk.period},${chunk.payee[k]},${component},${formatMinor(chunk.amount[k]!, digits)}\n`);
      }
      yield rows.join("");
    }
  }
}

/**
 * The ledger as CSV text (`period,payee,component,amount`), amounts in major
 * units with `digits` decimals. For large ledgers, write {@link ledgerCsvPieces}
 * instead.
 *
 * @example
 * ledgerToCsv(result.ledger, 2).split("\n")[1] // => "0,3,unilevel,8.00"
 */
export function ledgerToCsv(ledger: Ledger, digits = 2): string {
  return [...ledgerCsvPieces(ledger, digits)].join("");
}
