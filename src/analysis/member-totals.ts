/**
 * Member totals: what each member earned by component, spent on her own
 * orders and on her business (expenses, required purchases), how many hours
 * she worked, how many periods she was active, her last paid-as rank and her
 * title, kept as typed-array columns (index = member) as the run goes. Money
 * in integer minor units.
 *
 * @module
 */
import type { PeriodPayout } from "../engine/payout.js";
import { fitted, fittedTo } from "../util/grow.js";
import type { World } from "../world/world.js";
import type { Collector, CollectorSetup } from "./collector.js";

/**
 * Per-member results as columns (index = member), for large runs and fast
 * analysis; {@link memberRowsOf} turns them into records.
 */
export interface MemberColumns {
  /** Members who ever joined. */
  readonly size: number;
  readonly components: readonly string[];
  /** Per component: who pays it (the company, or customers for retail profit). */
  readonly paidBy: readonly ("company" | "customer")[];
  readonly sponsor: Int32Array;
  readonly upline: Int32Array;
  readonly joinPeriod: Int32Array;
  /** Meaningful where `alive` is 0. */
  readonly quitPeriod: Int32Array;
  readonly alive: Uint8Array;
  /** Role codes: `ROLES[role[i]]` is member i's role (consumer, seller, builder). */
  readonly role: Uint8Array;
  /** 1 for a company-held account (a founder): statistics about participants leave these out. */
  readonly company: Uint8Array;
  readonly recruits: Int32Array;
  readonly customers: Int32Array;
  readonly periodsActive: Int32Array;
  /** Paid-as rank (1-based in the plan's ladder, 0 none) in the last period she was a member. */
  readonly rank: Uint8Array;
  /** Title: the highest paid-as rank she ever had. */
  readonly title: Uint8Array;
  /** Per component (plan order): earnings per member (retail profit, paid by customers, included under its component). */
  readonly earnings: readonly Float64Array[];
  /** What she spent on her own orders. */
  readonly purchases: Float64Array;
  /** The part of her own orders she bought because the business required it (not what she would have bought anyway). */
  readonly requiredPurchases: Float64Array;
  /** Her business expenses: sign-up fee, starter kit, renewals, monthly costs. */
  readonly expenses: Float64Array;
  /** Hours of effort she put in. */
  readonly hours: Float64Array;
}

/** Per-member running totals of one plan's run (grown geometrically as members join). */
export interface MemberTotals {
  readonly components: readonly string[];
  readonly paidBy: readonly ("company" | "customer")[];
  earnings: Float64Array[];
  purchases: Float64Array;
  requiredPurchases: Float64Array;
  expenses: Float64Array;
  hours: Float64Array;
  periodsActive: Int32Array;
  rank: Uint8Array;
  title: Uint8Array;
  /** Whether the plan has ranks: without, every paid-as rank and title is 0 and they are not copied. */
  readonly ranked: boolean;
}

/**
 * Bytes per member that member totals keep for a plan of `components`
 * components: earnings per component, purchases, required purchases,
 * expenses and hours (Float64 each), periods active (Int32), paid-as rank and
 * title (Uint8 each; grown with the rest even without ranks, so that the
 * columns cover every member). The run's memory estimate counts this.
 *
 * @example
 * memberTotalsBytesPerMember(2) // => 54 (16 earnings, 32 spending and hours, 4 periods active, 2 rank and title)
 */
export function memberTotalsBytesPerMember(components: number): number {
  return Float64Array.BYTES_PER_ELEMENT * (components + 4) + Int32Array.BYTES_PER_ELEMENT + 2 * Uint8Array.BYTES_PER_ELEMENT;
}

/** Empty member totals for a plan's components (`ranked`: whether the plan has ranks). */
export function createMemberTotals(components: readonly string[], paidBy: readonly ("company" | "customer")[] = components.map(() => "company"), ranked = true): MemberTotals {
  return {
    components,
    paidBy,
    ranked,
    earnings: components.map(() => new Float64Array(0)),
    purchases: new Float64Array(0),
    requiredPurchases: new Float64Array(0),
    expenses: new Float64Array(0),
    hours: new Float64Array(0),
    periodsActive: new Int32Array(0),
    rank: new Uint8Array(0),
    title: new Uint8Array(0),
  };
}

/** What the world says of each member this period, by member: spending, costs and hours. */
export interface MemberPeriodSpending {
  readonly ownSpend: ArrayLike<number>;
  readonly requiredPurchases: ArrayLike<number>;
  readonly expenses: ArrayLike<number>;
  readonly hours: ArrayLike<number>;
}

/** Adds a period's earnings, spending, costs, hours, activity and ranks to the totals. */
export function addToMemberTotals(totals: MemberTotals, payout: PeriodPayout, world: MemberPeriodSpending): void {
  const { members, memberCount } = payout;
  const n = payout.size;
  // Grown to the world's capacity when it has made room for more (its arrays' length): copied once, not every few periods.
  const room = world.ownSpend.length;
  totals.purchases = fittedTo(totals.purchases, n, room);
  totals.requiredPurchases = fittedTo(totals.requiredPurchases, n, room);
  totals.expenses = fittedTo(totals.expenses, n, room);
  totals.hours = fittedTo(totals.hours, n, room);
  totals.periodsActive = fittedTo(totals.periodsActive, n, room);
  totals.rank = fittedTo(totals.rank, n, room);
  totals.title = fittedTo(totals.title, n, room);
  const { ownSpend, requiredPurchases, expenses, hours } = world;
  const { purchases, requiredPurchases: required, expenses: spent, hours: worked, periodsActive, rank, title } = totals;
  const { active, rank: paidAs, title: titled } = payout;
  // Only current members order, work, pay expenses, are active or are paid. Zeros are not added: most members
  // spend, earn or rank nothing in a period, and a write not made is memory traffic saved (the sums are the same).
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    const s = ownSpend[i]!;
    if (s !== 0) purchases[i]! += s;
    const r = requiredPurchases[i]!;
    if (r !== 0) required[i]! += r;
    const x = expenses[i]!;
    if (x !== 0) spent[i]! += x;
    const h = hours[i]!;
    if (h !== 0) worked[i]! += h;
    if (active[i] === 1) periodsActive[i]! += 1;
  }
  // Ranks and titles: only for a plan with ranks (otherwise every entry stays 0).
  if (totals.ranked) {
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      rank[i] = paidAs[i]!;
      const t = titled[i]!;
      if (t > title[i]!) title[i] = t;
    }
  }
  for (let c = 0; c < payout.amounts.length; c++) {
    const row = payout.amounts[c]!;
    const e = (totals.earnings[c] = fittedTo(totals.earnings[c]!, n, room));
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const a = row[i]!;
      if (a !== 0) e[i]! += a;
    }
  }
}

/**
 * The member columns at the end of a run: views of the world's and the totals'
 * arrays (no copy; the world is done with them).
 */
export function memberColumns(totals: MemberTotals, world: World): MemberColumns {
  const n = world.size;
  const view = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => fitted(a, n).subarray(0, n) as T;
  return {
    size: n,
    components: totals.components,
    paidBy: totals.paidBy,
    sponsor: world.sponsor.subarray(0, n),
    upline: world.upline.subarray(0, n),
    joinPeriod: world.joinPeriod.subarray(0, n),
    quitPeriod: world.quitPeriod.subarray(0, n),
    alive: world.alive.subarray(0, n),
    role: world.role.subarray(0, n),
    company: world.company.subarray(0, n),
    recruits: world.recruits.subarray(0, n),
    customers: world.customerCount.subarray(0, n),
    periodsActive: view(totals.periodsActive),
    rank: view(totals.rank),
    title: view(totals.title),
    earnings: totals.earnings.map(view),
    purchases: view(totals.purchases),
    requiredPurchases: view(totals.requiredPurchases),
    expenses: view(totals.expenses),
    hours: view(totals.hours),
  };
}

/** Collects the member totals of a run (built into every run: `result.memberColumns`). */
export function memberTotalsCollector(setup: CollectorSetup): Collector<MemberColumns> {
  const { world } = setup;
  const totals = createMemberTotals(setup.components, setup.plan.components.map((c) => c.paidBy), setup.plan.ranks.length > 0);
  return {
    period({ payout }) {
      // Read through `world`: its arrays are replaced as it grows.
      addToMemberTotals(totals, payout, world);
    },
    result: () => memberColumns(totals, world),
  };
}
