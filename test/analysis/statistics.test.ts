import { describe, expect, it } from "vitest";
import { giniSorted, mean, meanInterval, pairedInterval, quantileSorted, sampleSd, studentTCdf, studentTQuantile, topShareSorted } from "../../src/analysis/statistics.js";

// Eight participants' annual earnings in cents, sorted.
const EARNINGS = [0, 0, 0, 0, 150, 300, 1200, 4800];

describe("percentiles (type 7)", () => {
  it("match numpy and the hand computation", () => {
    // numpy 2.4.6: np.percentile([0,0,0,0,150,300,1200,4800], [10,25,50,75,90,99])
    //   → [0, 0, 75, 525, 2280, 4548] (2279.999999999999 and 4547.999999999999 in floating point)
    // By hand, h = (n − 1)p = 7p (0-based): p = 0.5 → h = 3.5 → 0 + 0.5 × (150 − 0) = 75;
    // p = 0.75 → h = 5.25 → 300 + 0.25 × 900 = 525; p = 0.9 → h = 6.3 → 1200 + 0.3 × 3600 = 2280;
    // p = 0.99 → h = 6.93 → 1200 + 0.93 × 3600 = 4548.
    const ps = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
    const got = ps.map((p) => quantileSorted(EARNINGS, p));
    [0, 0, 75, 525, 2280, 4548].forEach((v, k) => expect(got[k]).toBeCloseTo(v, 9));
    expect(quantileSorted(EARNINGS, 0)).toBe(0);
    expect(quantileSorted(EARNINGS, 1)).toBe(4800);
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
    // R: quantile(c(1, 2, 3, 4), 0.5) = 2.5 (the mean of the two middle values)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe("Gini", () => {
  it("by hand and against the pairwise definition", () => {
    // total 6450; Σ i·x_i (1-based) = 5·150 + 6·300 + 7·1200 + 8·4800 = 49,350;
    // G = 2 × 49,350 / (8 × 6450) − 9/8 = 1.9127907 − 1.125 = 0.7877907.
    // numpy: np.abs(x[:,None] - x[None,:]).sum() / (2 n² x̄) → 0.7877906976744186
    expect(giniSorted(EARNINGS)).toBeCloseTo(0.7877906976744186, 14);
    expect(giniSorted([0, 0, 0, 100])).toBeCloseTo(0.75, 14); // one of four has all: (n − 1)/n
    expect(giniSorted([5, 5, 5])).toBeCloseTo(0, 14);
    expect(giniSorted([0, 0])).toBeNaN(); // nobody was paid
    expect(giniSorted([-1, 2])).toBeNaN(); // not defined for negative values (net income)
  });
});

describe("top shares", () => {
  it("are the ⌈p·n⌉ highest", () => {
    // n = 8: top 10% = ⌈0.8⌉ = 1 person (4800 of 6450 = 74.42%); top 50% = 4 people: 6450 (100%).
    expect(topShareSorted(EARNINGS, 0.1)).toEqual({ count: 1, total: 4800, share: 4800 / 6450, mean: 4800 });
    expect(topShareSorted(EARNINGS, 0.5).share).toBe(1);
    // 30 people, top 10% is 3 (not 4 from 0.1 × 30 = 3.0000000000000004).
    expect(topShareSorted(Array.from({ length: 30 }, (_, i) => i), 0.1).count).toBe(3);
    expect(topShareSorted([0, 0], 0.5).share).toBeNaN();
  });
});

describe("Student t", () => {
  it("quantiles match scipy to 1e-12", () => {
    // scipy 1.17.1: stats.t.ppf(0.975, df)
    const scipy: [number, number][] = [
      [1, 12.706204736174694],
      [2, 4.302652729749462],
      [3, 3.1824463052837078],
      [4, 2.7764451051977934],
      [5, 2.5705818356363146],
      [9, 2.262157162798205],
      [19, 2.0930240544083087],
      [29, 2.045229642132703],
      [100, 1.9839715185235518],
      [1000, 1.9623390808264083],
    ];
    for (const [df, t] of scipy) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 11);
    expect(studentTQuantile(0.995, 7)).toBeCloseTo(3.4994832973504924, 11); // t.ppf(0.995, 7)
    expect(studentTQuantile(0.9, 3)).toBeCloseTo(1.637744353696209, 11); // t.ppf(0.9, 3)
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451051977934, 11);
  });

  it("closed forms for 1 and 2 degrees of freedom", () => {
    // df = 1 (Cauchy): tan(π(p − ½)); df = 2: (2p − 1)/√(2p(1 − p)) = 0.95/√0.04875 = 4.30265…
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 11);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(0.04875), 12);
    expect(studentTCdf(0, 7)).toBe(0.5);
  });
});

describe("intervals across seeds", () => {
  it("a mean's 95% interval, by hand and against scipy", () => {
    // 1..5: x̄ = 3, s² = (4 + 1 + 0 + 1 + 4)/4 = 2.5, s = 1.58114; t(0.975, 4) = 2.77645;
    // half-width 2.77645 × 1.58114 / √5 = 1.96324 → [1.03676, 4.96324].
    // scipy: stats.ttest_1samp([1,2,3,4,5], 0).confidence_interval(0.95) → (1.0367568385224428, 4.963243161477557)
    const ci = meanInterval([1, 2, 3, 4, 5]);
    expect(ci.n).toBe(5);
    expect(ci.mean).toBe(3);
    expect(ci.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(ci.lo).toBeCloseTo(1.0367568385224428, 11);
    expect(ci.hi).toBeCloseTo(4.963243161477557, 11);
    expect(meanInterval([4]).lo).toBeNaN();
    expect(meanInterval([1, NaN, 2, 3, 4, 5, Infinity]).n).toBe(5); // undefined figures left out
  });

  it("a paired difference is tighter than the two intervals apart (common random numbers)", () => {
    // Payout ratios of plans A and B on the same five seeds.
    const a = [0.31, 0.29, 0.35, 0.3, 0.33];
    const b = [0.28, 0.27, 0.3, 0.29, 0.3];
    // Differences 0.03, 0.02, 0.05, 0.01, 0.03: mean 0.028, s = √(0.00088/4) = 0.0148324;
    // half-width 2.7764451 × 0.0148324 / √5 = 0.0184168 → [0.0095831, 0.0464168].
    // scipy: stats.ttest_rel(a, b).confidence_interval(0.95) → (0.009583146670080176, 0.04641685332991981)
    const d = pairedInterval(a, b);
    expect(d.mean).toBeCloseTo(0.028, 14);
    expect(d.sd).toBeCloseTo(0.014832396974191324, 12);
    expect(d.lo).toBeCloseTo(0.009583146670080176, 11);
    expect(d.hi).toBeCloseTo(0.04641685332991981, 11);
    // Apart, the intervals overlap: A [0.2861, 0.3459], B [0.2718, 0.3042] (scipy ttest_1samp):
    // only the paired interval shows A pays more.
    const ia = meanInterval(a);
    const ib = meanInterval(b);
    expect(ia.lo).toBeCloseTo(0.286096771061096, 11);
    expect(ib.hi).toBeCloseTo(0.304189317847087, 11);
    expect(ia.lo).toBeLessThan(ib.hi);
    expect(d.lo).toBeGreaterThan(0);
  });

  it("mean and sd", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 14); // R: sd(c(2,4,4,4,5,5,7,9))
  });
});
