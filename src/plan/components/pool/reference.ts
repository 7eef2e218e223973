/**
 * The reference definition of the pool.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import { roundDecimal } from "../../../money/round.js";
import { allocate } from "../../../money/allocate.js";
import type { ReferenceRule } from "../../contract.js";
import type { PoolSettings } from "./settings.js";

/**
 * `P = rate × (Σ PV of current members)`, rounded once to the minor unit. A
 * current member qualifies with the shares of the highest listed rank at or
 * below her paid-as rank (and must be active when required). P is split among
 * the qualifiers, in member order, by largest remainder ({@link allocate}):
 * ⌊P × shares / S⌋ each (S = all qualifiers' shares), the cents left over one
 * each to the largest remainders, ties to the lower member id. Headline: P;
 * with no qualifier, P is breakage.
 */
export const poolRule: ReferenceRule<PoolSettings, undefined> = {
  accrue(s, _state, period) {
    const current = period.members.filter((m) => m.alive);
    const totalCv = current.reduce((sum, m) => sum.plus(s.basis === "qv" ? m.qv : m.pv), new ExactDecimal(0));
    const pool = roundDecimal(s.rate.value.times(totalCv), s.rounding);
    const qualifiers = current.filter((m) => (!s.requireActive || m.active) && s.sharesByRank[m.rank]! > 0);
    const payees = new Map<number, Decimal>();
    if (qualifiers.length === 0) return { payees, headline: pool };
    const parts = allocate(BigInt(pool.toFixed(0)), qualifiers.map((m) => s.sharesByRank[m.rank]!));
    qualifiers.forEach((m, k) => payees.set(m.id, new ExactDecimal(parts[k]!)));
    return { payees, headline: pool };
  },
};
