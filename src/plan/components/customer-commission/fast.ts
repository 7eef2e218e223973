/**
 * Customer commission on the fast engine: one pass over the current members.
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import type { CustomerCommissionSettings } from "./settings.js";

export const customerCommissionKernel: FastKernel<CustomerCommissionSettings, undefined> = {
  state: () => undefined,
  accrue(s, _state, p, amounts) {
    const { members, memberCount } = p.network;
    const volume = s.basis === "qv" ? (p.network.customerQv ?? p.network.customerCv) : p.network.customerCv;
    const active = p.active;
    const all = !s.requireActive;
    const rate = s.rate.scaled;
    let total = 0; // at most the period's total volume: exact
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const v = volume[i]!;
      total += v;
      if (v !== 0 && (all || active[i] === 1)) amounts[i]! += v * rate;
    }
    return BigInt(total) * BigInt(rate);
  },
};
