/**
 * The reference definition of the fast-start bonus, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { FastStartSettings } from "../../../plan/components/fast-start.js";
import type { ReferenceRule } from "../rules.js";

/**
 * Fast start: each order credited to a new recruit (joined fewer than `months`
 * periods ago, her join period counting as the first) pays `rates[k-1] × CV` to
 * her k-th upline on the current tree, without compression. With `volume: "own"`
 * her customers' orders do not count. A missing upline, or an inactive one when
 * `requiresActive` is set, leaves its share as breakage.
 */
export const fastStartRule: ReferenceRule = (raw, { members, orders, period, joinPeriod }) => {
  const s = raw as unknown as FastStartSettings;
  const payees = new Map<number, Decimal>();
  let headline: Decimal = new ExactDecimal(0);
  for (const order of orders) {
    if (s.volume === "own" && order.customer >= 0) continue;
    const recruit = members[order.member]!;
    if (period - joinPeriod(recruit.id) >= s.months) continue;
    let up = recruit.upline;
    for (const r of s.rates) {
      const amount = r.value.times(order.cv);
      headline = headline.plus(amount);
      if (up === -1) continue; // no upline this high: breakage
      const upline = members[up]!;
      if (!s.requiresActive || upline.active) payees.set(up, (payees.get(up) ?? new ExactDecimal(0)).plus(amount));
      up = upline.upline;
    }
  }
  return { payees, headline };
};
