/**
 * The reference definition of the rank advancement bonus, member by member.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import { bonusAmountError, type RankAdvancementSettings } from "../../../plan/components/rank-advancement.js";
import type { ReferenceRule } from "../rules.js";

/**
 * Rank advancement: for each current member, every bonus whose rank is above
 * the highest title she had before this period and at most her title now is
 * due this period (so a jump over several ranks makes each one due), in minor
 * units: `amount × 10^digits`. It is paid, or, with `requiresActive` and the
 * member not active, forfeited as breakage; either way it is settled and never
 * due again. `state.reached` keeps each member's highest title seen.
 */
export const rankAdvancementRule: ReferenceRule = (raw, { members, digits }, state) => {
  const s = raw as unknown as RankAdvancementSettings;
  const minor = s.bonuses.map((b, k) => {
    const amount = new ExactDecimal(b.amount).times(new ExactDecimal(10).pow(digits));
    if (!amount.isInteger()) throw bonusAmountError(s, k, digits);
    return amount;
  });
  const reached = (state.reached ??= new Map<number, number>()) as Map<number, number>;
  const payees = new Map<number, Decimal>();
  let headline: Decimal = new ExactDecimal(0);
  for (const m of members) {
    if (!m.alive) continue;
    const before = reached.get(m.id) ?? 0;
    s.bonuses.forEach((b, k) => {
      if (b.rank <= before || b.rank > m.title) return;
      headline = headline.plus(minor[k]!);
      if (!s.requiresActive || m.active) payees.set(m.id, (payees.get(m.id) ?? new ExactDecimal(0)).plus(minor[k]!));
    });
    reached.set(m.id, Math.max(before, m.title));
  }
  return { payees, headline };
};
