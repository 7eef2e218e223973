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
    const { members, memberCount, customerCv } = p.network;
    const active = p.active;
    const all = !s.requireActive;
    const rate = s.rate.scaled;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const v = customerCv[i]!;
      if (v !== 0 && (all || active[i] === 1)) amounts[i]! += v * rate;
    }
    return BigInt(p.customerCvTotal) * BigInt(rate);
  },
};
