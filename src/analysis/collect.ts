/**
 * Collectors: turn each period's world counts and payout into tidy rows, and
 * keep per-member totals as columns. Money in integer minor units.
 *
 * @module
 */
import type { PeriodPayout } from "../engine/payout.js";
import { fitted } from "../util/grow.js";
import type { World, WorldPeriodStats } from "../world/world.js";

/** One row per period: the world's counts, and the plan's payout on them. */
export interface PeriodRow extends WorldPeriodStats {
  /** Distributors active under the plan's activity rule. */
  readonly active: number;
  /** Revenue from all orders: end customers' plus distributors' own. */
  readonly revenue: number;
  /** Total paid by the company under the plan (retail profit, paid by customers, is apart). */
  readonly payout: number;
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

/** One row per member who ever joined. */
export interface MemberRow {
  readonly member: number;
  /** The enroller, as at joining (-1 for a member at the top). */
  readonly sponsor: number;
  /** The upline now, after roll-ups of quitters. */
  readonly upline: number;
  readonly joinPeriod: number;
  readonly quitPeriod: number | null;
  readonly status: "current" | "quit";
  readonly builder: boolean;
  /** Personal recruits ever. */
  readonly recruits: number;
  /** Customers at the end of the run. */
  readonly customers: number;
  /** Periods in which she met the plan's activity rule. */
  readonly periodsActive: number;
  readonly earnings: number;
  readonly earningsByComponent: Readonly<Record<string, number>>;
  /** What she spent on her own orders. */
  readonly purchases: number;
  /** Earnings minus purchases. */
  readonly net: number;
}

/**
 * Per-member results as columns (index = member), for large runs and fast
 * analysis; {@link memberRowsOf} turns them into records.
 */
export interface MemberColumns {
  /** Members who ever joined. */
  readonly size: number;
  readonly components: readonly string[];
  readonly sponsor: Int32Array;
  readonly upline: Int32Array;
  readonly joinPeriod: Int32Array;
  /** Meaningful where `alive` is 0. */
  readonly quitPeriod: Int32Array;
  readonly alive: Uint8Array;
  readonly builder: Uint8Array;
  readonly recruits: Int32Array;
  readonly customers: Int32Array;
  readonly periodsActive: Int32Array;
  /** Per component (plan order): earnings per member. */
  readonly earnings: readonly Float64Array[];
  readonly purchases: Float64Array;
}

/** Per-member running totals of one plan's run. */
export interface MemberTotals {
  readonly components: readonly string[];
  earnings: Float64Array[];
  purchases: Float64Array;
  periodsActive: Int32Array;
}

export function createMemberTotals(components: readonly string[]): MemberTotals {
  return { components, earnings: components.map(() => new Float64Array(0)), purchases: new Float64Array(0), periodsActive: new Int32Array(0) };
}

/** Adds a period to the member totals and returns its period row. */
export function collectPeriod(totals: MemberTotals, stats: WorldPeriodStats, payout: PeriodPayout, ownSpend: Float64Array): PeriodRow {
  const { members, memberCount } = payout;
  const n = payout.size;
  totals.purchases = fitted(totals.purchases, n);
  totals.periodsActive = fitted(totals.periodsActive, n);
  // Only current members order, are active or are paid.
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    totals.purchases[i]! += ownSpend[i]!;
    totals.periodsActive[i]! += payout.active[i]!;
  }
  const payoutByComponent: Record<string, number> = {};
  const breakageByComponent: Record<string, number> = {};
  const cappedByComponent: Record<string, number> = {};
  let payoutTotal = 0;
  let customerPaid = 0;
  let breakage = 0;
  let capped = 0;
  payout.amounts.forEach((row, c) => {
    const e = (totals.earnings[c] = fitted(totals.earnings[c]!, n));
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      e[i]! += row[i]!;
    }
    const name = payout.components[c]!;
    payoutByComponent[name] = payout.paid[c]!;
    breakageByComponent[name] = payout.breakage[c]!;
    cappedByComponent[name] = payout.capped[c]!;
    capped += payout.capped[c]!;
    if (payout.paidBy[c] === "customer") customerPaid += payout.paid[c]!;
    else payoutTotal += payout.paid[c]!;
    breakage += payout.breakage[c]!;
  });
  const revenue = stats.revenueCustomers + stats.revenueDistributors;
  return {
    ...stats,
    active: payout.activeCount,
    revenue,
    payout: payoutTotal,
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

/**
 * The member columns at the end of a run: views of the world's and the totals'
 * arrays (no copy; the world is done with them).
 */
export function memberColumns(totals: MemberTotals, world: World): MemberColumns {
  const n = world.size;
  const view = <T extends Int32Array | Float64Array>(a: T): T => fitted(a, n).subarray(0, n) as T;
  return {
    size: n,
    components: totals.components,
    sponsor: world.sponsor.subarray(0, n),
    upline: world.upline.subarray(0, n),
    joinPeriod: world.joinPeriod.subarray(0, n),
    quitPeriod: world.quitPeriod.subarray(0, n),
    alive: world.alive.subarray(0, n),
    builder: world.builder.subarray(0, n),
    recruits: world.recruits.subarray(0, n),
    customers: world.customerCount.subarray(0, n),
    periodsActive: view(totals.periodsActive),
    earnings: totals.earnings.map(view),
    purchases: view(totals.purchases),
  };
}

/**
 * Member records from member columns ("compute, then assign": built once,
 * after the run, and only when asked for).
 *
 * @example
 * memberRowsOf(result.memberColumns)[0].earnings // => total earned by member 0, minor units
 */
export function memberRowsOf(columns: MemberColumns): MemberRow[] {
  const rows: MemberRow[] = new Array(columns.size);
  for (let i = 0; i < columns.size; i++) {
    const byComponent: Record<string, number> = {};
    let earnings = 0;
    columns.components.forEach((name, c) => {
      const e = columns.earnings[c]![i]!;
      byComponent[name] = e;
      earnings += e;
    });
    const purchases = columns.purchases[i]!;
    const alive = columns.alive[i] === 1;
    rows[i] = {
      member: i,
      sponsor: columns.sponsor[i]!,
      upline: columns.upline[i]!,
      joinPeriod: columns.joinPeriod[i]!,
      quitPeriod: alive ? null : columns.quitPeriod[i]!,
      status: alive ? "current" : "quit",
      builder: columns.builder[i] === 1,
      recruits: columns.recruits[i]!,
      customers: alive ? columns.customers[i]! : 0,
      periodsActive: columns.periodsActive[i]!,
      earnings,
      earningsByComponent: byComponent,
      purchases,
      net: earnings - purchases,
    };
  }
  return rows;
}
