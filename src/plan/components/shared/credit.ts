/**
 * Reference rules' one bookkeeping step: adding an exact amount to a payee.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";

/** Adds `amount` to what `payee` is owed this period. */
export function credit(payees: Map<number, Decimal>, payee: number, amount: Decimal): void {
  payees.set(payee, (payees.get(payee) ?? new ExactDecimal(0)).plus(amount));
}
