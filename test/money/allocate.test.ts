/**
 * The one largest-remainder split (money/allocate): hand-computed cases, and
 * the typed-array fast path against the bigint definition on random inputs,
 * products past 2^53 included.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, allocateInto, createAllocationScratch } from "../../src/money/allocate.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};

function fast(amount: number, weights: number[]): number[] {
  const parts = new Float64Array(weights.length);
  allocateInto(amount, Float64Array.from(weights), weights.length, parts, createAllocationScratch());
  return Array.from(parts);
}

describe("allocate: hand-computed", () => {
  it.each([
    // 100 / 3 = 33 r 1 each: the one cent left goes to the earliest of the tied remainders.
    [100, [1, 1, 1], [34, 33, 33]],
    // 5 × 3/4 = 3.75 → 3 r 3; 5 × 0 = 0; 5 × 1/4 = 1.25 → 1 r 1: the cent left goes to the larger remainder (3).
    [5, [3, 0, 1], [4, 0, 1]],
    // 10 × 1/6 = 1.67 (r 4), 10 × 2/6 = 3.33 (r 2), 10 × 3/6 = 5 (r 0): 1 + 3 + 5 = 9, one cent to the largest remainder (the first).
    [10, [1, 2, 3], [2, 3, 5]],
    // The payout-cap example: 450.00 of lines 519.24 and 380.76 (52% → 45% of 1,000.00):
    // 45000 × 51924 / 90000 = 25961.6 → 25961 r 54000; 45000 × 38076 / 90000 = 19038 r 0 → 25962 + 19038 = 45000.
    [45_000, [51_924, 38_076], [25_962, 19_038]],
    // Nothing to split, or no weight: all zero.
    [0, [1, 2], [0, 0]],
    [7, [0, 0], [0, 0]],
  ])("%d among %j → %j (bigint definition and typed-array path alike)", (amount, weights, expected) => {
    expect(allocate(amount, weights)).toEqual(expected);
    expect(fast(amount, weights)).toEqual(expected);
  });

  it("splits in place when the parts are the weights (as caps scale their lines)", () => {
    const lines = Float64Array.of(51_924, 38_076);
    allocateInto(45_000, lines, 2, lines, createAllocationScratch());
    expect(Array.from(lines)).toEqual([25_962, 19_038]);
  });

  it("refuses negative amounts and weights", () => {
    expect(() => allocate(-1, [1])).toThrow(RangeError);
    expect(() => allocate(1, [-1])).toThrow(RangeError);
  });
});

describe("allocate: the fast path agrees with the definition", () => {
  const weight = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 40 }));
  const amount = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 45 }), fc.constant(2 ** 52));
  it("on random amounts and weights (products past 2^53 included): same parts, summing to the amount, each within 1 of its exact share", () => {
    fc.assert(
      fc.property(amount, fc.array(weight, { minLength: 1, maxLength: 40 }), (a, ws) => {
        const total = ws.reduce((s, w) => s + w, 0);
        fc.pre(total <= Number.MAX_SAFE_INTEGER);
        const parts = allocate(a, ws);
        expect(fast(a, ws)).toEqual(parts);
        if (total === 0) return;
        expect(parts.reduce((s, p) => s + p, 0)).toBe(a);
        ws.forEach((w, i) => {
          const exact = (BigInt(a) * BigInt(w)) / BigInt(total); // floor
          expect(BigInt(parts[i]!) - exact >= 0n && BigInt(parts[i]!) - exact <= 1n).toBe(true);
        });
      }),
      { numRuns: 2000, ...replay },
    );
  });
});
