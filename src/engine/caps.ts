/**
 * The fast engine's caps (definitions in src/plan/caps.ts): on the rounded
 * amounts, after every component. Work happens only for members over the
 * per-member cap and in periods where the payout cap binds; scratch arrays are
 * kept between calls, and a product is taken in bigints only when it would pass
 * 2^53.
 *
 * @module
 */
import { roundDecimal, type RoundingMode } from "../money/round.js";
import type { CompiledCaps } from "../plan/caps.js";

/** Scratch of one engine's caps: grown, never shrunk. */
export interface CapScratch {
  remainder: Float64Array;
  order: Int32Array;
  lines: Float64Array;
}

export function createCapScratch(): CapScratch {
  return { remainder: new Float64Array(0), order: new Int32Array(0), lines: new Float64Array(0) };
}

function fit(scratch: CapScratch, n: number): void {
  if (scratch.remainder.length >= n) return;
  const cap = Math.ceil(n * 1.5) + 16;
  scratch.remainder = new Float64Array(cap);
  scratch.order = new Int32Array(cap);
  const lines = new Float64Array(cap);
  lines.set(scratch.lines);
  scratch.lines = lines;
}

/**
 * Scales `lines[0..n)` (whole minor units, in tie-break order) so they sum to
 * exactly `target` ≤ their sum: ⌊line × target / sum⌋ each, then one more unit
 * to the largest remainders (earlier lines first on ties). In place.
 */
export function scaleByLargestRemainder(lines: Float64Array, n: number, target: number, scratch: CapScratch): void {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += lines[k]!;
  if (sum <= target) return;
  fit(scratch, n);
  const { remainder, order } = scratch;
  let given = 0;
  for (let k = 0; k < n; k++) {
    const line = lines[k]!;
    let q: number;
    let r: number;
    if (line * target <= Number.MAX_SAFE_INTEGER) {
      const p = line * target;
      r = p % sum;
      q = (p - r) / sum;
    } else {
      const p = BigInt(line) * BigInt(target);
      const s = BigInt(sum);
      const qb = p / s;
      q = Number(qb);
      r = Number(p - qb * s); // < sum ≤ 2^53: exact
    }
    lines[k] = q;
    remainder[k] = r;
    order[k] = k;
    given += q;
  }
  const left = target - given;
  if (left === 0) return;
  order.subarray(0, n).sort((a, b) => remainder[b]! - remainder[a]! || a - b);
  for (let k = 0; k < left; k++) lines[order[k]!]! += 1;
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
    fit(scratch, components.length);
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      let total = 0;
      for (let k = 0; k < components.length; k++) total += rows[components[k]!]![i]!;
      if (total <= amount) continue;
      const mine = scratch.lines;
      for (let k = 0; k < components.length; k++) mine[k] = rows[components[k]!]![i]!;
      scaleByLargestRemainder(mine, components.length, amount, scratch);
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
      fit(scratch, lineCount);
      const lines = scratch.lines;
      let k = 0;
      for (const c of components) for (let idx = 0; idx < memberCount; idx++) if (rows[c]![members[idx]!]! !== 0) lines[k++] = rows[c]![members[idx]!]!;
      scaleByLargestRemainder(lines, lineCount, allowed, scratch);
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
