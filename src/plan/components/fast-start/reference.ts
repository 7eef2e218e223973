/**
 * The reference definition of the fast-start bonus, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { FastStartSettings } from "./settings.js";

/**
 * Each order credited to a new recruit (joined fewer than `periods` periods
 * ago, her join period counting as the first) pays `rates[k-1] × CV` to her
 * k-th upline on the current tree, without compression. With `volume: "own"`
 * her customers' orders do not count. A missing upline, or an inactive one when
 * `qualification.active` is set, leaves its share as breakage.
 */
export const fastStartRule: ReferenceRule<FastStartSettings, undefined> = {
  accrue(s, _state, { members, orders, period, joinPeriod }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      if (s.volume === "own" && order.customer >= 0) continue;
      const recruit = members[order.member]!;
      if (period - joinPeriod(recruit.id) >= s.periods) continue;
      let up = recruit.upline;
      for (const r of s.rates) {
        const amount = r.value.times(s.basis === "qv" ? order.qv! : order.cv);
        headline = headline.plus(amount);
        if (up === -1) continue; // no upline this high: breakage
        const upline = members[up]!;
        if (!s.requireActive || upline.active) credit(payees, up, amount);
        up = upline.upline;
      }
    }
    return { payees, headline };
  },
};
