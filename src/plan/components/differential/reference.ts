/**
 * The reference definition of the differential: order by order, walking up
 * the current upline tree, in exact decimals.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { referenceRate } from "../../rate-tables.js";
import { credit } from "../shared/credit.js";
import type { DifferentialSettings } from "./settings.js";

/**
 * rate(u): u's cell of the rate table (her rank or package row, her column
 * measure), 0 when `qualification.active` and she is not active. For each
 * order (V = its CV or QV, credited to m): walk up from m (or from m's upline
 * without `includeOwn`), u at distance d from m; if d is within u's payable
 * depth, u earns `(rate(u) − paidRate) × V` when positive and `paidRate =
 * max(paidRate, rate(u))`; else u is passed over. Headline: the table's
 * largest rate × V. Published `rate`: rate(u) of every current member.
 */
export const differentialRule: ReferenceRule<DifferentialSettings, undefined> = {
  accrue(s, _state, { members, orders, values }) {
    const payees = new Map<number, Decimal>();
    const zero = new ExactDecimal(0);
    const rates = new Map<number, Decimal>();
    for (const m of members) {
      if (!m.alive) continue;
      rates.set(m.id, s.requireActive && !m.active ? zero : referenceRate(s.rate, m, m.package, values));
    }
    let headline: Decimal = zero;
    for (const order of orders) {
      const volume = s.basis === "qv" ? order.qv! : order.cv;
      headline = headline.plus(s.rate.max.value.times(volume));
      let paidRate: Decimal = zero;
      let up = s.includeOwn ? order.member : members[order.member]!.upline;
      let distance = s.includeOwn ? 0 : 1;
      while (up !== -1) {
        const u = members[up]!;
        if (!s.depthByRank || distance <= s.depthByRank[u.rank]!) {
          const r = rates.get(u.id)!;
          if (r.gt(paidRate)) {
            credit(payees, u.id, r.minus(paidRate).times(volume));
            paidRate = r;
          }
        }
        up = u.upline;
        distance += 1;
      }
    }
    return { payees, headline, published: new Map([["rate", rates]]) };
  },
};
