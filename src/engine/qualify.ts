/**
 * The fast engine's volumes and qualification: GV, legs and paid-as ranks in one
 * reverse pass over the current members (a post-order: a downline has higher
 * indices), with one counter array per distinct leg threshold. No recursion, no
 * allocation per member.
 *
 * @module
 */
import type { CompiledRank } from "../plan/ranks.js";
import { capacityFor, scratch } from "../util/grow.js";

/** Arrays the pass fills, indexed by member. */
export interface Qualification {
  /** GV: PV of the member and her whole downline. */
  gv: Float64Array;
  /** GV of her largest leg. */
  largestLeg: Float64Array;
  /** Number of current frontline members (legs). */
  frontline: Int32Array;
  /** Paid-as rank this period (1-based; 0: none). */
  rank: Uint8Array;
  /** Highest rank within the member's subtree, herself included. */
  subtreeRank: Uint8Array;
}

/** A reusable qualifier for a ladder; `run` fills the arrays for one period. */
export interface Qualifier {
  readonly result: Qualification;
  run(
    size: number,
    members: Int32Array,
    memberCount: number,
    upline: Int32Array,
    pv: Float64Array,
    active: Uint8Array,
  ): void;
}

export function createQualifier(ranks: readonly CompiledRank[]): Qualifier {
  // One counter per distinct leg threshold, shared by the ranks that use it.
  const gvThresholds = [...new Set(ranks.flatMap((r) => r.legs.filter((l) => l.minGv >= 0).map((l) => l.minGv)))];
  const rankThresholds = [...new Set(ranks.flatMap((r) => r.legs.filter((l) => l.rank > 0).map((l) => l.rank)))];
  const shareRanks = ranks.filter((r) => r.legCap !== Infinity);
  // Per rank, its leg requirements as flat (counter index, count) pairs, resolved once
  // so the member loop reads typed arrays only.
  const checks = ranks.map((r) => {
    const byGv = r.legs.filter((l) => l.minGv >= 0);
    const byRank = r.legs.filter((l) => l.rank > 0);
    return {
      rank: r,
      share: shareRanks.indexOf(r),
      gvIndex: Int32Array.from(byGv, (l) => gvThresholds.indexOf(l.minGv)),
      gvCount: Int32Array.from(byGv, (l) => l.count),
      rankIndex: Int32Array.from(byRank, (l) => rankThresholds.indexOf(l.rank)),
      rankCount: Int32Array.from(byRank, (l) => l.count),
    };
  });
  let capacity = 0;
  const result: Qualification = {
    gv: new Float64Array(0),
    largestLeg: new Float64Array(0),
    frontline: new Int32Array(0),
    rank: new Uint8Array(0),
    subtreeRank: new Uint8Array(0),
  };
  let legsByGv: Int32Array[] = [];
  let legsByRank: Int32Array[] = [];
  let capped: Float64Array[] = [];

  return {
    result,
    run(size, members, memberCount, upline, pv, active) {
      if (size > capacity) {
        // Scratch: every array is cleared below before it is read.
        capacity = capacityFor(size);
        result.gv = scratch(result.gv, size);
        result.largestLeg = scratch(result.largestLeg, size);
        result.frontline = scratch(result.frontline, size);
        result.rank = scratch(result.rank, size);
        result.subtreeRank = scratch(result.subtreeRank, size);
        legsByGv = gvThresholds.map(() => new Int32Array(capacity));
        legsByRank = rankThresholds.map(() => new Int32Array(capacity));
        capped = shareRanks.map(() => new Float64Array(capacity));
      }
      const { gv, largestLeg, frontline, rank, subtreeRank } = result;
      gv.fill(0, 0, size);
      largestLeg.fill(0, 0, size);
      frontline.fill(0, 0, size);
      rank.fill(0, 0, size);
      subtreeRank.fill(0, 0, size);
      for (const a of legsByGv) a.fill(0, 0, size);
      for (const a of legsByRank) a.fill(0, 0, size);
      for (const a of capped) a.fill(0, 0, size);
      for (let idx = memberCount - 1; idx >= 0; idx--) {
        const i = members[idx]!;
        // Her legs have all been passed up into her counters by now.
        const g = gv[i]! + pv[i]!;
        gv[i] = g;
        let r = 0;
        for (let k = checks.length - 1; k >= 0; k--) {
          const c = checks[k]!;
          const req = c.rank;
          if (req.active && active[i] !== 1) continue;
          if (pv[i]! < req.pv) continue;
          if (c.share >= 0 ? pv[i]! * req.shareScale + capped[c.share]![i]! < req.gv * req.shareScale : g < req.gv) continue;
          let legsOk = true;
          for (let q = 0; q < c.gvIndex.length; q++) if (legsByGv[c.gvIndex[q]!]![i]! < c.gvCount[q]!) legsOk = false;
          for (let q = 0; q < c.rankIndex.length; q++) if (legsByRank[c.rankIndex[q]!]![i]! < c.rankCount[q]!) legsOk = false;
          if (!legsOk) continue;
          r = req.number;
          break;
        }
        rank[i] = r;
        if (r > subtreeRank[i]!) subtreeRank[i] = r;
        const p = upline[i]!;
        if (p < 0) continue;
        gv[p]! += g;
        frontline[p]! += 1;
        if (g > largestLeg[p]!) largestLeg[p] = g;
        const sub = subtreeRank[i]!;
        if (sub > subtreeRank[p]!) subtreeRank[p] = sub;
        for (let t = 0; t < gvThresholds.length; t++) if (g >= gvThresholds[t]!) legsByGv[t]![p]! += 1;
        for (let t = 0; t < rankThresholds.length; t++) if (sub >= rankThresholds[t]!) legsByRank[t]![p]! += 1;
        for (let t = 0; t < shareRanks.length; t++) {
          const cap = shareRanks[t]!.legCap;
          const v = g * shareRanks[t]!.shareScale;
          capped[t]![p]! += v < cap ? v : cap;
        }
      }
    },
  };
}
