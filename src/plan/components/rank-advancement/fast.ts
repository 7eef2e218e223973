/**
 * Rank advancement on the fast engine: per member, the highest title whose
 * bonuses are settled; titles never go down, so the settled bonuses are
 * exactly those of ranks up to it.
 *
 * @module
 */
import { grown } from "../../../util/grow.js";
import type { FastKernel } from "../../contract.js";
import type { RankAdvancementSettings } from "./settings.js";

/** The kernel's state: the title up to which each member's bonuses are settled (paid or forfeited). */
export interface RankAdvancementState {
  settled: Uint8Array;
}

export const rankAdvancementKernel: FastKernel<RankAdvancementSettings, RankAdvancementState> = {
  state: (_s, capacity) => ({ settled: new Uint8Array(capacity) }),
  grow(state, capacity) {
    state.settled = grown(state.settled, capacity);
  },
  accrue(s, state, p, amounts) {
    const { members, memberCount } = p.network;
    const { title, active } = p;
    const settled = state.settled;
    const bonus = s.bonusByRank;
    const all = !s.requireActive;
    let headline = 0;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const t = title[i]!;
      const done = settled[i]!;
      if (t <= done) continue;
      const pay = all || active[i] === 1;
      for (let r = done + 1; r <= t; r++) {
        const b = bonus[r]!;
        headline += b;
        if (pay) amounts[i]! += b;
      }
      settled[i] = t;
    }
    if (!Number.isSafeInteger(headline)) throw new RangeError(`downline/engine: rankAdvancement: the period's rank bonuses ${headline} are beyond exact range`);
    return BigInt(headline);
  },
};
