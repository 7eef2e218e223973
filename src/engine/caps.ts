/**
 * The fast engine's caps (definitions in src/plan/caps.ts): on the rounded
 * amounts, after every component. Work happens only for members over the
 * per-member cap and in periods where the payout cap binds; scratch arrays are
 * kept between calls; the split is the one largest-remainder rule of
 * money/allocate.
 *
 * @module
 */
import { roundDecimal, type RoundingMode } from "../money/round.js";
import type { CompiledCaps } from "../plan/caps.js";
import { allocateInto, createAllocationScratch, type AllocationScratch } from "../money/allocate.js";
import { fitted } from "../util/grow.js";

/** Scratch of one engine's caps: grown, never shrunk. */
export interface CapScratch {
  lines: Float64Array;
  readonly split: AllocationScratch;
}

export function createCapScratch(): CapScratch {
  return { lines: new Float64Array(0), split: createAllocationScratch() };
}

/**
 * Scales `lines[0..n)` (whole minor units, in tie-break order) in place so they
 * sum to exactly `target` when they sum to more: the largest-remainder split
 * ({@link allocateInto}), earlier lines first on ties.
 */
function scaleLines(lines: Float64Array, n: number, target: number, scratch: CapScratch): void {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += lines[k]!;
  if (sum <= target) return;
  allocateInto(target, lines, n, lines, scratch.split);
}

/** Applies the caps to the component rows in place; returns what they removed, per component. */
export function applyCapsFast(
  caps: CompiledCaps,
  rows: readonly Float64Array[],
  members: Int32Array,
  memberCount: number,
  cvTotal: number,
  mode: RoundingMode,
  scratch: CapScratch,
): number[] {
  const removed = rows.map(() => 0);
  if (caps.perMember) {
    const { amount, components } = caps.perMember;
    scratch.lines = fitted(scratch.lines, components.length);
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      let total = 0;
      for (let k = 0; k < components.length; k++) total += rows[components[k]!]![i]!;
      if (total <= amount) continue;
      const mine = scratch.lines;
      for (let k = 0; k < components.length; k++) mine[k] = rows[components[k]!]![i]!;
      scaleLines(mine, components.length, amount, scratch);
      for (let k = 0; k < components.length; k++) {
        const c = components[k]!;
        removed[c]! += rows[c]![i]! - mine[k]!;
        rows[c]![i] = mine[k]!;
      }
    }
  }
  if (caps.payout) {
    const { share, components } = caps.payout;
    const cap = roundDecimal(share.times(cvTotal), mode).toNumber();
    let total = 0;
    for (const c of caps.company) for (let idx = 0; idx < memberCount; idx++) total += rows[c]![members[idx]!]!;
    if (total > cap) {
      let cappedTotal = 0;
      let lineCount = 0;
      for (const c of components) {
        for (let idx = 0; idx < memberCount; idx++) {
          const a = rows[c]![members[idx]!]!;
          if (a !== 0) {
            cappedTotal += a;
            lineCount += 1;
          }
        }
      }
      const allowed = Math.max(0, cap - (total - cappedTotal));
      // The capped lines in tie-break order: component, then member.
      scratch.lines = fitted(scratch.lines, lineCount);
      const lines = scratch.lines;
      let k = 0;
      for (const c of components) for (let idx = 0; idx < memberCount; idx++) if (rows[c]![members[idx]!]! !== 0) lines[k++] = rows[c]![members[idx]!]!;
      scaleLines(lines, lineCount, allowed, scratch);
      k = 0;
      for (const c of components) {
        for (let idx = 0; idx < memberCount; idx++) {
          const i = members[idx]!;
          if (rows[c]![i]! === 0) continue;
          removed[c]! += rows[c]![i]! - lines[k]!;
          rows[c]![i] = lines[k++]!;
        }
      }
    }
  }
  return removed;
}
