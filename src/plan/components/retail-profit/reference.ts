/**
 * The reference definition of retail profit, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { RetailProfitSettings } from "./settings.js";

/**
 * Each customer's order (not a distributor's own) earns the distributor
 * credited with it `discount × price`, the difference between the price the
 * customer pays and her cost `price × (1 − discount)`. The headline is the
 * same sum over every customer order; with `qualification.active`, an
 * inactive distributor's profit is breakage.
 */
export const retailProfitRule: ReferenceRule<RetailProfitSettings, undefined> = {
  accrue(s, _state, { members, orders }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      if (order.customer < 0) continue;
      const profit = s.discount.value.times(order.price);
      headline = headline.plus(profit);
      const seller = members[order.member]!;
      if (s.requireActive && !seller.active) continue;
      credit(payees, seller.id, profit);
    }
    return { payees, headline };
  },
};
