/**
 * The ledger: one line per (period, payee, component) with a non-zero amount,
 * in integer minor units. Stored as columns; every total the run reports is the
 * exact sum of its lines.
 *
 * @module
 */
import type { PeriodPayout } from "../engine/payout.js";
import type { Collector, CollectorSetup } from "./collector.js";

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

/** Collects the ledger of a run (built into every run unless `ledger: false`: `result.ledger`). */
export function ledgerCollector(setup: CollectorSetup): Collector<Ledger> {
  const ledger = createLedger(setup.components);
  return {
    period({ payout }) {
      appendPayout(ledger, payout);
    },
    result: () => ledger,
  };
}
