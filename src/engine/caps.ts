/**
 * The fast engine's caps (definitions in src/plan/caps.ts): on the rounded
 * amounts, after every component. Work happens only for members over the
 * per-member cap and in periods where the payout cap binds; products that may
 * pass 2^53 are taken in bigints.
 *
 * @module
 */
import { roundDecimal, type RoundingMode } from "../money/round.js";
import type { CompiledCaps } from "../plan/caps.js";

/**
 * Scales `lines` (whole minor units, in tie-break order) so they sum to exactly
 * `target` ≤ their sum: ⌊line × target / sum⌋ each, then one more unit to the
 * largest remainders (earlier lines first on ties). Writes the result in place.
 */
export function scaleByLargestRemainder(lines: Float64Array, target: number): void {
  const sum = lines.reduce((s, x) => s + x, 0);
  if (sum <= target) return;
  const t = BigInt(target);
  const s = BigInt(sum);
  const rest = new Array<bigint>(lines.length);
  let given = 0;
  for (let k = 0; k < lines.length; k++) {
    const p = BigInt(lines[k]!) * t;
    const q = p / s;
    rest[k] = p - q * s;
    lines[k] = Number(q);
    given += Number(q);
  }
  const order = Array.from(lines.keys()).sort((a, b) => (rest[b]! > rest[a]! ? 1 : rest[b]! < rest[a]! ? -1 : a - b));
  for (let k = 0; k < target - given; k++) lines[order[k]!]! += 1;
}

/** Applies the caps to the component rows in place; returns what they removed, per component. */
export function applyCapsFast(
  caps: CompiledCaps,
  rows: readonly Float64Array[],
  members: Int32Array,
  memberCount: number,
  cvTotal: number,
  mode: RoundingMode,
): number[] {
  const removed = rows.map(() => 0);
  if (caps.perMember) {
    const { amount, components } = caps.perMember;
    const mine = new Float64Array(components.length);
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      let total = 0;
      for (let k = 0; k < components.length; k++) total += rows[components[k]!]![i]!;
      if (total <= amount) continue;
      for (let k = 0; k < components.length; k++) mine[k] = rows[components[k]!]![i]!;
      scaleByLargestRemainder(mine, amount);
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
    const capped = new Set(components);
    let total = 0;
    let cappedTotal = 0;
    let lineCount = 0;
    for (let c = 0; c < rows.length; c++) {
      for (let idx = 0; idx < memberCount; idx++) {
        const a = rows[c]![members[idx]!]!;
        total += a;
        if (capped.has(c) && a !== 0) {
          cappedTotal += a;
          lineCount += 1;
        }
      }
    }
    if (total > cap) {
      const allowed = Math.max(0, cap - (total - cappedTotal));
      // The capped lines in tie-break order: component, then member.
      const lines = new Float64Array(lineCount);
      let k = 0;
      for (const c of components) for (let idx = 0; idx < memberCount; idx++) if (rows[c]![members[idx]!]! !== 0) lines[k++] = rows[c]![members[idx]!]!;
      scaleByLargestRemainder(lines, allowed);
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
