/**
 * Member totals: what each member earned by component, spent on her own
 * orders, and how many periods she was active, kept as typed-array columns
 * (index = member) as the run goes. Money in integer minor units.
 *
 * @module
 */
import type { PeriodPayout } from "../engine/payout.js";
import { fitted } from "../util/grow.js";
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
  /** Per component (plan order): earnings per member. */
  readonly earnings: readonly Float64Array[];
  readonly purchases: Float64Array;
}

/** Per-member running totals of one plan's run (grown geometrically as members join). */
export interface MemberTotals {
  readonly components: readonly string[];
  earnings: Float64Array[];
  purchases: Float64Array;
  periodsActive: Int32Array;
}

/** Empty member totals for a plan's components. */
export function createMemberTotals(components: readonly string[]): MemberTotals {
  return { components, earnings: components.map(() => new Float64Array(0)), purchases: new Float64Array(0), periodsActive: new Int32Array(0) };
}

/** Adds a period's earnings, own purchases (`ownSpend`, by member) and activity to the totals. */
export function addToMemberTotals(totals: MemberTotals, payout: PeriodPayout, ownSpend: Float64Array): void {
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
  for (let c = 0; c < payout.amounts.length; c++) {
    const row = payout.amounts[c]!;
    const e = (totals.earnings[c] = fitted(totals.earnings[c]!, n));
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      e[i]! += row[i]!;
    }
  }
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
    role: world.role.subarray(0, n),
    company: world.company.subarray(0, n),
    recruits: world.recruits.subarray(0, n),
    customers: world.customerCount.subarray(0, n),
    periodsActive: view(totals.periodsActive),
    earnings: totals.earnings.map(view),
    purchases: view(totals.purchases),
  };
}

/** Collects the member totals of a run (built into every run: `result.memberColumns`). */
export function memberTotalsCollector(setup: CollectorSetup): Collector<MemberColumns> {
  const { world } = setup;
  const totals = createMemberTotals(setup.components);
  return {
    period({ payout }) {
      // Read through `world`: its arrays are replaced as it grows.
      addToMemberTotals(totals, payout, world.ownSpend);
    },
    result: () => memberColumns(totals, world),
  };
}
