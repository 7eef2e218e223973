/**
 * The ledger: one line per (period, payee, component) with a non-zero amount,
 * in integer minor units. Stored as columns; every total the run reports is the
 * exact sum of its lines.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import type { PeriodPayout } from "./payout.js";

/** One ledger line, as a plain record. `amount` is in minor units. */
export interface LedgerLine {
  readonly period: number;
  readonly payee: number;
  readonly component: string;
  readonly amount: number;
}

/** A columnar ledger. */
export interface Ledger {
  /** Component names; `component[k]` indexes this list. */
  readonly components: readonly string[];
  length: number;
  period: Int32Array;
  payee: Int32Array;
  component: Uint16Array;
  amount: Float64Array;
}

/** An empty ledger for a plan's components. */
export function createLedger(components: readonly string[]): Ledger {
  const cap = 1024;
  return {
    components: [...components],
    length: 0,
    period: new Int32Array(cap),
    payee: new Int32Array(cap),
    component: new Uint16Array(cap),
    amount: new Float64Array(cap),
  };
}

/** Appends a period's non-zero amounts, component by component, payees ascending. */
export function appendPayout(ledger: Ledger, payout: PeriodPayout): void {
  for (let c = 0; c < payout.amounts.length; c++) {
    const row = payout.amounts[c]!;
    for (let i = 0; i < payout.size; i++) {
      const a = row[i]!;
      if (a === 0) continue;
      if (ledger.length === ledger.amount.length) grow(ledger);
      const k = ledger.length++;
      ledger.period[k] = payout.period;
      ledger.payee[k] = i;
      ledger.component[k] = c;
      ledger.amount[k] = a;
    }
  }
}

function grow(ledger: Ledger): void {
  const cap = ledger.amount.length * 2;
  const copy = <T extends Int32Array | Uint16Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(cap);
    b.set(a);
    return b;
  };
  ledger.period = copy(ledger.period);
  ledger.payee = copy(ledger.payee);
  ledger.component = copy(ledger.component);
  ledger.amount = copy(ledger.amount);
}

/**
 * The ledger as plain records, for notebooks and exports.
 *
 * @example
 * ledgerLines(result.ledger)[0] // => { period: 0, payee: 3, component: "unilevel", amount: 800 }
 */
export function ledgerLines(ledger: Ledger): LedgerLine[] {
  const out: LedgerLine[] = new Array(ledger.length);
  for (let k = 0; k < ledger.length; k++) {
    out[k] = {
      period: ledger.period[k]!,
      payee: ledger.payee[k]!,
      component: ledger.components[ledger.component[k]!]!,
      amount: ledger.amount[k]!,
    };
  }
  return out;
}

/** The ledger as CSV text (`period,payee,component,amount`), amounts in major units with `digits` decimals. */
export function ledgerToCsv(ledger: Ledger, digits = 2): string {
  const rows = ["period,payee,component,amount"];
  for (let k = 0; k < ledger.length; k++) {
    rows.push(`${ledger.period[k]},${ledger.payee[k]},${ledger.components[ledger.component[k]!]},${formatMinor(ledger.amount[k]!, digits)}`);
  }
  return rows.join("\n") + "\n";
}
