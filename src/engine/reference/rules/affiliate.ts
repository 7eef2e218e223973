/**
 * The reference definition of affiliate tiers, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { AffiliateSettings } from "../../../plan/components/affiliate.js";
import type { ReferenceRule } from "../rules.js";

/**
 * Affiliate: each customer's order (not a distributor's own) pays
 * `rates[0] × basis` to the distributor credited with it and `rates[1] × basis`
 * to her current upline, where basis is the order's price or CV. With
 * `mode: "firstOrder"` only an order placed in the period the customer was
 * acquired pays; the others pay nothing and have no headline. When the
 * customer's tenure (`period − customerJoin`) is at least `stepDown.afterMonths`,
 * the step-down rates replace the rates, headline included. A missing upline,
 * or an inactive level holder when `requiresActive` is set, leaves its share as
 * breakage.
 */
export const affiliateRule: ReferenceRule = (raw, { members, orders, period }) => {
  const s = raw as unknown as AffiliateSettings;
  const payees = new Map<number, Decimal>();
  let headline: Decimal = new ExactDecimal(0);
  for (const order of orders) {
    if (order.customer < 0) continue;
    // The engine fills customerJoin; a record without one is a new customer's.
    const join = order.customerJoin ?? period;
    if (s.mode === "firstOrder" && join !== period) continue;
    const rates = s.stepDown && period - join >= s.stepDown.afterMonths ? s.stepDown.rates : s.rates;
    const basis = s.basis === "cv" ? order.cv : order.price;
    const referrer = members[order.member]!;
    const holders = [referrer.id, referrer.upline];
    rates.forEach((r, level) => {
      const amount = r.value.times(basis);
      headline = headline.plus(amount);
      const payee = holders[level]!;
      if (payee === -1) return; // no upline: breakage
      if (s.requiresActive && !members[payee]!.active) return; // forfeited: breakage
      payees.set(payee, (payees.get(payee) ?? new ExactDecimal(0)).plus(amount));
    });
  }
  return { payees, headline };
};
