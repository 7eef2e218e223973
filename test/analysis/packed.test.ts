import { describe, expect, it } from "vitest";
import { addPacked, flagAt, packColumn, packedAt, packedBytes, packFlags, unpackColumn } from "../../src/analysis/packed.js";

const identity = (n: number) => Int32Array.from({ length: n }, (_, k) => k);

describe("packed columns", () => {
  it("choose the smallest exact encoding", () => {
    // All zero: nothing stored.
    expect(packColumn(new Float64Array(10), identity(10), 10)).toEqual({ kind: "zero", length: 10 });
    // One value in eight, fits a byte: sparse costs 1 × (4 + 1) = 5 bytes < dense 8 × 1.
    const one = packColumn(Float64Array.from([0, 0, 200, 0, 0, 0, 0, 0]), identity(8), 8);
    expect(one.kind).toBe("sparse");
    expect(packedBytes(one)).toBe(5);
    // Half non-zero, 16-bit values: sparse 4 × (4 + 2) = 24 ≥ dense 8 × 2 = 16 → dense Uint16.
    const half = packColumn(Float64Array.from([0, 300, 0, 300, 0, 300, 0, 300]), identity(8), 8);
    expect(half.kind).toBe("dense");
    expect(half.kind === "dense" && half.values).toBeInstanceOf(Uint16Array);
    // Narrowing by range: negative small → Int16; past 2^31 → Float64; fractions → Float64.
    const neg = packColumn(Float64Array.from([-5, 7, 1, 1]), identity(4), 4);
    expect(neg.kind === "dense" && neg.values).toBeInstanceOf(Int16Array);
    const big = packColumn(Float64Array.from([2 ** 31, 1, 1, 1]), identity(4), 4);
    expect(big.kind === "dense" && big.values).toBeInstanceOf(Float64Array);
    const frac = packColumn(Float64Array.from([43.33, 1, 1, 1]), identity(4), 4);
    expect(frac.kind === "dense" && frac.values).toBeInstanceOf(Float64Array);
  });

  it("read back every value exactly, through members in list order", () => {
    // Source indexed by member; the list picks members 1, 3, 4, 9 (positions 0..3).
    const source = Float64Array.from([99, 0, 5, 2 ** 40 + 3, -70000, 0, 0, 0, 0, 0.25]);
    const members = Int32Array.from([1, 3, 4, 9]);
    const col = packColumn(source, members, 4);
    expect(Array.from(unpackColumn(col))).toEqual([0, 2 ** 40 + 3, -70000, 0.25]);
    expect([0, 1, 2, 3].map((k) => packedAt(col, k))).toEqual([0, 2 ** 40 + 3, -70000, 0.25]);
    const out = Float64Array.from([1, 1, 1, 1]);
    addPacked(col, out, -1);
    expect(Array.from(out)).toEqual([1, 1 - (2 ** 40 + 3), 70001, 0.75]);
  });

  it("round-trips random columns in every encoding", () => {
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const density = rand();
      const scale = [1, 200, 60000, 2 ** 20, 2 ** 35][trial % 5]!;
      const source = Float64Array.from({ length: n }, () => (rand() < density ? Math.round((rand() - 0.3) * scale) || 0 : 0)); // -0 reads back as 0
      const col = packColumn(source, identity(n), n);
      expect(Array.from(unpackColumn(col))).toEqual(Array.from(source));
      for (let k = 0; k < n; k++) expect(packedAt(col, k)).toBe(source[k]);
    }
  });

  it("flags pack to bits", () => {
    const bits = packFlags(Uint8Array.from([1, 0, 0, 1, 1, 0, 0, 0, 1, 1]), identity(10), 10);
    expect(bits.length).toBe(2);
    expect(Array.from({ length: 10 }, (_, k) => flagAt(bits, k))).toEqual([1, 0, 0, 1, 1, 0, 0, 0, 1, 1]);
  });
});
