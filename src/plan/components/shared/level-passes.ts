/**
 * Level-by-level volume passes up a tree, shared by the unilevel (sponsor tree,
 * compressed or not) and the matrix (placement tree): rather than walking up
 * from every order, level k's volume at member j is the sum of level k−1's
 * volume of the members whose parent is j (level 0 is PV). Each pass reads the
 * members in order and writes one parent each; the sums are integers, so the
 * amounts equal the per-order definition exactly. No recursion, and the two
 * level buffers are the calling component's state, reused from period to period.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** What one call pays: rates by level, on a tree, to the eligible earners. */
export interface LevelPay {
  readonly size: number;
  /** The tree the volume climbs: each member's parent, or -1. */
  readonly parent: Int32Array;
  /**
   * The members who pass volume up, ascending, or `undefined` for every index
   * 0..size-1 (a placement tree, where quitters keep their positions).
   */
  readonly passers: Int32Array | undefined;
  readonly passerCount: number;
  /** The members who may earn (the period's current members), ascending. */
  readonly earners: Int32Array;
  readonly earnerCount: number;
  readonly pv: Float64Array;
  /** Scaled rates per level (rate × 10^places), level 1 first. */
  readonly rates: Float64Array;
  /** Pay only where `active[j]` is 1 (else every earner the volume reaches). */
  readonly requireActive: boolean;
  readonly active: Uint8Array;
  /** Payable levels by paid-as rank (index 0: no rank), or `undefined` for every level. */
  readonly payable: Uint8Array | undefined;
  readonly rank: Uint8Array;
  /** Pay only where `eligible[j]` is 1 (else every earner), beside activity. */
  readonly eligible?: Uint8Array;
  /** The scaled rate of level k (0-based) for earner j, when rates depend on the earner (else `rates[k]`). */
  readonly earnerRate?: (k: number, j: number) => number;
  /**
   * The members who can hold volume past the first level, ascending, when
   * fewer than the passers: every parent in the tree is among them (the
   * active members, on the compressed tree). Only with `passers === earners`.
   */
  readonly upper?: Int32Array;
  readonly upperCount?: number;
}

/** The two level buffers a payer alternates between: state of the component that pays levels. */
export interface LevelBuffers {
  levelA: Float64Array;
  levelB: Float64Array;
}

/** Level buffers for `capacity` members. */
export function createLevelBuffers(capacity: number): LevelBuffers {
  return { levelA: new Float64Array(capacity), levelB: new Float64Array(capacity) };
}

/** Grows the level buffers to `capacity` members (scratch: contents dropped). */
export function growLevelBuffers(b: LevelBuffers, capacity: number): void {
  b.levelA = new Float64Array(capacity);
  b.levelB = new Float64Array(capacity);
}

/** Pays `job` into `amounts`: adds exact amounts (scaled rate × volume) level by level, using `buffers` (sized for `job.size`). */
export function payLevels(job: LevelPay, buffers: LevelBuffers, amounts: Float64Array): void {
  if (job.passers !== undefined && job.passers === job.earners) payFused(job, buffers, amounts);
  else payApart(job, buffers, amounts);
}

/**
 * The passes when the members who pass volume are those who earn (the
 * sponsor tree's current members): one loop per level does three things at
 * each member i, in ascending order — clears her entry of the level being
 * built (her downline, higher in index, has not added to it yet), pays her
 * the level just built (its volume at her is final: everyone below her
 * passed it in the previous loop), and passes that volume to her parent.
 * Past the first level only `upper` (every parent) can hold volume, so the
 * loops after the first visit them alone. The sums are the same integers as
 * {@link payApart}'s, added to each earner level by level in the same order.
 */
function payFused(job: LevelPay, buffers: LevelBuffers, amounts: Float64Array): void {
  const { parent, passers, passerCount, rates, active, payable, rank, eligible, earnerRate } = job;
  const { levelA, levelB } = buffers;
  const everyone = !job.requireActive;
  const upper = job.upper ?? passers!;
  const upperCount = job.upper === undefined ? passerCount : job.upperCount!;
  const depth = rates.length;
  // Level 1 from personal volume: every passer passes; nothing is paid on level 0.
  const pv = job.pv;
  let here = levelA;
  let any = false;
  for (let idx = 0; idx < passerCount; idx++) {
    const i = passers![idx]!;
    here[i] = 0;
    const v = pv[i]!;
    if (v === 0) continue;
    const j = parent[i]!;
    if (j >= 0) {
      here[j]! += v;
      any = true;
    }
  }
  let below = here;
  here = levelB;
  // Loop k pays level k (rate k − 1) and builds level k + 1; the last one only pays.
  for (let k = 1; k <= depth && any; k++) {
    const u = rates[k - 1]!;
    const build = k < depth;
    any = false;
    for (let idx = 0; idx < upperCount; idx++) {
      const i = upper[idx]!;
      if (build) here[i] = 0;
      const v = below[i]!;
      if (v === 0) continue;
      if ((everyone || active[i] === 1) && (payable === undefined || k - 1 < payable[rank[i]!]!) && (eligible === undefined || eligible[i] === 1)) {
        amounts[i]! += v * (earnerRate === undefined ? u : earnerRate(k - 1, i));
      }
      if (!build) continue;
      const j = parent[i]!;
      if (j >= 0) {
        here[j]! += v;
        any = true;
      }
    }
    const t = below;
    below = here;
    here = t;
  }
}

/** The passes when passers and earners differ (a placement tree: quitters pass volume, only current members earn). */
function payApart(job: LevelPay, buffers: LevelBuffers, amounts: Float64Array): void {
  const { size, parent, passers, passerCount, earners, earnerCount, rates, active, payable, rank } = job;
  const { levelA, levelB } = buffers;
  const everyone = !job.requireActive;
  let below: Float64Array = job.pv;
  let here = levelA;
  for (let k = 0; k < rates.length; k++) {
    let any = false;
    if (passers === undefined) {
      here.fill(0, 0, size);
      for (let i = 0; i < size; i++) {
        const v = below[i]!;
        if (v === 0) continue;
        const j = parent[i]!;
        if (j >= 0) {
          here[j]! += v;
          any = true;
        }
      }
    } else {
      // Parents of passers are passers too: only their entries are ever read.
      for (let idx = 0; idx < passerCount; idx++) here[passers[idx]!] = 0;
      for (let idx = 0; idx < passerCount; idx++) {
        const i = passers[idx]!;
        const v = below[i]!;
        if (v === 0) continue;
        const j = parent[i]!;
        if (j >= 0) {
          here[j]! += v;
          any = true;
        }
      }
    }
    if (!any) break;
    const u = rates[k]!;
    const { eligible, earnerRate } = job;
    for (let idx = 0; idx < earnerCount; idx++) {
      const j = earners[idx]!;
      const v = here[j]!;
      if (v !== 0 && (everyone || active[j] === 1) && (payable === undefined || k < payable[rank[j]!]!) && (eligible === undefined || eligible[j] === 1)) {
        amounts[j]! += v * (earnerRate === undefined ? u : earnerRate(k, j));
      }
    }
    below = here;
    here = here === levelA ? levelB : levelA;
  }
}

/** A level-paying kernel's state: its buffers, and its settings as typed arrays (unilevel, matrix). */
export interface LevelState {
  readonly buffers: LevelBuffers;
  /** Scaled rate per level, level 1 first. */
  readonly rates: Float64Array;
  /** Payable levels by paid-as rank number, or `undefined` for every level. */
  readonly payable: Uint8Array | undefined;
  /** Σ scaled rates: the headline per unit of volume. */
  readonly rateSum: bigint;
}

/** The state of a level-paying kernel for `capacity` members. */
export function createLevelState(s: { readonly rates: readonly CompiledRate[]; readonly depthByRank?: readonly number[] }, capacity: number): LevelState {
  return {
    buffers: createLevelBuffers(capacity),
    rates: Float64Array.from(s.rates, (r) => r.scaled),
    payable: s.depthByRank ? Uint8Array.from(s.depthByRank) : undefined,
    rateSum: s.rates.reduce((sum, r) => sum + BigInt(r.scaled), 0n),
  };
}
