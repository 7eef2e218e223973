/**
 * Fast-engine passes over the tree of "leaders" (members whose paid-as rank is
 * at least some rank), shared by the stairstep breakaway and the generation
 * bonus. Not a component type: a helper of those two.
 *
 * - A leader's **group** is herself and every member below her reached without
 *   passing another leader; its volume is the PV of those members. A member
 *   belongs to the group of the nearest leader at or above her (or to none).
 * - The leaders below a leader L in generation g are those with exactly g − 1
 *   leaders strictly between them and L on the path up (generation 1: the first
 *   leader below L in each line).
 *
 * Both passes loop over the current members only, never recurse, and never
 * allocate: their scratch is the calling component's state.
 *
 * @module
 */
import type { FastPeriod } from "../../contract.js";

/** Scratch arrays for the passes: state of the component that runs them (sized for the network). */
export interface LeaderScratch {
  group: Float64Array;
  levelA: Float64Array;
  levelB: Float64Array;
  leaderUp: Int32Array;
}

/** Scratch for `capacity` members. */
export function createLeaderScratch(capacity: number): LeaderScratch {
  return { group: new Float64Array(capacity), levelA: new Float64Array(capacity), levelB: new Float64Array(capacity), leaderUp: new Int32Array(capacity) };
}

/** Grows the scratch to `capacity` members (contents dropped: nothing is carried). */
export function growLeaderScratch(s: LeaderScratch, capacity: number): void {
  Object.assign(s, createLeaderScratch(capacity));
}

/**
 * Group volumes (of `pv`: CV by default, or QV) for the leaders of rank ≥ `leaderRank`, into `scratch.group`
 * (returned; read it until the next call): at a leader, her group volume (her
 * PV included); at any other member, a partial sum to be ignored. Volume of
 * members with no leader at or above them reaches no leader.
 *
 * @example
 * // 0 ← 1 ← 2, PV 10, 20, 30; leaders: 0 and 2.
 * // leaderGroups(p, r, scratch)[2] === 30 (herself); leaderGroups(p, r, scratch)[0] === 10 + 20.
 */
export function leaderGroups(p: FastPeriod, leaderRank: number, scratch: LeaderScratch, pv: Float64Array = p.pv): Float64Array {
  const { members, memberCount, upline } = p.network;
  const { rank } = p;
  const group = scratch.group;
  for (let idx = 0; idx < memberCount; idx++) group[members[idx]!] = 0;
  // Reverse index order is a post-order: a member's inflow is complete when she is
  // reached. A leader keeps her sum (the group ends at her); anyone else passes it up.
  for (let idx = memberCount - 1; idx >= 0; idx--) {
    const i = members[idx]!;
    const v = group[i]! + pv[i]!;
    group[i] = v;
    if (rank[i]! >= leaderRank || v === 0) continue;
    const u = upline[i]!;
    if (u >= 0) group[u]! += v;
  }
  return group;
}

/**
 * Pays the generations above each group: for g = 1, 2, …, `rates.length`, the
 * g-th leader strictly above a group's leader earns `rates[g-1] × group
 * volume` (scaled rates), added into `amounts`. `groupVolume` is what
 * {@link leaderGroups} returned for the same `leaderRank` (read only at leaders).
 */
export function payLeaderGenerations(
  p: FastPeriod,
  leaderRank: number,
  groupVolume: Float64Array,
  rates: Float64Array,
  amounts: Float64Array,
  scratch: LeaderScratch,
): void {
  const { members, memberCount, upline } = p.network;
  const rank = p.rank;
  const { leaderUp, levelA, levelB } = scratch;
  // The leader tree: nearest leader strictly above each member (uplines come first
  // in index order, so theirs is final when read).
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    const u = upline[i]!;
    leaderUp[i] = u < 0 ? -1 : rank[u]! >= leaderRank ? u : leaderUp[u]!;
  }
  // Generation by generation, as unilevel does level by level: generation g's volume
  // at a leader is the sum of generation g−1's volume at the leaders whose nearest
  // leader above is she (generation 0 being the groups). Integer sums: exact.
  let below = groupVolume;
  let here = levelA;
  for (let g = 0; g < rates.length; g++) {
    for (let idx = 0; idx < memberCount; idx++) here[members[idx]!] = 0;
    let any = false;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      if (rank[i]! < leaderRank) continue;
      const v = below[i]!;
      const j = leaderUp[i]!;
      if (v !== 0 && j >= 0) {
        here[j]! += v;
        any = true;
      }
    }
    if (!any) break;
    const u = rates[g]!;
    if (u !== 0) {
      for (let idx = 0; idx < memberCount; idx++) {
        const j = members[idx]!;
        const v = here[j]!;
        if (v !== 0) amounts[j]! += v * u;
      }
    }
    below = here;
    here = here === levelA ? levelB : levelA;
  }
}
