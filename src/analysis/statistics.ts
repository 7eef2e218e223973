/**
 * The statistics the analysis layer reports, each with one stated definition:
 *
 * - **Percentiles** are Hyndman & Fan's type 7 (R's default `quantile(x, p)`,
 *   numpy's default `percentile(x, 100p)`, Excel's `PERCENTILE.INC`): with the
 *   n values sorted ascending x₁ ≤ … ≤ xₙ, h = (n − 1)p + 1, the p-quantile is
 *   x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). The median is the 0.5-quantile (the mean
 *   of the two middle values when n is even). Values between two amounts of
 *   money can carry a fraction of a minor unit.
 *   (R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The
 *   American Statistician 50(4), 1996.)
 * - **Gini** is Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) (no small-sample correction; R's
 *   `ineq::Gini(x)`), computed on sorted values as (2 Σᵢ i·xᵢ)/(n Σ xᵢ) −
 *   (n + 1)/n. Defined for non-negative values with a positive total; NaN
 *   otherwise (nothing was paid, or a value is negative).
 * - **Top shares**: the top p of n participants are the ⌈p·n⌉ with the highest
 *   values (ties: any order, the sum is the same); their share is their total
 *   over everyone's total (NaN when the total is 0), their average is their
 *   total over ⌈p·n⌉. With 150 participants the top 1% are 2 people.
 * - **Standard deviation** across seeds is the sample one (divisor n − 1).
 * - **Confidence intervals** of a mean are Student-t intervals: x̄ ± t·s/√n,
 *   with t the (1 + c)/2 quantile of Student's t with n − 1 degrees of
 *   freedom, computed (not 1.96): for 5 seeds at 95% t = 2.776, not 1.96.
 *   Intervals of a paired difference are the same interval over the
 *   per-seed differences.
 *
 * NaN marks a figure that is not defined (it serializes to null in JSON).
 *
 * @module
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending: type 7 (see the
 * module notes). NaN for no values.
 *
 * @example
 * // numpy: np.percentile([0, 0, 0, 0, 150, 300, 1200, 4800], 75) → 525.0
 * quantileSorted([0, 0, 0, 0, 150, 300, 1200, 4800], 0.75) // => 525
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`downline/analysis: quantile: expected p in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  if (lo + 1 >= n) return x;
  const frac = h - lo;
  return frac === 0 ? x : x + frac * (sorted[lo + 1]! - x);
}

/**
 * The arithmetic mean; NaN for no values.
 *
 * @example
 * mean([1, 2, 6]) // => 3
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]!;
  return s / n;
}

/**
 * The sample standard deviation (divisor n − 1); NaN for fewer than 2 values.
 *
 * @example
 * sampleSd([2, 4, 4, 4, 5, 5, 7, 9]) // => 2.138… (R: sd(c(2,4,4,4,5,5,7,9)) = 2.13809)
 */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Gini coefficient of values sorted ascending (see the module notes).
 *
 * @example
 * // One of four has everything: Σ|xi − xj| = 2·3·100 = 600; 2n²x̄ = 2·16·25 = 800.
 * giniSorted([0, 0, 0, 100]) // => 0.75
 */
export function giniSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    if (x < 0) return NaN;
    total += x;
    weighted += (i + 1) * x;
  }
  if (total <= 0) return NaN;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The top p of values sorted ascending: how many, their total, their share of the total and their average. */
export interface TopShare {
  readonly count: number;
  readonly total: number;
  /** Their total over everyone's (NaN when everyone's total is 0). */
  readonly share: number;
  /** Their total over their count (NaN for no values). */
  readonly mean: number;
}

/**
 * The top p (0 < p ≤ 1) of values sorted ascending: the ⌈p·n⌉ highest.
 *
 * @example
 * topShareSorted([0, 0, 10, 30], 0.1) // => { count: 1, total: 30, share: 0.75, mean: 30 }
 */
export function topShareSorted(sorted: ArrayLike<number>, p: number): TopShare {
  const n = sorted.length;
  if (!(p > 0 && p <= 1)) throw new RangeError(`downline/analysis: top share: expected p in (0, 1], got ${p}`);
  // ⌈p·n⌉ with a guard against binary fractions: 0.1 × 30 = 3.0000000000000004 is 3 people.
  const count = Math.min(n, Math.ceil(p * n - 1e-9));
  let all = 0;
  let top = 0;
  for (let i = 0; i < n; i++) {
    all += sorted[i]!;
    if (i >= n - count) top += sorted[i]!;
  }
  return { count, total: top, share: all === 0 ? NaN : top / all, mean: count === 0 ? NaN : top / count };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom (df > 0, any
 * real): the cdf (regularized incomplete beta) inverted by bisection to the
 * last bits. Checked against scipy's `t.ppf` (test/analysis/statistics.test.ts).
 *
 * @example
 * studentTQuantile(0.975, 4) // => 2.7764451051977… (scipy: t.ppf(0.975, 4) = 2.7764451051977934)
 * studentTQuantile(0.975, 2) // => 4.3026527297494… (closed form: (2p − 1)/√(2p(1 − p)))
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`downline/analysis: t quantile: expected p in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`downline/analysis: t quantile: expected degrees of freedom > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A mean across seeds with its Student-t confidence interval. NaN values are left out (n counts the rest). */
export interface MeanInterval {
  /** Values that entered (finite ones). */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (NaN for n < 2). */
  readonly sd: number;
  /** The t quantile used (NaN for n < 2). */
  readonly t: number;
  /** Lower and upper bounds (NaN for n < 2). */
  readonly lo: number;
  readonly hi: number;
}

/**
 * The mean of values and its Student-t confidence interval (default 95%).
 * Non-finite values (undefined figures) are left out.
 *
 * @example
 * // x̄ = 3, s = √2.5 = 1.5811, t(0.975, 4) = 2.7764: 3 ± 2.7764 × 1.5811/√5 = 3 ± 1.9632
 * meanInterval([1, 2, 3, 4, 5]) // => { n: 5, mean: 3, sd: 1.5811…, t: 2.7764…, lo: 1.0367…, hi: 4.9632… }
 */
export function meanInterval(values: ArrayLike<number>, confidence = 0.95): MeanInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`downline/analysis: confidence: expected a level in (0, 1), got ${confidence}`);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(values[i]!);
  const n = finite.length;
  const m = mean(finite);
  if (n < 2) return { n, mean: m, sd: NaN, t: NaN, lo: NaN, hi: NaN };
  const sd = sampleSd(finite);
  const t = studentTQuantile((1 + confidence) / 2, n - 1);
  const half = (t * sd) / Math.sqrt(n);
  return { n, mean: m, sd, t, lo: m - half, hi: m + half };
}

/**
 * The paired difference a − b (index by index: the same seed under two
 * plans) and its Student-t interval. Pairs where either value is not finite
 * are left out.
 *
 * @example
 * // Differences 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.3027: 2 ± 4.3027/√3 = 2 ± 2.4841
 * pairedInterval([11, 22, 33], [10, 20, 30]) // => { n: 3, mean: 2, sd: 1, lo: -0.4841…, hi: 4.4841…, ... }
 */
export function pairedInterval(a: ArrayLike<number>, b: ArrayLike<number>, confidence = 0.95): MeanInterval {
  if (a.length !== b.length) throw new RangeError(`downline/analysis: paired interval: expected as many values on each side, got ${a.length} and ${b.length}`);
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - b[i]!;
    if (Number.isFinite(x)) d.push(x);
  }
  return meanInterval(d, confidence);
}
