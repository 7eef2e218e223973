/**
 * The reference definition of the pool.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import { roundDecimal } from "../../../money/round.js";
import type { PoolSettings } from "../../../plan/components/pool.js";
import type { ReferenceAccrual, ReferencePeriod, ReferenceRule } from "../rules.js";

/**
 * Pool: `P = rate × (Σ PV of current members)`, rounded once to the minor unit.
 * A current member qualifies with the shares of the highest listed rank at or
 * below her paid-as rank (and must be active when required). Each qualifier
 * gets ⌊P × shares / S⌋ (S = all qualifiers' shares); the cents left over go
 * one each to the qualifiers with the largest remainders `(P × shares) mod S`,
 * ties to the lower member id. Headline: P; with no qualifier, P is breakage.
 */
export const poolRule: ReferenceRule = (raw, period: ReferencePeriod): ReferenceAccrual => {
  const s = raw as unknown as PoolSettings;
  const current = period.members.filter((m) => m.alive);
  const totalCv = current.reduce((sum, m) => sum.plus(m.pv), new ExactDecimal(0));
  const pool = roundDecimal(s.rate.value.times(totalCv), s.rounding);
  const sharesOf = (rank: number): number => {
    let best = 0;
    let held = 0;
    for (const entry of s.shares) {
      if (entry.rank <= rank && entry.rank > best) {
        best = entry.rank;
        held = entry.shares;
      }
    }
    return held;
  };
  const qualifiers = current
    .filter((m) => !s.requiresActive || m.active)
    .map((m) => ({ id: m.id, shares: sharesOf(m.rank) }))
    .filter((q) => q.shares > 0);
  const payees = new Map<number, Decimal>();
  if (qualifiers.length === 0) return { payees, headline: pool };
  const total = qualifiers.reduce((sum, q) => sum + q.shares, 0);
  const split = qualifiers.map((q) => {
    const product = pool.times(q.shares);
    const remainder = product.mod(total);
    return { id: q.id, floor: product.minus(remainder).dividedBy(total), remainder };
  });
  let left = split.reduce((rest, q) => rest.minus(q.floor), pool).toNumber();
  const byRemainder = [...split].sort((x, y) => y.remainder.comparedTo(x.remainder) || x.id - y.id);
  const extra = new Set<number>();
  for (const q of byRemainder) {
    if (left <= 0) break;
    extra.add(q.id);
    left -= 1;
  }
  for (const q of split) payees.set(q.id, extra.has(q.id) ? q.floor.plus(1) : q.floor);
  return { payees, headline: pool };
};
