/**
 * The reference definition of affiliate tiers, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { AffiliateSettings } from "./settings.js";

/**
 * Each customer's order (not a distributor's own) pays `rates[0] × basis` to
 * the distributor credited with it and `rates[1] × basis` to her current
 * upline, where basis is the order's price or CV. With `mode: "firstOrder"`
 * only an order placed in the period the customer was acquired pays; the
 * others pay nothing and have no headline. When the customer's tenure
 * (`period − customerJoin`) is at least `stepDown.afterPeriods`, the step-down
 * rates replace the rates, headline included. A missing upline, or an inactive
 * level holder when `qualification.active` is set, leaves its share as breakage.
 */
export const affiliateRule: ReferenceRule<AffiliateSettings, undefined> = {
  accrue(s, _state, { members, orders, period }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      if (order.customer < 0) continue;
      // The engine fills customerJoin; a record without one is a new customer's.
      const join = order.customerJoin ?? period;
      if (s.mode === "firstOrder" && join !== period) continue;
      const rates = s.stepDown && period - join >= s.stepDown.afterPeriods ? s.stepDown.rates : s.rates;
      const basis = s.basis === "cv" ? order.cv : order.price;
      const referrer = members[order.member]!;
      const holders = [referrer.id, referrer.upline];
      rates.forEach((r, level) => {
        const amount = r.value.times(basis);
        headline = headline.plus(amount);
        const payee = holders[level]!;
        if (payee === -1) return; // no upline: breakage
        if (s.requireActive && !members[payee]!.active) return; // forfeited: breakage
        credit(payees, payee, amount);
      });
    }
    return { payees, headline };
  },
};
