/**
 * The reference definition of the matching bonus.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { MatchingSettings } from "./settings.js";

/**
 * For each member with earnings this period from the matched components (each
 * payout already rounded to the cent), walk up her current uplines; the k-th
 * upline holds generation k and earns `rates[k-1] × earnings` if she qualifies
 * (active when required, paid-as rank ≥ `qualification.minRank`). Every upline
 * that exists counts in the headline, qualified or not; an unqualified one's
 * share is breakage. No compression.
 */
export const matchingRule: ReferenceRule<MatchingSettings, undefined> = {
  accrue(s, _state, period) {
    const { members } = period;
    // What each member was paid by the matched components this period.
    const earned = new Map<number, Decimal>();
    for (const name of s.components) {
      for (const [payee, cents] of period.paid.get(name) ?? []) credit(earned, payee, new ExactDecimal(cents));
    }
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const [id, amount] of earned) {
      let up = members[id]!.upline;
      for (let k = 0; k < s.rates.length && up !== -1; k++) {
        const upline = members[up]!;
        const match = s.rates[k]!.value.times(amount);
        headline = headline.plus(match);
        if ((!s.requireActive || upline.active) && upline.rank >= s.minRank) credit(payees, up, match);
        up = upline.upline;
      }
    }
    return { payees, headline };
  },
};
