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

/**
 * One period's lines of one component: payees ascending, amounts in minor units.
 * Period and component are the chunk's, so a line costs 12 bytes.
 */
export interface LedgerChunk {
  readonly period: number;
  /** Index into {@link Ledger.components}. */
  readonly component: number;
  readonly payee: Int32Array;
  readonly amount: Float64Array;
}

/** A ledger: chunks of exactly-sized columns, in period then component order. */
export interface Ledger {
  /** Component names; a chunk's `component` indexes this list. */
  readonly components: readonly string[];
  /** Number of lines. */
  length: number;
  readonly chunks: LedgerChunk[];
}

/** An empty ledger for a plan's components. */
export function createLedger(components: readonly string[]): Ledger {
  return { components: [...components], length: 0, chunks: [] };
}

/** Appends a period's non-zero amounts, component by component, payees ascending. */
export function appendPayout(ledger: Ledger, payout: PeriodPayout): void {
  const { members, memberCount } = payout;
  for (let c = 0; c < payout.amounts.length; c++) {
    const row = payout.amounts[c]!;
    let n = 0;
    for (let idx = 0; idx < memberCount; idx++) if (row[members[idx]!] !== 0) n += 1;
    if (n === 0) continue;
    const payee = new Int32Array(n);
    const amount = new Float64Array(n);
    let k = 0;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const a = row[i]!;
      if (a === 0) continue;
      payee[k] = i;
      amount[k++] = a;
    }
    ledger.chunks.push({ period: payout.period, component: c, payee, amount });
    ledger.length += n;
  }
}

/**
 * The ledger as plain records, for notebooks and exports.
 *
 * @example
 * ledgerLines(result.ledger)[0] // => { period: 0, payee: 3, component: "unilevel", amount: 800 }
 */
export function ledgerLines(ledger: Ledger): LedgerLine[] {
  const out: LedgerLine[] = [];
  for (const chunk of ledger.chunks) {
    const component = ledger.components[chunk.component]!;
    for (let k = 0; k < chunk.payee.length; k++) {
      out.push({ period: chunk.period, payee: chunk.payee[k]!, component, amount: chunk.amount[k]! });
    }
  }
  return out;
}

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
