/**
 * Matching on the fast engine: generation by generation, each member writing
 * her upline only (no walks up the tree per member, no recursion).
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import type { MatchingSettings } from "./settings.js";

/** The kernel's state: earnings climbing the tree (the previous generation's and the current one's), and the rates as scaled integers. */
export interface MatchingState {
  levelA: Float64Array;
  levelB: Float64Array;
  readonly rates: Float64Array;
  readonly ratesBig: readonly bigint[];
}

export const matchingKernel: FastKernel<MatchingSettings, MatchingState> = {
  state: (s, capacity) => ({
    levelA: new Float64Array(capacity),
    levelB: new Float64Array(capacity),
    rates: Float64Array.from(s.rates, (r) => r.scaled),
    ratesBig: s.rates.map((r) => BigInt(r.scaled)),
  }),
  grow(state, capacity) {
    state.levelA = new Float64Array(capacity);
    state.levelB = new Float64Array(capacity);
  },
  accrue(s, state, p, amounts) {
    const { members, memberCount, upline, period } = p.network;
    const { active, rank } = p;
    const { requireActive, minRank } = s;
    // Generation 0: each member's own rounded earnings from the matched components.
    let below = state.levelA;
    let here = state.levelB;
    for (let idx = 0; idx < memberCount; idx++) below[members[idx]!] = 0;
    for (const name of s.components) {
      const paid = p.paid.get(name);
      if (!paid) continue; // the plan checked the name
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        below[i]! += paid[i]!;
      }
    }
    // Generation k of member j = the sum of generation k−1 of the members whose upline
    // is j: one pass per generation. Sums of whole cents are exact.
    let headline = 0n;
    for (let k = 0; k < state.rates.length; k++) {
      for (let idx = 0; idx < memberCount; idx++) here[members[idx]!] = 0;
      let moved = 0;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const v = below[i]!;
        if (v === 0) continue;
        const j = upline[i]!;
        if (j >= 0) {
          here[j]! += v;
          moved += v;
        }
      }
      if (moved === 0) break;
      if (!(moved <= Number.MAX_SAFE_INTEGER)) {
        throw new RangeError(`downline/engine: matching: matched earnings in period ${period} are beyond exact range`);
      }
      // Every upline who holds generation k counts in the headline; only qualified ones are paid.
      headline += BigInt(moved) * state.ratesBig[k]!;
      const u = state.rates[k]!;
      for (let idx = 0; idx < memberCount; idx++) {
        const j = members[idx]!;
        const v = here[j]!;
        if (v !== 0 && (!requireActive || active[j] === 1) && rank[j]! >= minRank) amounts[j]! += v * u;
      }
      const t = below;
      below = here;
      here = t;
    }
    return headline;
  },
};
