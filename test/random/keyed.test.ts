/**
 * Keyed draws: a pure function of (seed, concern, identity, period, k),
 * uniform, and with no correlation between neighbouring members, periods,
 * counters or concerns. Thresholds are fixed (the draws are deterministic):
 * chi-square within about 4.5σ of its degrees of freedom, correlations within
 * 4.5 standard errors of 0.
 */
import { describe, expect, it } from "vitest";
import { concernKey, deriveKey, keyedDraws, keyedUniform, originKey, stream } from "../../src/random/index.js";

const N = 400_000;
const ORIGIN = concernKey(42, "origin");
const DRAW = concernKey(42, "test");

/** Identity keys of N members present at the start (index → key). */
const hi = new Int32Array(N);
const lo = new Int32Array(N);
for (let i = 0; i < N; i++) originKey(ORIGIN, i, hi, lo, i);

/** Pearson's chi-square of `values` (in [0, 1)) over `buckets` equal buckets. */
function chiSquare(values: Float64Array, buckets: number): number {
  const counts = new Float64Array(buckets);
  for (const u of values) counts[Math.floor(u * buckets)]! += 1;
  const expected = values.length / buckets;
  let chi = 0;
  for (const c of counts) chi += ((c - expected) * (c - expected)) / expected;
  return chi;
}

/** Chi-square is about normal with mean df and sd √(2 df) for large df; fixed bounds at 4.5σ. */
function expectUniform(values: Float64Array, buckets = 1000): void {
  for (const u of values) if (!(u >= 0 && u < 1)) throw new Error(`draw out of [0, 1): ${u}`);
  const df = buckets - 1;
  const chi = chiSquare(values, buckets);
  expect(chi).toBeGreaterThan(df - 4.5 * Math.sqrt(2 * df));
  expect(chi).toBeLessThan(df + 4.5 * Math.sqrt(2 * df));
}

/** Pearson correlation of two equally long samples. */
function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
    sxx += x[i]! * x[i]!;
    syy += y[i]! * y[i]!;
    sxy += x[i]! * y[i]!;
  }
  const cov = sxy / n - (sx / n) * (sy / n);
  return cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
}

/** Under independence the sample correlation has standard error 1/√n. */
const expectUncorrelated = (x: Float64Array, y: Float64Array) => expect(Math.abs(correlation(x, y))).toBeLessThan(4.5 / Math.sqrt(x.length));

const fill = (n: number, f: (i: number) => number) => {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = f(i);
  return a;
};

describe("keyed draws are a pure function of their key", () => {
  it("the same key gives the same draw, whatever was drawn before or in between", () => {
    const first = keyedUniform(DRAW, hi[7]!, lo[7]!, 3, 0);
    for (let i = 0; i < 1000; i++) keyedUniform(DRAW, hi[i]!, lo[i]!, i, i);
    stream(42, "test")();
    expect(keyedUniform(DRAW, hi[7]!, lo[7]!, 3, 0)).toBe(first);
    // A key rebuilt from the same seed and name draws the same; another seed or concern does not.
    expect(keyedUniform(concernKey(42, "test"), hi[7]!, lo[7]!, 3, 0)).toBe(first);
    expect(keyedUniform(concernKey(43, "test"), hi[7]!, lo[7]!, 3, 0)).not.toBe(first);
    expect(keyedUniform(concernKey(42, "other"), hi[7]!, lo[7]!, 3, 0)).not.toBe(first);
    expect(keyedUniform(concernKey("42", "test"), hi[7]!, lo[7]!, 3, 0)).toBe(first); // as for streams: the seed's text
  });

  it("a cursor returns the draws k = 0, 1, 2, … of its (identity, period), restarting at each at()", () => {
    const d = keyedDraws(DRAW);
    const u = d.at(hi[1]!, lo[1]!, 9);
    const seen = [u(), u(), u()];
    expect(seen).toEqual([0, 1, 2].map((k) => keyedUniform(DRAW, hi[1]!, lo[1]!, 9, k)));
    d.at(hi[2]!, lo[2]!, 9)();
    expect(d.at(hi[1]!, lo[1]!, 9)()).toBe(seen[0]);
  });

  it("start keys are distinct, and so are derived keys (recruits of one sponsor over periods and ranks)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < N; i++) seen.add(`${hi[i]},${lo[i]}`);
    expect(seen.size).toBe(N);
    const member = concernKey(42, "member");
    const cHi = new Int32Array(1);
    const cLo = new Int32Array(1);
    for (let t = 0; t < 400; t++) {
      for (let k = 0; k < 250; k++) {
        deriveKey(member, hi[0]!, lo[0]!, t, k, cHi, cLo, 0);
        seen.add(`${cHi[0]},${cLo[0]}`);
      }
    }
    expect(seen.size).toBe(N + 100_000);
  });
});

describe("keyed draws are uniform", () => {
  it("across members (one period), across periods (one member), across counters (one member and period)", () => {
    expectUniform(fill(N, (i) => keyedUniform(DRAW, hi[i]!, lo[i]!, 5, 0)));
    expectUniform(fill(N, (t) => keyedUniform(DRAW, hi[3]!, lo[3]!, t, 0)));
    expectUniform(fill(N, (k) => keyedUniform(DRAW, hi[3]!, lo[3]!, 5, k)));
  });

  it("across derived identities (a chain of first recruits: each the parent of the next)", () => {
    const member = concernKey(42, "member");
    const cHi = Int32Array.of(hi[0]!);
    const cLo = Int32Array.of(lo[0]!);
    expectUniform(
      fill(N, () => {
        deriveKey(member, cHi[0]!, cLo[0]!, 1, 0, cHi, cLo, 0);
        return keyedUniform(DRAW, cHi[0]!, cLo[0]!, 1, 0);
      }),
    );
  });

  it("in the low bits too: each of the 53 bits is set half the time", () => {
    const n = 200_000;
    const ones = new Float64Array(53);
    for (let i = 0; i < n; i++) {
      let x = keyedUniform(DRAW, hi[i]!, lo[i]!, i & 7, 0) * 2 ** 53;
      for (let bit = 0; bit < 53; bit++) {
        ones[bit]! += x % 2;
        x = Math.floor(x / 2);
      }
    }
    // Binomial(n, 1/2): sd √n / 2.
    for (const c of ones) expect(Math.abs(c - n / 2)).toBeLessThan(4.5 * (Math.sqrt(n) / 2));
  });

  it("pairs of neighbouring periods fill the unit square evenly (32 × 32 cells)", () => {
    const n = N / 2;
    const cells = fill(n, (i) => {
      const u = keyedUniform(DRAW, hi[i]!, lo[i]!, 10, 0);
      const v = keyedUniform(DRAW, hi[i]!, lo[i]!, 11, 0);
      return (Math.floor(u * 32) * 32 + Math.floor(v * 32)) / 1024;
    });
    expectUniform(cells, 1024);
  });
});

describe("keyed draws are uncorrelated with their neighbours", () => {
  const n = N - 1;
  it("one member, consecutive periods; consecutive counters", () => {
    const byPeriod = fill(N, (t) => keyedUniform(DRAW, hi[11]!, lo[11]!, t, 0));
    expectUncorrelated(byPeriod.subarray(0, n), byPeriod.subarray(1));
    const byCounter = fill(N, (k) => keyedUniform(DRAW, hi[11]!, lo[11]!, 0, k));
    expectUncorrelated(byCounter.subarray(0, n), byCounter.subarray(1));
  });

  it("consecutive members (by index) in one period, and each member over two consecutive periods", () => {
    const now = fill(N, (i) => keyedUniform(DRAW, hi[i]!, lo[i]!, 20, 0));
    expectUncorrelated(now.subarray(0, n), now.subarray(1));
    const next = fill(N, (i) => keyedUniform(DRAW, hi[i]!, lo[i]!, 21, 0));
    expectUncorrelated(now, next);
  });

  it("two concerns on the same member and period", () => {
    const other = concernKey(42, "other");
    expectUncorrelated(
      fill(N, (i) => keyedUniform(DRAW, hi[i]!, lo[i]!, 2, 0)),
      fill(N, (i) => keyedUniform(other, hi[i]!, lo[i]!, 2, 0)),
    );
  });
});

describe("textKey: identities from external ids", () => {
  it("depends on the seed, the concern and the text only; distinct texts, distinct keys", async () => {
    const { concernKey, textKey } = await import("../../src/random/keyed.js");
    const hi = new Int32Array(20_000);
    const lo = new Int32Array(20_000);
    const key = concernKey(42, "history-member");
    for (let i = 0; i < 10_000; i++) textKey(key, `M${i}`, hi, lo, i);
    for (let i = 0; i < 10_000; i++) textKey(key, String(i), hi, lo, 10_000 + i);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(`${hi[i]}:${lo[i]}`);
    expect(seen.size).toBe(20_000);
    const again = new Int32Array(1);
    const againLo = new Int32Array(1);
    textKey(concernKey(42, "history-member"), "M7", again, againLo, 0);
    expect([again[0], againLo[0]]).toEqual([hi[7], lo[7]]);
    textKey(concernKey(43, "history-member"), "M7", again, againLo, 0);
    expect(again[0]).not.toBe(hi[7]);
  });
});
