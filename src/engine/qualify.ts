/**
 * The fast engine's volumes, measures and qualification, in reverse passes
 * over the current members (each a post-order: a downline has higher indices):
 *
 * 1. volumes: GV (and group QV, when orders carry their own QV), the
 *    counters rank rules read (legs at a volume, capped leg volumes for
 *    max-share rules) and the plan's measures that do not depend on ranks
 *    (legs at a volume, active sponsored members, qualified lines, capped
 *    leg volume);
 * 2. ranks: paid-as ranks, the highest rank in each subtree, legs holding a
 *    rank, and measures counting them.
 *
 * Components of `stage: "measure"` run between the two (the engine calls
 * them), so that rank rules can read what they publish; without one, the
 * ranks are computed in the volumes' pass (a member's rank reads only her
 * own volumes and her legs', final when the pass reaches her), which at
 * scale saves a pass of random writes to uplines. Frontline counts and
 * largest legs are counted in the volumes' pass when a measure reads a
 * member's legs, else by a pass of their own when first read (`legs`). No
 * recursion, no allocation per member: lines by leg share read each
 * member's legs through a children index (offsets + a flat list, built in
 * two linear passes) into one shared heap scratch, so a member's legs are
 * ordered only as far as her lines need.
 *
 * @module
 */
import type { CompiledRank } from "../plan/ranks.js";
import type { CompiledMeasure, Share } from "../plan/measures.js";
import { reaches } from "../plan/measures.js";
import { capacityFor, scratchTo } from "../util/grow.js";

/** Arrays the passes fill, indexed by member. */
export interface Qualification {
  /** GV: PV of the member and her whole downline. */
  gv: Float64Array;
  /** Group QV (the same array as `gv` when QV is CV). */
  gqv: Float64Array;
  /** GV of her largest leg. */
  largestLeg: Float64Array;
  /** Number of current frontline members (legs). */
  frontline: Int32Array;
  /** Paid-as rank this period (1-based; 0: none). */
  rank: Uint8Array;
  /** Highest rank within the member's subtree, herself included. */
  subtreeRank: Uint8Array;
  /** Each measure's values, in the plan's order. */
  measures: Float64Array[];
}

/** What the passes read of a period. */
export interface QualifyInput {
  readonly size: number;
  readonly members: Int32Array;
  readonly memberCount: number;
  readonly upline: Int32Array;
  /** Personal CV and QV (the same array when QV is CV). */
  readonly pv: Float64Array;
  readonly qv: Float64Array;
  readonly active: Uint8Array;
  /** Values rank rules read that measure-stage components publish, by name. */
  readonly values: ReadonlyMap<string, Float64Array>;
}

/** A reusable qualifier for a ladder and measures: `volumes` then `ranks` fill `result` for one period. */
export interface Qualifier {
  readonly result: Qualification;
  /** Makes `result.rank` hold `size` zeros, without computing anything: the ranks of a plan without a ladder, whose volumes are not needed. */
  zeroRanks(size: number): void;
  volumes(input: QualifyInput): void;
  ranks(input: QualifyInput): void;
  /**
   * `result.frontline` and `result.largestLeg` for the latest `volumes`
   * input: computed in its pass when the plan's measures read a member's legs,
   * else by a pass of their own on first call (no rule of the plan reads
   * them; a component or a reader of the payout may).
   */
  legs(): Qualification;
}

interface LegThreshold {
  readonly qv: boolean;
  readonly min: number;
}

/**
 * A qualifier for a ladder and measures. With `fuseRanks` (no measure-stage
 * component runs between volumes and ranks), `volumes` computes the ranks in
 * the same reverse pass, and `ranks` has nothing left to do: a member's rank
 * needs only her own volumes and her legs' highest ranks, all final when
 * the pass reaches her.
 */
export function createQualifier(ranks: readonly CompiledRank[], measures: readonly CompiledMeasure[] = [], fuseRanks = false): Qualifier {
  // One counter per distinct (kind, leg threshold), shared by the ranks that use it.
  const thresholdKey = (t: LegThreshold) => `${t.qv ? "qv" : "cv"}:${t.min}`;
  const gvThresholds: LegThreshold[] = [];
  for (const r of ranks) {
    for (const l of r.legs) {
      if (l.minGv < 0) continue;
      const t = { qv: r.volumeKind === "qv", min: l.minGv };
      if (!gvThresholds.some((x) => thresholdKey(x) === thresholdKey(t))) gvThresholds.push(t);
    }
  }
  // By kind, then ascending: the member loop stops at the first threshold of a kind her volume is below.
  gvThresholds.sort((a, b) => Number(a.qv) - Number(b.qv) || a.min - b.min);
  const cvThresholdEnd = gvThresholds.filter((t) => !t.qv).length;
  const thresholdMins = Float64Array.from(gvThresholds, (t) => t.min);
  const rankThresholds = [...new Set(ranks.flatMap((r) => r.legs.filter((l) => l.rank > 0).map((l) => l.rank)))];
  const shareRanks = ranks.filter((r) => r.legCap !== Infinity);
  // Per rank, its requirements as flat typed arrays, resolved once so the member loop reads typed arrays only.
  const checks = ranks.map((r) => {
    const byGv = r.legs.filter((l) => l.minGv >= 0);
    const byRank = r.legs.filter((l) => l.rank > 0);
    return {
      rank: r,
      qv: r.volumeKind === "qv",
      share: shareRanks.indexOf(r),
      gvIndex: Int32Array.from(byGv, (l) => gvThresholds.findIndex((t) => thresholdKey(t) === thresholdKey({ qv: r.volumeKind === "qv", min: l.minGv }))),
      gvCount: Int32Array.from(byGv, (l) => l.count),
      rankIndex: Int32Array.from(byRank, (l) => rankThresholds.indexOf(l.rank)),
      rankCount: Int32Array.from(byRank, (l) => l.count),
      measureNames: r.measures.map((m) => m.measure),
      measureMin: Float64Array.from(r.measures, (m) => m.minFast),
    };
  });
  // The ranks' scalar requirements as typed arrays (rank k + 1 at index k): the member loop reads no objects.
  const needActive = Uint8Array.from(ranks, (r) => (r.active ? 1 : 0));
  const onQvBy = Uint8Array.from(ranks, (r) => (r.volumeKind === "qv" ? 1 : 0));
  const ownCounts = Uint8Array.from(ranks, (r) => (r.includeOwn ? 1 : 0));
  const minPv = Float64Array.from(ranks, (r) => r.pv);
  const minGv = Float64Array.from(ranks, (r) => r.gv);
  // No rank is reached with a group volume (of the rank's kind) below its minimum, nor with a
  // personal one below its own (a capped leg volume is at most the legs' whole): the least of
  // them over the ranks on CV, and on QV, turn most members away before any rank is tried.
  const least = (kind: string, of: (r: CompiledRank) => number) => Math.min(Infinity, ...ranks.filter((r) => r.volumeKind === kind).map(of));
  const floorGv = least("cv", (r) => r.gv);
  const floorGqv = least("qv", (r) => r.gv);
  const floorPv = least("cv", (r) => r.pv);
  const floorQv = least("qv", (r) => r.pv);
  const shareBy = Int32Array.from(ranks, (r) => shareRanks.indexOf(r));
  const shareScaleBy = Float64Array.from(ranks, (r) => r.shareScale);
  const needsChildren = measures.some((m) => m.kind === "qualifiedLines" || m.kind === "legVolume");
  // The measures by kind, resolved once, so the member loops do not switch on kinds.
  const byKind = <K extends CompiledMeasure["kind"]>(kind: K) =>
    measures.flatMap((m, k) => (m.kind === kind ? [{ out: k, spec: m as Extract<CompiledMeasure, { kind: K }> }] : []));
  const linesSpecs = byKind("qualifiedLines");
  const cappedSpecs = byKind("legVolume");
  const activeOut = byKind("activeSponsored").map((m) => m.out);
  const legsSpecs = byKind("legs").filter((m) => m.spec.rank === 0);
  const rankLegsSpecs = byKind("legs").filter((m) => m.spec.rank > 0);
  // The highest rank in each member's line, passed up, only when a rank rule or a measure counts legs by rank.
  const legRanks = rankThresholds.length > 0 || rankLegsSpecs.length > 0;
  let capacity = 0;
  const result: Qualification = {
    gv: new Float64Array(0),
    gqv: new Float64Array(0),
    largestLeg: new Float64Array(0),
    frontline: new Int32Array(0),
    rank: new Uint8Array(0),
    subtreeRank: new Uint8Array(0),
    measures: measures.map(() => new Float64Array(0)),
  };
  let ownGqv = new Float64Array(0);
  let legsByGv: Int32Array[] = [];
  let legsByRank: Int32Array[] = [];
  let capped: Float64Array[] = [];
  // The children index: member i's frontline are childList[childStart[i] .. childStart[i] + frontline[i]).
  let childStart = new Int32Array(0);
  let childList = new Int32Array(0);
  let heap = new Float64Array(16);
  // Measures' value arrays read by rank rules, per rank, resolved per period (measure-stage values may be new arrays).
  let rankValues: (Float64Array | undefined)[][] = [];
  // The input whose ranks `volumes` computed in its pass (fused), so that `ranks` has nothing left to do.
  let rankedInput: QualifyInput | undefined;
  // The input whose frontline and largest legs are still to be counted (`legs`), or undefined.
  let legsInput: QualifyInput | undefined;

  return {
    result,
    zeroRanks(size) {
      // Only `ranks` writes a rank other than 0, and a plan without a ladder never calls it.
      if (result.rank.length < size) result.rank = new Uint8Array(capacityFor(size));
    },
    volumes(input) {
      const { size, members, memberCount, upline, pv, qv, active } = input;
      const separateQv = qv !== pv;
      if (size > capacity) {
        // Scratch: every array is cleared below before it is read.
        capacity = Math.max(capacityFor(size), upline.length);
        result.gv = scratchTo(result.gv, size, capacity);
        ownGqv = scratchTo(ownGqv, size, capacity);
        result.largestLeg = scratchTo(result.largestLeg, size, capacity);
        result.frontline = scratchTo(result.frontline, size, capacity);
        result.rank = scratchTo(result.rank, size, capacity);
        result.subtreeRank = scratchTo(result.subtreeRank, size, capacity);
        result.measures = result.measures.map((a) => scratchTo(a, size, capacity));
        legsByGv = gvThresholds.map(() => new Int32Array(capacity));
        legsByRank = rankThresholds.map(() => new Int32Array(capacity));
        capped = shareRanks.map(() => new Float64Array(capacity));
        if (needsChildren) {
          childStart = new Int32Array(capacity + 1);
          childList = new Int32Array(capacity);
        }
      }
      const { gv, largestLeg, frontline } = result;
      const gqv = separateQv ? ownGqv : gv;
      result.gqv = gqv;
      gv.fill(0, 0, size);
      if (separateQv) gqv.fill(0, 0, size);
      // Legs counted in this pass only when measures read them; else cleared by legs(), when first read.
      if (needsChildren) {
        largestLeg.fill(0, 0, size);
        frontline.fill(0, 0, size);
      }
      // Ranks are not known yet (measure-stage components run before them).
      result.rank.fill(0, 0, size);
      if (legRanks) result.subtreeRank.fill(0, 0, size);
      for (const a of legsByGv) a.fill(0, 0, size);
      for (const a of capped) a.fill(0, 0, size);
      for (const a of result.measures) a.fill(0, 0, size);
      if (needsChildren) buildChildren(members, memberCount, upline, size);
      const values = result.measures;
      const fused = fuseRanks && checks.length > 0;
      rankedInput = fused ? input : undefined;
      legsInput = needsChildren ? undefined : input;
      if (fused) startRanks(size, input.values);
      const { rank, subtreeRank } = result;
      for (let idx = memberCount - 1; idx >= 0; idx--) {
        const i = members[idx]!;
        // Her legs have all been passed up into her counters by now.
        const g = gv[i]! + pv[i]!;
        gv[i] = g;
        const gq = separateQv ? gqv[i]! + qv[i]! : g;
        if (separateQv) gqv[i] = gq;
        // Measures read off her children (their volumes are final); only members with legs have any.
        if (linesSpecs.length > 0 && frontline[i]! > 0) {
          for (let m = 0; m < linesSpecs.length; m++) {
            const { out, spec } = linesSpecs[m]!;
            const group = spec.volumeKind === "qv" ? gqv : gv;
            const own = spec.volumeKind === "qv" ? qv[i]! : pv[i]!;
            values[out]![i] = linesOf(i, group, spec.includeOwn ? group[i]! : group[i]! - own, spec.shares);
          }
        }
        for (let m = 0; m < cappedSpecs.length; m++) {
          const { out, spec } = cappedSpecs[m]!;
          const group = spec.volumeKind === "qv" ? gqv : gv;
          const own = spec.volumeKind === "qv" ? qv[i]! : pv[i]!;
          const total = spec.includeOwn ? group[i]! : group[i]! - own;
          values[out]![i] = (spec.includeOwn ? own : 0) + (frontline[i]! > 0 ? cappedLegs(i, group, capOf(total, spec.maxShare)) : 0);
        }
        const p = upline[i]!;
        if (fused) {
          const r = rankOf(i, pv, qv, gv, gqv, active);
          rank[i] = r;
          if (legRanks) {
            const sub = r > subtreeRank[i]! ? r : subtreeRank[i]!;
            subtreeRank[i] = sub;
            if (p >= 0) passRank(p, sub);
          }
        }
        if (p < 0) continue;
        gv[p]! += g;
        if (separateQv) gqv[p]! += gq;
        if (needsChildren) {
          frontline[p]! += 1;
          if (g > largestLeg[p]!) largestLeg[p] = g;
        }
        for (let t = 0; t < cvThresholdEnd && g >= thresholdMins[t]!; t++) legsByGv[t]![p]! += 1;
        for (let t = cvThresholdEnd; t < thresholdMins.length && gq >= thresholdMins[t]!; t++) legsByGv[t]![p]! += 1;
        for (let t = 0; t < shareRanks.length; t++) {
          const r = shareRanks[t]!;
          const v = (r.volumeKind === "qv" ? gq : g) * r.shareScale;
          capped[t]![p]! += v < r.legCap ? v : r.legCap;
        }
        if (active[i] === 1) for (let m = 0; m < activeOut.length; m++) values[activeOut[m]!]![p]! += 1;
        for (let m = 0; m < legsSpecs.length; m++) {
          const { out, spec } = legsSpecs[m]!;
          if ((spec.volumeKind === "qv" ? gq : g) >= spec.minVolume) values[out]![p]! += 1;
        }
      }
    },
    legs() {
      const input = legsInput;
      if (input === undefined) return result;
      legsInput = undefined;
      const { size, members, memberCount, upline } = input;
      const { gv, largestLeg, frontline } = result;
      largestLeg.fill(0, 0, size);
      frontline.fill(0, 0, size);
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const p = upline[i]!;
        if (p < 0) continue;
        frontline[p]! += 1;
        const g = gv[i]!;
        if (g > largestLeg[p]!) largestLeg[p] = g;
      }
      return result;
    },
    ranks(input) {
      if (rankedInput === input) return; // computed in the volumes' pass
      const { size, members, memberCount, upline, pv, qv, active, values } = input;
      const { gv, gqv, rank, subtreeRank } = result;
      startRanks(size, values);
      for (let idx = memberCount - 1; idx >= 0; idx--) {
        const i = members[idx]!;
        const r = rankOf(i, pv, qv, gv, gqv, active);
        rank[i] = r;
        if (!legRanks) continue;
        const sub = r > subtreeRank[i]! ? r : subtreeRank[i]!;
        subtreeRank[i] = sub;
        const p = upline[i]!;
        if (p >= 0) passRank(p, sub);
      }
    },
  };

  /** Clears the counters of legs by rank and resolves the measures each rank's rule reads this period (measure-stage values may be new arrays). */
  function startRanks(size: number, values: ReadonlyMap<string, Float64Array>): void {
    for (const a of legsByRank) a.fill(0, 0, size);
    const measureArrays = new Map(measures.map((m, k) => [m.name, result.measures[k]!] as const));
    rankValues = checks.map((c) => c.measureNames.map((n) => measureArrays.get(n) ?? values.get(n)));
  }

  /** Member i's paid-as rank (0: none): the highest whose rule she meets. Her own volumes and her legs' counters are final. */
  function rankOf(i: number, pv: Float64Array, qv: Float64Array, gv: Float64Array, gqv: Float64Array, active: Uint8Array): number {
    if ((gv[i]! < floorGv && gqv[i]! < floorGqv) || (pv[i]! < floorPv && qv[i]! < floorQv)) return 0;
    for (let k = checks.length - 1; k >= 0; k--) {
      if (needActive[k] === 1 && active[i] !== 1) continue;
      const onQv = onQvBy[k] === 1;
      const own = onQv ? qv[i]! : pv[i]!;
      if (own < minPv[k]!) continue;
      const share = shareBy[k]!;
      if (share >= 0) {
        const scaleK = shareScaleBy[k]!;
        if ((ownCounts[k] === 1 ? own * scaleK : 0) + capped[share]![i]! < minGv[k]! * scaleK) continue;
      } else {
        const g = onQv ? gqv[i]! : gv[i]!;
        if ((ownCounts[k] === 1 ? g : g - own) < minGv[k]!) continue;
      }
      const c = checks[k]!;
      let ok = true;
      for (let q = 0; q < c.gvIndex.length; q++) if (legsByGv[c.gvIndex[q]!]![i]! < c.gvCount[q]!) ok = false;
      for (let q = 0; q < c.rankIndex.length; q++) if (legsByRank[c.rankIndex[q]!]![i]! < c.rankCount[q]!) ok = false;
      const vs = rankValues[k]!;
      for (let q = 0; q < vs.length; q++) if (!(vs[q]![i]! >= c.measureMin[q]!)) ok = false;
      if (ok) return k + 1;
    }
    return 0;
  }

  /** Passes a leg's highest rank (`sub`) up to her parent p: p's highest rank below, legs by rank, measures counting them. */
  function passRank(p: number, sub: number): void {
    const { subtreeRank } = result;
    if (sub > subtreeRank[p]!) subtreeRank[p] = sub;
    for (let t = 0; t < rankThresholds.length; t++) if (sub >= rankThresholds[t]!) legsByRank[t]![p]! += 1;
    for (let m = 0; m < rankLegsSpecs.length; m++) {
      const { out, spec } = rankLegsSpecs[m]!;
      if (sub >= spec.rank) result.measures[out]![p]! += 1;
    }
  }

  /**
   * The children index of the current tree, with one array of offsets:
   * counts, running sums (the start of each member's children), the starts
   * shifted one entry to the right, then each child placed at
   * `childStart[p + 1]++`. Placing p's children moves entry p + 1 from p's
   * start to p's end, which is p + 1's start: the offsets come out right.
   */
  function buildChildren(members: Int32Array, memberCount: number, upline: Int32Array, size: number): void {
    childStart.fill(0, 0, size + 1);
    for (let idx = 0; idx < memberCount; idx++) {
      const p = upline[members[idx]!]!;
      if (p >= 0) childStart[p + 1]! += 1;
    }
    for (let i = 1; i <= size; i++) childStart[i]! += childStart[i - 1]!;
    for (let i = size; i > 0; i--) childStart[i] = childStart[i - 1]!;
    childStart[0] = 0;
    for (let idx = 0; idx < memberCount; idx++) {
      const c = members[idx]!;
      const p = upline[c]!;
      if (p >= 0) childList[childStart[p + 1]!++] = c;
    }
  }

  /**
   * Lines by leg share (see measures.ts): her positive leg volumes go into a
   * max-heap (one shared scratch, built in linear time); legs are popped,
   * largest first, only as long as lines can still form.
   */
  function linesOf(i: number, group: Float64Array, total: number, shares: readonly Share[]): number {
    const start = childStart[i]!;
    const end = childStart[i + 1]!;
    let n = 0;
    if (end - start > heap.length) heap = new Float64Array(Math.ceil((end - start) * 1.5));
    for (let k = start; k < end; k++) {
      const v = group[childList[k]!]!;
      if (v > 0) heap[n++] = v;
    }
    if (n <= 1) return n;
    for (let k = (n >> 1) - 1; k >= 0; k--) siftDown(k, n);
    // Line 1: the largest leg.
    n = pop(n);
    let lines = 1;
    for (let s = 0; s < shares.length && n > 0; s++) {
      const share = shares[s]!;
      let taken = 0;
      do {
        taken += heap[0]!;
        n = pop(n);
      } while (n > 0 && !reaches(taken, total, share));
      if (!reaches(taken, total, share)) break;
      lines += 1;
    }
    return lines;
  }

  /** Removes the heap's top (the caller has read it); returns the new size. */
  function pop(n: number): number {
    const last = n - 1;
    heap[0] = heap[last]!;
    if (last > 1) siftDown(0, last);
    return last;
  }

  function siftDown(k: number, n: number): void {
    const v = heap[k]!;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      if (c + 1 < n && heap[c + 1]! > heap[c]!) c += 1;
      if (heap[c]! <= v) break;
      heap[k] = heap[c]!;
      k = c;
    }
    heap[k] = v;
  }

  /** Σ over her legs of min(leg, cap). */
  function cappedLegs(i: number, group: Float64Array, cap: number): number {
    let sum = 0;
    for (let k = childStart[i]!; k < childStart[i + 1]!; k++) {
      const v = group[childList[k]!]!;
      sum += v < cap ? v : cap;
    }
    return sum;
  }
}

/** ⌊share × total⌋, exactly (bigints past 2^53). */
export function capOf(total: number, s: Share): number {
  const a = s.units * total;
  if (!(a <= Number.MAX_SAFE_INTEGER)) return Number((BigInt(s.units) * BigInt(total)) / BigInt(s.scale));
  // The float quotient may land on the wrong side of an integer: correct it exactly.
  let q = Math.floor(a / s.scale);
  if (q * s.scale > a) q -= 1;
  else if ((q + 1) * s.scale <= a) q += 1;
  return q;
}
