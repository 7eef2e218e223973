/**
 * Retail profit on the fast engine: one pass over the period's order columns.
 *
 * @module
 */
import { orderColumns } from "../../../world/network.js";
import type { FastKernel } from "../../contract.js";
import type { RetailProfitSettings } from "./settings.js";

export const retailProfitKernel: FastKernel<RetailProfitSettings, undefined> = {
  state: () => undefined,
  accrue(s, _state, p, amounts) {
    const { orderCount, orderMember, orderCustomer, orderPrice } = orderColumns(p.network);
    const active = p.active;
    const discount = s.discount.scaled;
    const all = !s.requireActive;
    // Customers' spending this period: an exact integer sum.
    let sales = 0;
    for (let k = 0; k < orderCount; k++) {
      if (orderCustomer[k]! < 0) continue;
      const v = orderPrice[k]!;
      if (v === 0) continue;
      sales += v;
      const j = orderMember[k]!;
      if (all || active[j] === 1) amounts[j]! += v * discount;
    }
    if (!(sales <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: retailProfit: the period's customer sales ${sales} are beyond exact range`);
    return BigInt(sales) * BigInt(discount);
  },
};
