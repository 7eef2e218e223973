/**
 * The reference definition of the matching bonus.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import { roundDecimalPlaces } from "../../../money/round.js";
import type { ReferenceMember, ReferenceRule } from "../../contract.js";
import { referenceRate } from "../../rate-tables.js";
import { credit } from "../shared/credit.js";
import type { CompareOp, MatchingSettings } from "./settings.js";

/**
 * Members bottom-up (an upline has a lower id, so descending ids put every
 * downline first). For member i: E(i) = what the matched components paid her
 * (rounded amounts, or exact accruals with `on: "exact"`); M(i) = E(i), plus
 * with `cascade` her own match so far (complete: her downline came first),
 * rounded to `places` digits of a minor unit. Walking up her current uplines,
 * the g-th upline u holds generation g: the headline counts the table's
 * largest rate × M(i); u earns `rate_g(u) × M(i)` if she qualifies (active
 * when required, rank ≥ minRank, each comparison of her value with i's
 * holds). No compression.
 */
export const matchingRule: ReferenceRule<MatchingSettings, undefined> = {
  accrue(s, _state, period) {
    const { members, values } = period;
    const zero = new ExactDecimal(0);
    // What each member earned this period from the matched components.
    const earned = new Map<number, Decimal>();
    for (const name of s.components) {
      if (s.on === "exact") for (const [payee, amount] of values.get(`${name}.earned`) ?? []) credit(earned, payee, amount);
      else for (const [payee, cents] of period.paid.get(name) ?? []) credit(earned, payee, new ExactDecimal(cents));
    }
    const valueOf = (name: string, m: ReferenceMember): Decimal => (name === "rank" ? new ExactDecimal(m.rank) : (values.get(name)?.get(m.id) ?? zero));
    const holds = (op: CompareOp, earner: Decimal, matched: Decimal): boolean =>
      op === "atMost" ? earner.lte(matched) : op === "below" ? earner.lt(matched) : op === "equal" ? earner.eq(matched) : op === "atLeast" ? earner.gte(matched) : earner.gt(matched);
    const payees = new Map<number, Decimal>();
    let headline: Decimal = zero;
    for (let id = members.length - 1; id >= 0; id--) {
      const m = members[id]!;
      if (!m.alive) continue;
      let matched = earned.get(id) ?? zero;
      if (s.cascade) matched = matched.plus(roundDecimalPlaces(payees.get(id) ?? zero, s.places, s.rounding));
      if (matched.isZero()) continue;
      let up = m.upline;
      for (let g = 0; g < s.rates.length && up !== -1; g++) {
        const u = members[up]!;
        headline = headline.plus(s.rates[g]!.max.value.times(matched));
        const qualified =
          (!s.requireActive || u.active) && u.rank >= s.minRank && s.compare.every((c) => holds(c.earner, valueOf(c.value, u), valueOf(c.value, m)));
        if (qualified) credit(payees, u.id, referenceRate(s.rates[g]!, u, m.package, values).times(matched));
        up = u.upline;
      }
    }
    return { payees, headline };
  },
};
