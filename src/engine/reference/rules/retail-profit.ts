/**
 * The reference definition of retail profit, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { RetailProfitSettings } from "../../../plan/components/retail-profit.js";
import type { ReferenceRule } from "../rules.js";

/**
 * Retail profit: each customer's order (not a distributor's own) earns the
 * distributor credited with it `discount × price`, the difference between the
 * price the customer pays and her cost `price × (1 − discount)`. The headline
 * is the same sum over every customer order; with `requiresActive`, an
 * inactive distributor's profit is breakage.
 */
export const retailProfitRule: ReferenceRule = (raw, { members, orders }) => {
  const s = raw as unknown as RetailProfitSettings;
  const payees = new Map<number, Decimal>();
  let headline: Decimal = new ExactDecimal(0);
  for (const order of orders) {
    if (order.customer < 0) continue;
    const profit = s.discount.value.times(order.price);
    headline = headline.plus(profit);
    const seller = members[order.member]!;
    if (s.requiresActive && !seller.active) continue;
    payees.set(seller.id, (payees.get(seller.id) ?? new ExactDecimal(0)).plus(profit));
  }
  return { payees, headline };
};
