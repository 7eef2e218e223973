/**
 * Period rows: one tidy record per period, the world's counts beside the
 * plan's payout on them. Money in integer minor units.
 *
 * @module
 */
import type { PeriodPayout } from "../engine/payout.js";
import type { WorldPeriodStats } from "../world/world.js";
import type { Collector } from "./collector.js";

/** One row per period: the world's counts, and the plan's payout on them. */
export interface PeriodRow extends WorldPeriodStats {
  /** Distributors active under the plan's activity rule. */
  readonly active: number;
  /** Revenue from all orders: end customers' plus distributors' own. */
  readonly revenue: number;
  /** Total paid by the company under the plan (retail profit, paid by customers, is apart). */
  readonly payout: number;
  /**
   * Of `payout`, what the company-held accounts (the scenario's founders)
   * earned: the company paying itself, not a cost. `payout −
   * companyAccountsPaid` is what participants were paid.
   */
  readonly companyAccountsPaid: number;
  /** Paid to distributors by customers: retail profit. */
  readonly customerPaid: number;
  readonly payoutByComponent: Readonly<Record<string, number>>;
  /** Payout as a share of revenue (0 when there is no revenue); the company's payout only. */
  readonly payoutRatio: number;
  /** Payout as a share of CV (0 when there is no CV). */
  readonly payoutShareOfCv: number;
  /** What headline rates would pay minus what was paid (before caps). */
  readonly breakage: number;
  readonly breakageByComponent: Readonly<Record<string, number>>;
  /** What the plan's caps removed. */
  readonly capped: number;
  readonly cappedByComponent: Readonly<Record<string, number>>;
}

/**
 * A period's row from the world's counts and the plan's payout; members
 * `0 … companyAccounts − 1` are company-held (the founders come first).
 */
export function periodRow(stats: WorldPeriodStats, payout: PeriodPayout, companyAccounts = 0): PeriodRow {
  const payoutByComponent: Record<string, number> = {};
  const breakageByComponent: Record<string, number> = {};
  const cappedByComponent: Record<string, number> = {};
  let payoutTotal = 0;
  let customerPaid = 0;
  let breakage = 0;
  let capped = 0;
  let companyAccountsPaid = 0;
  const accounts = Math.min(companyAccounts, payout.size);
  for (let c = 0; c < payout.amounts.length; c++) {
    if (payout.paidBy[c] === "company") for (let i = 0; i < accounts; i++) companyAccountsPaid += payout.amounts[c]![i]!;
    const name = payout.components[c]!;
    payoutByComponent[name] = payout.paid[c]!;
    breakageByComponent[name] = payout.breakage[c]!;
    cappedByComponent[name] = payout.capped[c]!;
    capped += payout.capped[c]!;
    if (payout.paidBy[c] === "customer") customerPaid += payout.paid[c]!;
    else payoutTotal += payout.paid[c]!;
    breakage += payout.breakage[c]!;
  }
  const revenue = stats.revenueCustomers + stats.revenueDistributors;
  return {
    ...stats,
    active: payout.activeCount,
    revenue,
    payout: payoutTotal,
    companyAccountsPaid,
    customerPaid,
    payoutByComponent,
    payoutRatio: revenue === 0 ? 0 : payoutTotal / revenue,
    payoutShareOfCv: stats.cv === 0 ? 0 : payoutTotal / stats.cv,
    breakage,
    breakageByComponent,
    capped,
    cappedByComponent,
  };
}

/** The period-rows collector; `rows` is its result, filled as the run goes (the runner reads the latest row from it). */
export interface PeriodRowsCollector extends Collector<PeriodRow[]> {
  readonly rows: readonly PeriodRow[];
}

/** Collects a {@link PeriodRow} per period (built into every run: `result.periods`); the first `companyAccounts` members are company-held. */
export function periodRowsCollector(companyAccounts = 0): PeriodRowsCollector {
  const rows: PeriodRow[] = [];
  return {
    rows,
    period({ stats, payout }) {
      rows.push(periodRow(stats, payout, companyAccounts));
    },
    result: () => rows,
  };
}
