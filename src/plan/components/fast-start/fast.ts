/**
 * Fast start on the fast engine: a short bounded walk up from each new recruit.
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import type { FastStartSettings } from "./settings.js";

/** The kernel's state: the rates as scaled integers. */
export interface FastStartState {
  readonly rates: Float64Array;
  readonly rateSum: bigint;
}

export const fastStartKernel: FastKernel<FastStartSettings, FastStartState> = {
  state: (s) => ({ rates: Float64Array.from(s.rates, (r) => r.scaled), rateSum: s.rates.reduce((sum, r) => sum + BigInt(r.scaled), 0n) }),
  accrue(s, state, p, amounts) {
    const { members, memberCount, upline, joinPeriod, ownCv, period } = p.network;
    const onQv = s.basis === "qv";
    const volume = s.volume === "own" ? (onQv ? (p.network.ownQv ?? ownCv) : ownCv) : onQv ? p.qv : p.pv;
    const active = p.active;
    const { rates } = state;
    const depth = rates.length;
    const all = !s.requireActive;
    // The new recruits' volume: at most pvTotal, so an exact integer.
    let newVolume = 0;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const v = volume[i]!;
      if (v === 0 || period - joinPeriod[i]! >= s.periods) continue;
      newVolume += v;
      // At most 4 levels up: a short bounded walk per recruit, no recursion.
      let j = upline[i]!;
      for (let k = 0; k < depth && j >= 0; k++) {
        if (all || active[j] === 1) amounts[j]! += v * rates[k]!;
        j = upline[j]!;
      }
    }
    // Headline: every level of every new recruit's volume paid.
    return BigInt(newVolume) * state.rateSum;
  },
};
