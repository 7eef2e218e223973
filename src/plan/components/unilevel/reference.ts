/**
 * The reference definition of the unilevel, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { referenceRate } from "../../rate-tables.js";
import { credit } from "../shared/credit.js";
import type { UnilevelSettings } from "./settings.js";

/**
 * Walking up from the member credited with an order, the k-th upline that
 * holds a level earns `rates[k-1] × V`: her cell of the level's table (her
 * rank, her package, the buyer's, or the lower of the two; her column
 * measure), V the order's CV or QV. Dynamic compression: only active uplines
 * hold a level. No compression: every upline holds a level, and an inactive
 * one is not paid. An upline beyond her payable depth (by paid-as rank), or
 * without an eligible package, holds her level unpaid.
 *
 * With `packageVolume`, only orders paying a package fee count; the buyer's
 * package is the one the fee is for, and V is the plan's volume of the
 * buyer's, the earner's or the lower package (0 when that is none).
 * Headline: each order's V (the buyer's package volume, or the largest
 * package volume by the earner's) × Σ every level's largest rate.
 */
export const unilevelRule: ReferenceRule<UnilevelSettings, undefined> = {
  accrue(s, _state, { members, orders, values }) {
    const payees = new Map<number, Decimal>();
    const zero = new ExactDecimal(0);
    const topRates = s.rates.reduce((sum, t) => sum.plus(t.max.value), zero);
    const largestPackage = Math.max(0, ...s.packageVolumes);
    let headline: Decimal = zero;
    for (const order of orders) {
      let buyerPackage = members[order.member]!.package;
      if (s.packageVolume) {
        if (order.package === undefined) continue;
        buyerPackage = s.packageNames.indexOf(order.package) + 1;
        headline = headline.plus(topRates.times(s.packageVolume === "earner" ? largestPackage : s.packageVolumes[buyerPackage]!));
      } else headline = headline.plus(topRates.times(s.basis === "qv" ? order.qv! : order.cv));
      let level = 0;
      let up = members[order.member]!.upline;
      while (up !== -1 && level < s.rates.length) {
        const upline = members[up]!;
        if (upline.active) {
          const payable = !s.depthByRank || level < s.depthByRank[upline.rank]!;
          const eligible = !s.eligiblePackages || s.eligiblePackages[upline.package] === 1;
          if (payable && eligible) {
            const rate = referenceRate(s.rates[level]!, upline, buyerPackage, values);
            credit(payees, up, rate.times(volumeFor(s, order, buyerPackage, upline.package)));
          }
          level += 1;
        } else if (s.compression === "none") {
          level += 1;
        }
        up = upline.upline;
      }
    }
    return { payees, headline };
  },
};

/** The volume an order counts for at an earner: its CV or QV, or a package's volume. */
function volumeFor(s: UnilevelSettings, order: { readonly cv: number; readonly qv?: number }, buyer: number, earner: number): number {
  if (!s.packageVolume) return s.basis === "qv" ? order.qv! : order.cv;
  const pkg = s.packageVolume === "buyer" ? buyer : s.packageVolume === "earner" ? earner : earner === 0 || buyer === 0 ? 0 : Math.min(earner, buyer);
  return s.packageVolumes[pkg]!;
}
