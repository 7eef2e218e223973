/**
 * The reference definition of the unilevel, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { UnilevelSettings } from "./settings.js";

/**
 * Walking up from the member credited with an order, the k-th upline that
 * holds a level earns `rates[k-1] × CV`. Dynamic compression: only active
 * uplines hold a level. No compression: every upline holds a level, and an
 * inactive one is not paid. An upline beyond her payable depth (by paid-as
 * rank) holds her level unpaid. Headline: `Σ rates × CV` of every order.
 */
export const unilevelRule: ReferenceRule<UnilevelSettings, undefined> = {
  accrue(s, _state, { members, orders }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      for (const r of s.rates) headline = headline.plus(r.value.times(order.cv));
      let level = 0;
      let up = members[order.member]!.upline;
      while (up !== -1 && level < s.rates.length) {
        const upline = members[up]!;
        if (upline.active) {
          if (!s.depthByRank || level < s.depthByRank[upline.rank]!) credit(payees, up, s.rates[level]!.value.times(order.cv));
          level += 1;
        } else if (s.compression === "none") {
          level += 1;
        }
        up = upline.upline;
      }
    }
    return { payees, headline };
  },
};
