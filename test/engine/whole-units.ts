/**
 * Inputs for the "totals telescope" checks and the deep-chain closed forms of
 * the rank-driven components (differential, stairstep, generation): orders in
 * whole currency units and rates of two decimals, so that every amount is
 * whole cents and nothing is rounded; and a long chain of members for the
 * no-recursion tests.
 */
import fc from "fast-check";
import { networkFromRecords, type OrderRecord, type PeriodNetwork } from "../../src/index.js";
import { networkArb } from "./ranked-networks.js";

/** A rate of two decimals in [0, 0.30]. */
export const centsArb = fc.integer({ min: 0, max: 30 }).map((n) => (n / 100).toFixed(2));

/** The order in whole currency units: its CV rounded to 100 minor units, its price the same. */
export function wholeUnitOrder<O extends OrderRecord>(o: O): O {
  return { ...o, cv: Math.round(o.cv / 100) * 100, price: Math.round(o.cv / 100) * 100 };
}

/** networkArb's networks with their orders in whole units. */
export const wholeUnitNetworkArb: fc.Arbitrary<PeriodNetwork> = networkArb.map((net) => {
  const uplines = Array.from(net.upline.subarray(0, net.size));
  const alive = Array.from(net.alive.subarray(0, net.size), (a) => a === 1);
  const orders = (net.orders ?? []).map(wholeUnitOrder);
  return networkFromRecords({ uplines, alive, orders });
});

/** A chain of `n` members (0 ← 1 ← …): every `every`-th one (0, every, 2 × every, …) orders 200.00 herself, the others 100.00. */
export function chainRecords(n: number, every: number): { uplines: number[]; orders: OrderRecord[] } {
  const uplines = Array.from({ length: n }, (_, i) => i - 1);
  const orders = uplines.map((_, i) => ({ member: i, customer: -1, price: i % every ? 100_00 : 200_00, cv: i % every ? 100_00 : 200_00 }));
  return { uplines, orders };
}
