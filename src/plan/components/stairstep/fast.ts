/**
 * The stairstep on the fast engine: the differential telescoped into group passes.
 *
 * The differential on V telescopes into steps: the increment d_k = rate_k −
 * rate_{k−1} of each listed rank k is paid, once, to the nearest member at or
 * above m whose rank is at least rank_k (her rate is ≥ rate_k; everyone below
 * her on the way has a rate < rate_k). With a breakaway, only if no
 * breakaway-qualified member comes first. So each step is one group pass:
 * volume climbs until a member of rank ≥ min(rank_k, breakaway), and is paid
 * d_k there if her rank is ≥ rank_k (else it has broken away).
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import { createLeaderScratch, growLeaderScratch, leaderGroups, payLeaderGenerations, type LeaderScratch } from "../shared/leader-groups.js";
import type { StairstepSettings } from "./settings.js";

/** The kernel's state: scratch for the group passes, and the telescoped steps. */
export interface StairstepState {
  readonly scratch: LeaderScratch;
  /** Steps with a positive increment: the rank and the scaled increment. */
  readonly steps: readonly { readonly rank: number; readonly increment: number }[];
  /** The breakaway rank, or 256 for none (ranks are at most 64). */
  readonly breakRank: number;
  readonly generations: Float64Array;
  /** Scaled (top rate + Σ generations): the headline per unit of volume. */
  readonly headline: bigint;
}

export const stairstepKernel: FastKernel<StairstepSettings, StairstepState> = {
  state(s, capacity) {
    const steps = s.rates.flatMap((step, i) => {
      const d = step.rate.scaled - (i > 0 ? s.rates[i - 1]!.rate.scaled : 0);
      return d > 0 ? [{ rank: step.rank, increment: d }] : [];
    });
    const generations = s.breakaway?.generations ?? [];
    const top = BigInt(s.rates[s.rates.length - 1]!.rate.scaled);
    return {
      scratch: createLeaderScratch(capacity),
      steps,
      breakRank: s.breakaway?.rank ?? 256,
      generations: Float64Array.from(generations, (g) => g.scaled),
      headline: generations.reduce((sum, g) => sum + BigInt(g.scaled), top),
    };
  },
  grow: (state, capacity) => growLeaderScratch(state.scratch, capacity),
  accrue(s, state, p, amounts) {
    const { members, memberCount } = p.network;
    const rank = p.rank;
    const { breakRank, scratch } = state;
    const volume = s.basis === "qv" ? p.qv : p.pv;
    let group: Float64Array | undefined;
    let groupRank = -1;
    for (const step of state.steps) {
      const stop = step.rank < breakRank ? step.rank : breakRank;
      // Steps at or above the breakaway rank all stop at the breakaway: one pass for them.
      if (stop !== groupRank) {
        group = leaderGroups(p, stop, scratch, volume);
        groupRank = stop;
      }
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        if (rank[i]! < step.rank) continue;
        const v = group![i]!;
        if (v !== 0) amounts[i]! += v * step.increment;
      }
    }
    if (s.breakaway) {
      if (groupRank !== breakRank) group = leaderGroups(p, breakRank, scratch, volume);
      payLeaderGenerations(p, breakRank, group!, state.generations, amounts, scratch);
    }
    return BigInt(s.basis === "qv" ? p.qvTotal : p.pvTotal) * state.headline;
  },
};
