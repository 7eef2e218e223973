/**
 * The generation bonus on the fast engine: a group pass, then generation passes.
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import { createLeaderScratch, growLeaderScratch, leaderGroups, payLeaderGenerations, type LeaderScratch } from "../shared/leader-groups.js";
import type { GenerationSettings } from "./settings.js";

/** The kernel's state: scratch for the passes, and the rates as scaled integers. */
export interface GenerationState {
  readonly scratch: LeaderScratch;
  readonly ownGroup: number;
  readonly deeper: Float64Array;
  readonly headline: bigint;
}

export const generationKernel: FastKernel<GenerationSettings, GenerationState> = {
  state: (s, capacity) => ({
    scratch: createLeaderScratch(capacity),
    ownGroup: s.rates[0]!.scaled,
    deeper: Float64Array.from(s.rates.slice(1), (r) => r.scaled),
    headline: s.rates.reduce((sum, r) => sum + BigInt(r.scaled), 0n),
  }),
  grow: (state, capacity) => growLeaderScratch(state.scratch, capacity),
  accrue(s, state, p, amounts) {
    const { members, memberCount } = p.network;
    const { rank } = p;
    const pv = s.basis === "qv" ? p.qv : p.pv;
    const leader = s.leaderRank;
    const group = leaderGroups(p, leader, state.scratch, pv);
    if (state.ownGroup !== 0) {
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        if (rank[i]! < leader) continue;
        // Both are integer minor units: the difference is exact.
        const v = group[i]! - pv[i]!;
        if (v !== 0) amounts[i]! += v * state.ownGroup;
      }
    }
    payLeaderGenerations(p, leader, group, state.deeper, amounts, state.scratch);
    return BigInt(s.basis === "qv" ? p.qvTotal : p.pvTotal) * state.headline;
  },
};
