/**
 * The reference definition of the rank advancement bonus, member by member.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { RankAdvancementSettings } from "./settings.js";

/**
 * For each current member, every bonus whose rank is above the highest title
 * she had before this period and at most her title now is due this period (so
 * a jump over several ranks makes each one due). It is paid, or, with
 * `qualification.active` and the member not active, forfeited as breakage;
 * either way it is settled and never due again. The state keeps each member's
 * highest title seen.
 */
export const rankAdvancementRule: ReferenceRule<RankAdvancementSettings, Map<number, number>> = {
  state: () => new Map(),
  accrue(s, reached, { members }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const m of members) {
      if (!m.alive) continue;
      const before = reached.get(m.id) ?? 0;
      s.bonusByRank.forEach((amount, rank) => {
        if (amount === 0 || rank <= before || rank > m.title) return;
        headline = headline.plus(amount);
        if (!s.requireActive || m.active) credit(payees, m.id, new ExactDecimal(amount));
      });
      reached.set(m.id, Math.max(before, m.title));
    }
    return { payees, headline };
  },
};
