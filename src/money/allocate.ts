/**
 * Largest-remainder allocation: splitting a whole number of minor units in
 * proportion to weights, so that the parts sum to the whole exactly (dinero.js's
 * `allocate` is the model). The one rule for every split in the plan: a pool
 * among shares, a capped total among the lines it scales.
 *
 * Each part is first ⌊amount × wᵢ / W⌋ (W = Σ weights); the units left over
 * (fewer than the number of positive weights) go one each to the parts with
 * the largest remainders (amount × wᵢ) mod W, ties to the earlier part.
 *
 * @module
 */

/**
 * The exact split, on bigints: the definition (the reference engine uses it).
 *
 * @example
 * allocate(100, [1, 1, 1]) // => [34, 33, 33]
 * allocate(5, [3, 0, 1])   // => [4, 0, 1]
 */
export function allocate(amount: number | bigint, weights: readonly (number | bigint)[]): number[] {
  const a = BigInt(amount);
  const w = weights.map((x) => BigInt(x));
  const total = w.reduce((s, x) => s + x, 0n);
  if (a < 0n || w.some((x) => x < 0n)) throw new RangeError("downline/money: allocate takes a non-negative amount and weights");
  if (total === 0n) return w.map(() => 0);
  const whole = w.map((x) => (a * x) / total);
  const remainder = w.map((x, i) => a * x - whole[i]! * total);
  let left = a - whole.reduce((s, x) => s + x, 0n);
  const order = w.map((_, i) => i).sort((i, j) => (remainder[j]! > remainder[i]! ? 1 : remainder[j]! < remainder[i]! ? -1 : i - j));
  for (const i of order) {
    if (left === 0n) break;
    whole[i]! += 1n;
    left -= 1n;
  }
  return whole.map(Number);
}

/** Scratch of {@link allocateInto}: grown, never shrunk; keep one per caller. */
export interface AllocationScratch {
  remainder: Float64Array;
  sorted: Float64Array;
}

/** Empty scratch for {@link allocateInto}. */
export function createAllocationScratch(): AllocationScratch {
  return { remainder: new Float64Array(0), sorted: new Float64Array(0) };
}

/**
 * The same split on typed arrays, without allocation (beyond growing the
 * scratch): `parts[k]` for `k < n` from `weights[k]` (whole, non-negative,
 * below 2^53, as is `amount`); `parts` may be `weights` itself (scaled in
 * place). Products past 2^53 are split so that every step stays exact: with
 * amount = q·W + r, amount × w = q·w·W + r·w, and r·w < W·w; bigints only when
 * even that passes 2^53.
 *
 * @example
 * const parts = new Float64Array(3);
 * allocateInto(100, Float64Array.of(1, 1, 1), 3, parts, createAllocationScratch()); // parts => [34, 33, 33]
 */
export function allocateInto(amount: number, weights: Float64Array, n: number, parts: Float64Array, scratch: AllocationScratch): void {
  let total = 0;
  for (let k = 0; k < n; k++) total += weights[k]!;
  if (!(total <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/money: weights summing to ${total} are beyond exact range`);
  if (total === 0) {
    parts.fill(0, 0, n);
    return;
  }
  if (scratch.remainder.length < n) {
    scratch.remainder = new Float64Array(Math.ceil(n * 1.25) + 16);
    scratch.sorted = new Float64Array(scratch.remainder.length);
  }
  const { remainder, sorted } = scratch;
  const r0 = amount % total;
  const q0 = (amount - r0) / total;
  let given = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k]!;
    let q: number;
    let r: number;
    if (w * amount <= Number.MAX_SAFE_INTEGER) {
      const p = w * amount;
      r = p % total;
      q = (p - r) / total;
    } else if (r0 * w <= Number.MAX_SAFE_INTEGER) {
      const p = r0 * w;
      r = p % total;
      q = q0 * w + (p - r) / total;
    } else {
      const p = BigInt(r0) * BigInt(w);
      const t = BigInt(total);
      const qb = p / t;
      r = Number(p - qb * t);
      q = q0 * w + Number(qb);
    }
    parts[k] = q;
    remainder[k] = r;
    sorted[k] = r;
    given += q;
  }
  let left = amount - given;
  if (left <= 0) return;
  // The left-th largest remainder is the threshold: every part above it gets a
  // unit, then the parts equal to it, earliest first, until the units run out.
  const view = sorted.subarray(0, n);
  view.sort();
  const threshold = view[n - left]!;
  for (let k = 0; k < n; k++) {
    if (remainder[k]! > threshold) {
      parts[k]! += 1;
      left -= 1;
    }
  }
  for (let k = 0; k < n && left > 0; k++) {
    if (remainder[k] === threshold) {
      parts[k]! += 1;
      left -= 1;
    }
  }
}
