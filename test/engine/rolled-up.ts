/** Random multi-period worlds for the property tests, as the world would hand them to a plan. */
import { networkFromRecords, type OrderRecord, type PeriodNetwork } from "../../src/index.js";

/** Drawn uplines (each below its member), who is still a member at the end, and each period's orders. */
export interface DrawnWorld {
  readonly uplines: readonly number[];
  readonly alive: readonly boolean[];
  readonly periods: readonly (readonly { member: number; customer: number; cv: number }[])[];
}

/**
 * One network per period: members join in index order (period t holds the first
 * ⌈n(t+1)/T⌉), quitters' downlines are rolled up to their nearest current upline,
 * and only current members order (price = CV).
 */
export function rolledUpNetworks(world: DrawnWorld): PeriodNetwork[] {
  const uplines = [...world.uplines];
  for (let i = 0; i < uplines.length; i++) {
    const p = uplines[i]!;
    if (p >= 0 && !world.alive[p]) uplines[i] = uplines[p]!;
  }
  return world.periods.map((raw, t) => {
    const size = Math.ceil((uplines.length * (t + 1)) / world.periods.length);
    const orders: OrderRecord[] = raw.filter((o) => o.member < size && world.alive[o.member]).map((o) => ({ ...o, price: o.cv }));
    return networkFromRecords({ uplines: uplines.slice(0, size), alive: world.alive.slice(0, size), orders, period: t });
  });
}
