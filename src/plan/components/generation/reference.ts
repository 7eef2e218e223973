/**
 * The reference definition of the generation bonus: order by order, walking
 * up the current upline tree, in exact decimals.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { credit } from "../shared/credit.js";
import type { GenerationSettings } from "./settings.js";

/**
 * For each order (volume V credited to member m), with leaders the members of
 * paid-as rank at least the leader rank: walk up from m to the nearest leader h
 * at or above her (none: nobody earns). h earns `rates[0] × V` unless she is m
 * (a leader earns no generation bonus on her own PV); above h, the k-th leader
 * earns `rates[k] × V`, up to the last rate. Headline: `Σ rates × V`.
 */
export const generationRule: ReferenceRule<GenerationSettings, undefined> = {
  accrue(s, _state, { members, orders }) {
    const payees = new Map<number, Decimal>();
    const isLeader = (id: number): boolean => members[id]!.rank >= s.leaderRank;
    const rateSum = s.rates.reduce((sum, r) => sum.plus(r.value), new ExactDecimal(0));
    let headline: Decimal = new ExactDecimal(0);
    for (const order of orders) {
      const volume = s.basis === "qv" ? order.qv! : order.cv;
      headline = headline.plus(rateSum.times(volume));
      let head = order.member;
      while (head !== -1 && !isLeader(head)) head = members[head]!.upline;
      if (head === -1) continue;
      if (head !== order.member) credit(payees, head, s.rates[0]!.value.times(volume));
      let k = 1;
      let up = members[head]!.upline;
      while (up !== -1 && k < s.rates.length) {
        if (isLeader(up)) {
          credit(payees, up, s.rates[k]!.value.times(volume));
          k += 1;
        }
        up = members[up]!.upline;
      }
    }
    return { payees, headline };
  },
};
