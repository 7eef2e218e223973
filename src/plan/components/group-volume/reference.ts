/**
 * The reference definition of the group volume bonus, member by member.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { referenceRate } from "../../rate-tables.js";
import type { GroupVolumeSettings } from "./settings.js";

/**
 * Each current member m: V = her group volume of the basis (GV or group QV),
 * less her own PV (QV) without `includeOwn`; she earns `rate(m) × V`, her
 * cell of the table, unless `qualification.active` and she is not active.
 * Headline: Σ rate(m) × V over every current member.
 */
export const groupVolumeRule: ReferenceRule<GroupVolumeSettings, undefined> = {
  accrue(s, _state, { members, values }) {
    const payees = new Map<number, Decimal>();
    let headline: Decimal = new ExactDecimal(0);
    for (const m of members) {
      if (!m.alive) continue;
      const group = s.basis === "qv" ? m.gqv : m.gv;
      const volume = s.includeOwn ? group : group.minus(s.basis === "qv" ? m.qv : m.pv);
      const amount = referenceRate(s.rate, m, m.package, values).times(volume);
      headline = headline.plus(amount);
      if (!s.requireActive || m.active) payees.set(m.id, amount);
    }
    return { payees, headline };
  },
};
