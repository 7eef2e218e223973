/**
 * The reference definition of the forced matrix, order by order.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import { matrixPlacement, type MatrixSettings } from "./settings.js";

/**
 * Each order's CV, credited to member m, pays `rates[k-1] × CV` to m's k-th
 * ancestor on the placement tree, k = 1 … D. No compression: every position is
 * a level, whoever holds it. The level is paid only to a holder who has not
 * quit, is active when `qualification.active` is set, and (with `depth`) has k
 * within her payable depth; otherwise, and above the top of the tree, its
 * share is breakage. The headline is Σ rates × CV over all orders.
 */
export const matrixRule: ReferenceRule<MatrixSettings, undefined> = {
  accrue(s, _state, period) {
    const { parent } = matrixPlacement(period, s.name, s.width);
    const { members, orders } = period;
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      let up = parent[order.member]!;
      for (const [level, r] of s.rates.entries()) {
        const amount = r.value.times(s.basis === "qv" ? order.qv! : order.cv);
        headline = headline.plus(amount);
        if (up === -1) continue; // above the top of the tree: breakage
        const holder = members[up]!;
        const qualified = holder.alive && (!s.requireActive || holder.active) && (!s.depthByRank || level < s.depthByRank[holder.rank]!);
        if (qualified) credit(payees, up, amount);
        up = parent[up]!;
      }
    }
    return { payees, headline };
  },
};
