/**
 * Collectors: turn each period's world counts and payout into tidy rows, and
 * keep per-member totals. Money in integer minor units.
 *
 * @module
 */
import type { PeriodPayout } from "../engine/payout.js";
import type { World, WorldPeriodStats } from "../world/world.js";

/** One row per period. */
export interface PeriodRow {
  readonly period: number;
  /** Distributors at the end of the period. */
  readonly members: number;
  /** Distributors active under the plan's activity rule. */
  readonly active: number;
  readonly joins: number;
  readonly quits: number;
  readonly customers: number;
  readonly newCustomers: number;
  readonly lostCustomers: number;
  readonly orders: number;
  /** Revenue from all orders: end customers' plus distributors' own. */
  readonly revenue: number;
  readonly revenueCustomers: number;
  readonly revenueDistributors: number;
  readonly cv: number;
  /** Total paid by the plan. */
  readonly payout: number;
  readonly payoutByComponent: Readonly<Record<string, number>>;
  /** Payout as a share of revenue (0 when there is no revenue). */
  readonly payoutRatio: number;
  /** Payout as a share of CV (0 when there is no CV). */
  readonly payoutShareOfCv: number;
  /** What headline rates would pay minus what was paid. */
  readonly breakage: number;
  readonly breakageByComponent: Readonly<Record<string, number>>;
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

function fit<T extends Float64Array | Int32Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.ceil(size * 1.25));
  b.set(a);
  return b;
}

/** Adds a period to the member totals and returns its period row. */
export function collectPeriod(totals: MemberTotals, stats: WorldPeriodStats, payout: PeriodPayout, ownSpend: Float64Array): PeriodRow {
  const n = payout.size;
  totals.purchases = fit(totals.purchases, n);
  totals.periodsActive = fit(totals.periodsActive, n);
  for (let i = 0; i < n; i++) {
    totals.purchases[i]! += ownSpend[i]!;
    totals.periodsActive[i]! += payout.active[i]!;
  }
  const payoutByComponent: Record<string, number> = {};
  const breakageByComponent: Record<string, number> = {};
  let payoutTotal = 0;
  let breakage = 0;
  payout.amounts.forEach((row, c) => {
    const e = (totals.earnings[c] = fit(totals.earnings[c]!, n));
    for (let i = 0; i < n; i++) e[i]! += row[i]!;
    const name = payout.components[c]!;
    payoutByComponent[name] = payout.paid[c]!;
    breakageByComponent[name] = payout.breakage[c]!;
    payoutTotal += payout.paid[c]!;
    breakage += payout.breakage[c]!;
  });
  const revenue = stats.revenueCustomers + stats.revenueDistributors;
  return {
    period: stats.period,
    members: stats.members,
    active: payout.activeCount,
    joins: stats.joins,
    quits: stats.quits,
    customers: stats.customers,
    newCustomers: stats.newCustomers,
    lostCustomers: stats.lostCustomers,
    orders: stats.orders,
    revenue,
    revenueCustomers: stats.revenueCustomers,
    revenueDistributors: stats.revenueDistributors,
    cv: stats.cv,
    payout: payoutTotal,
    payoutByComponent,
    payoutRatio: revenue === 0 ? 0 : payoutTotal / revenue,
    payoutShareOfCv: stats.cv === 0 ? 0 : payoutTotal / stats.cv,
    breakage,
    breakageByComponent,
  };
}

/** Member rows at the end of a run ("compute, then assign": built once, after the loop). */
export function memberRows(totals: MemberTotals, world: World): MemberRow[] {
  const rows: MemberRow[] = new Array(world.size);
  for (let i = 0; i < world.size; i++) {
    const byComponent: Record<string, number> = {};
    let earnings = 0;
    totals.components.forEach((name, c) => {
      const e = totals.earnings[c]![i] ?? 0;
      byComponent[name] = e;
      earnings += e;
    });
    const purchases = totals.purchases[i] ?? 0;
    const alive = world.alive[i] === 1;
    rows[i] = {
      member: i,
      sponsor: world.sponsor[i]!,
      upline: world.upline[i]!,
      joinPeriod: world.joinPeriod[i]!,
      quitPeriod: alive ? null : world.quitPeriod[i]!,
      status: alive ? "current" : "quit",
      builder: world.builder[i] === 1,
      recruits: world.recruits[i]!,
      customers: alive ? world.customerCount[i]! : 0,
      periodsActive: totals.periodsActive[i] ?? 0,
      earnings,
      earningsByComponent: byComponent,
      purchases,
      net: earnings - purchases,
    };
  }
  return rows;
}
