/**
 * Affiliate tiers on the fast engine: one pass over the period's order columns.
 *
 * @module
 */
import { orderColumns } from "../../../world/network.js";
import type { FastKernel } from "../../contract.js";
import type { AffiliateSettings } from "./settings.js";

/**
 * The rates as scaled integers, read once a period by the kernel and by
 * `affiliateIncome`: level 1 and 2 (`r2` 0 with one level), the step-down's
 * (0 without one) and the tenure it starts at (without a step-down, tenure
 * never reaches Infinity).
 */
export function affiliateScaledRates(s: AffiliateSettings): { twoLevels: boolean; r1: number; r2: number; afterPeriods: number; s1: number; s2: number } {
  const twoLevels = s.rates.length === 2;
  return {
    twoLevels,
    r1: s.rates[0]!.scaled,
    r2: twoLevels ? s.rates[1]!.scaled : 0,
    afterPeriods: s.stepDown ? s.stepDown.afterPeriods : Infinity,
    s1: s.stepDown ? s.stepDown.rates[0]!.scaled : 0,
    s2: s.stepDown && twoLevels ? s.stepDown.rates[1]!.scaled : 0,
  };
}

export const affiliateKernel: FastKernel<AffiliateSettings, undefined> = {
  state: () => undefined,
  accrue(s, _state, p, amounts) {
    const { upline, period } = p.network;
    const o = orderColumns(p.network);
    const { orderCount, orderMember, orderCustomer, orderCustomerJoin } = o;
    const basis = s.basis === "cv" ? o.orderCv : o.orderPrice;
    const active = p.active;
    const { twoLevels, r1, r2, afterPeriods, s1, s2 } = affiliateScaledRates(s);
    const firstOnly = s.mode === "firstOrder";
    const all = !s.requireActive;
    // The paying orders' basis, at the full and at the step-down rates: exact integer sums.
    let full = 0;
    let stepped = 0;
    for (let k = 0; k < orderCount; k++) {
      if (orderCustomer[k]! < 0) continue;
      const join = orderCustomerJoin[k]!;
      if (firstOnly && join !== period) continue;
      const v = basis[k]!;
      if (v === 0) continue;
      let a1 = r1;
      let a2 = r2;
      if (period - join >= afterPeriods) {
        a1 = s1;
        a2 = s2;
        stepped += v;
      } else full += v;
      const j = orderMember[k]!;
      if (all || active[j] === 1) amounts[j]! += v * a1;
      if (twoLevels) {
        const u = upline[j]!;
        if (u >= 0 && (all || active[u] === 1)) amounts[u]! += v * a2;
      }
    }
    if (!(full + stepped <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`downline/engine: affiliate: the period's affiliate ${s.basis} ${full + stepped} is beyond exact range`);
    }
    // Headline: every level of every paying order paid, at the rates its tenure calls for.
    return BigInt(full) * BigInt(r1 + r2) + BigInt(stepped) * BigInt(s1 + s2);
  },
};
