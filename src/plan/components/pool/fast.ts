/**
 * The pool on the fast engine: the qualifiers in member order, split by {@link allocateInto}.
 *
 * @module
 */
import { roundScaledBig } from "../../../money/round.js";
import { allocate, allocateInto, createAllocationScratch, type AllocationScratch } from "../../../money/allocate.js";
import type { FastKernel } from "../../contract.js";
import type { PoolSettings } from "./settings.js";

/** The kernel's state: per qualifier, who she is, her shares and her part; the split's scratch. */
export interface PoolState {
  who: Int32Array;
  weight: Float64Array;
  part: Float64Array;
  readonly split: AllocationScratch;
  readonly sharesByRank: Float64Array;
}

export const poolKernel: FastKernel<PoolSettings, PoolState> = {
  state: (s, capacity) => ({
    who: new Int32Array(capacity),
    weight: new Float64Array(capacity),
    part: new Float64Array(capacity),
    split: createAllocationScratch(),
    sharesByRank: Float64Array.from(s.sharesByRank),
  }),
  grow(state, capacity) {
    state.who = new Int32Array(capacity);
    state.weight = new Float64Array(capacity);
    state.part = new Float64Array(capacity);
  },
  accrue(s, state, p, amounts) {
    const { members, memberCount, period } = p.network;
    const { active, rank } = p;
    const { who, weight, part, sharesByRank } = state;
    // Rounded once: the pool itself, not each share of it.
    const poolBig = roundScaledBig(BigInt(s.basis === "qv" ? p.qvTotal : p.pvTotal) * BigInt(s.rate.scaled), BigInt(p.scale), s.rounding);
    if (poolBig === 0n) return 0n;
    if (poolBig > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: pool: the pool in period ${period} is beyond exact range`);
    let count = 0;
    const all = !s.requireActive;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const shares = sharesByRank[rank[i]!]!;
      if (shares === 0 || !(all || active[i] === 1)) continue;
      who[count] = i;
      weight[count++] = shares;
    }
    if (count === 0) return poolBig;
    let shares = 0;
    for (let k = 0; k < count; k++) shares += weight[k]!;
    if (shares <= Number.MAX_SAFE_INTEGER) allocateInto(Number(poolBig), weight, count, part, state.split);
    else {
      // Shares beyond exact doubles in total (huge share counts): the bigint definition.
      const parts = allocate(poolBig, Array.from(weight.subarray(0, count)));
      for (let k = 0; k < count; k++) part[k] = parts[k]!;
    }
    for (let k = 0; k < count; k++) amounts[who[k]!] = part[k]!;
    return poolBig;
  },
};
