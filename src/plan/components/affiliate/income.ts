/**
 * What kind of income the affiliate component pays, order by order. Level 1
 * (the member credited with the customer's order) earns on her own
 * customers: their first order (in the period the customer was acquired) is
 * active income, a later one residual. Level 2 (her upline) earns on her
 * downline's customers: leveraged. Each weight is the order's basis × the
 * level's rate (the step-down rate once the customer's tenure reaches it),
 * as the rule pays it, so a member paid on both levels has her pay split in
 * proportion to what each level paid her. With `mode: "firstOrder"` only
 * first orders pay: level 1 is all active.
 *
 * @module
 */
import { orderColumns, type PeriodNetwork } from "../../../world/network.js";
import type { IncomeWeights } from "../../contract.js";
import type { AffiliateSettings } from "./settings.js";
import { affiliateScaledRates } from "./fast.js";

/** Writes the period's income weights of the affiliate rule (see the module notes): one pass over the orders. */
export function affiliateIncome(s: AffiliateSettings, network: PeriodNetwork, weights: IncomeWeights): void {
  const { upline, period } = network;
  const o = orderColumns(network);
  const { orderCount, orderMember, orderCustomer, orderCustomerJoin } = o;
  const basis = s.basis === "cv" ? o.orderCv : o.orderPrice;
  const { twoLevels, r1, r2, afterPeriods, s1, s2 } = affiliateScaledRates(s);
  const firstOnly = s.mode === "firstOrder";
  const { active, residual, leveraged } = weights;
  for (let k = 0; k < orderCount; k++) {
    if (orderCustomer[k]! < 0) continue;
    const join = orderCustomerJoin[k]!;
    const first = join === period;
    if (firstOnly && !first) continue;
    const v = basis[k]!;
    if (v === 0) continue;
    const stepped = period - join >= afterPeriods;
    const j = orderMember[k]!;
    if (first) active[j]! += v * r1;
    else residual[j]! += v * (stepped ? s1 : r1);
    if (twoLevels) {
      const u = upline[j]!;
      if (u >= 0) leveraged[u]! += v * (stepped ? s2 : r2);
    }
  }
}
