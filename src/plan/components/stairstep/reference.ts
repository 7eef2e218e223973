/**
 * The reference definition of the stairstep differential with breakaway:
 * order by order, walking up the current upline tree, in exact decimals.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { StairstepSettings } from "./settings.js";

/**
 * For each order (volume V credited to member m):
 * 1. Differential: walk up from m herself; each member u earns
 *    `(rate(u) − paidRate) × V` when positive, `paidRate` being the highest rate
 *    already paid on V; rate(u) is the rate of the highest listed rank at or
 *    below u's paid-as rank (0 if none). With a breakaway, the walk ends after
 *    the first member b whose paid-as rank is at least the breakaway rank.
 * 2. Breakaway generations: above b, the g-th member of rank at least the
 *    breakaway rank earns `generations[g-1] × V`, g = 1, 2, ….
 * Headline: `(top rate + Σ generations) × V`.
 */
export const stairstepRule: ReferenceRule<StairstepSettings, undefined> = {
  accrue(s, _state, { members, orders }) {
    const payees = new Map<number, Decimal>();
    const zero = new ExactDecimal(0);
    const generations = s.breakaway?.generations ?? [];
    const headlineRate = generations.reduce((sum, g) => sum.plus(g.value), s.rates[s.rates.length - 1]!.rate.value);
    let headline: Decimal = zero;
    for (const order of orders) {
      const volume = s.basis === "qv" ? order.qv! : order.cv;
      headline = headline.plus(headlineRate.times(volume));
      let paidRate: Decimal = zero;
      let up = order.member;
      let brokeAway = false;
      while (up !== -1 && !brokeAway) {
        const u = members[up]!;
        const r = s.rateByRank[u.rank]!.value;
        if (r.gt(paidRate)) {
          credit(payees, u.id, r.minus(paidRate).times(volume));
          paidRate = r;
        }
        brokeAway = s.breakaway !== undefined && u.rank >= s.breakaway.rank;
        up = u.upline;
      }
      if (!brokeAway) continue;
      let g = 0;
      while (up !== -1 && g < generations.length) {
        const u = members[up]!;
        if (u.rank >= s.breakaway!.rank) {
          credit(payees, u.id, generations[g]!.value.times(volume));
          g += 1;
        }
        up = u.upline;
      }
    }
    return { payees, headline };
  },
};
