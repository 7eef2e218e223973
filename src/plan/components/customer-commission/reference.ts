/**
 * The reference definition of the customer commission, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { CustomerCommissionSettings } from "./settings.js";

/**
 * Each order of a personal customer (not a distributor's own) pays `rate × CV`
 * to the distributor credited with it; with `qualification.active`, only if
 * she is active (else breakage). Headline: `rate × CV` of every customer order.
 */
export const customerCommissionRule: ReferenceRule<CustomerCommissionSettings, undefined> = {
  accrue(s, _state, { members, orders }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      if (order.customer < 0) continue;
      const amount = s.rate.value.times(s.basis === "qv" ? order.qv! : order.cv);
      headline = headline.plus(amount);
      const m = members[order.member]!;
      if (!s.requireActive || m.active) credit(payees, m.id, amount);
    }
    return { payees, headline };
  },
};
