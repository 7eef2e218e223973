/**
 * The ledger as CSV: `period,payee,component,amount`, amounts in major units.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import type { Ledger } from "../analysis/ledger.js";

/**
 * The ledger as CSV text, one piece per chunk (the header first): write the
 * pieces to a file one by one, and a ledger of tens of millions of lines never
 * has to sit in memory as one string.
 */
export function* ledgerCsvPieces(ledger: Ledger, digits = 2): Generator<string> {
  yield "period,payee,component,amount\n";
  for (const chunk of ledger.chunks) {
    const component = ledger.components[chunk.component]!;
    const rows: string[] = [];
    for (let k = 0; k < chunk.payee.length; k++) {
      rows.push(`${chunk.period},${chunk.payee[k]},${component},${formatMinor(chunk.amount[k]!, digits)}\n`);
    }
    yield rows.join("");
  }
}

/** The ledger as CSV text (`period,payee,component,amount`), amounts in major units with `digits` decimals. */
export function ledgerToCsv(ledger: Ledger, digits = 2): string {
  return [...ledgerCsvPieces(ledger, digits)].join("");
}
