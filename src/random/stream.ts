/**
 * Seeded random streams. The run owns one seed; a stream is derived from the
 * seed and a concern's name, so that adding a concern or drawing more in one
 * never moves the draws of another.
 *
 * A stream's draws depend on how many were taken before: the world uses one
 * only for its generated starting network (drawn once, before anything can
 * diverge). Draws that decide one member's fate are keyed instead (see
 * keyed.ts), so that one member drawing more moves no one else's draws.
 * `poisson` and `normal` take any {@link Uniform}: a stream, or a cursor over
 * keyed draws.
 *
 * @module
 */
import seedrandom from "seedrandom";

/** A source of uniform doubles in [0, 1). */
export type Uniform = () => number;

/**
 * Stream names: the world draws its generated starting network from
 * `"network"`; the other names are those of 0.1.0's per-concern streams, whose
 * draws are keyed now. Any string names a stream.
 */
export type StreamName =
  | "network"
  | "recruiting"
  | "attrition"
  | "customers"
  | "churn"
  | "orders";

/**
 * A uniform stream for one concern of a seeded run (Alea: fast, 2^116 period,
 * and the same sequence on every platform).
 *
 * @example
 * const a = stream(42, "orders"), b = stream(42, "orders");
 * a() === b() // => true
 */
export function stream(seed: number | string, name: StreamName | string): Uniform {
  return seedrandom.alea(`downline:${String(seed)}:${name}`);
}

/**
 * A Poisson-distributed count with mean `mean` (≥ 0). Inversion for small means,
 * Hörmann's PTRS transformed rejection for large ones (exact distribution, a few
 * draws whatever the mean). Below a mean of 10 the count is the inverse CDF
 * of the first draw alone: the same draw with a slightly different mean gives
 * the same count unless the shift moves a CDF step across it.
 *
 * @example
 * poisson(stream(1, "x"), 0) // => 0
 */
export function poisson(rand: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    // Inversion by sequential search: about mean + 1 steps.
    let k = 0;
    let p = expNegative(mean);
    let cdf = p;
    const u = rand();
    while (u > cdf) {
      k += 1;
      p *= mean / k;
      cdf += p;
      if (p === 0 && cdf < u) break; // the tail underflowed: u sits in rounding error
    }
    return k;
  }
  return poissonPtrs(rand, mean);
}

/**
 * `Math.exp(-mean)`, remembered for the last few means: a world's means take
 * few values (a role's rate × an effort step × the period's saturation), and
 * one period draws for every member with the same few, so most calls skip
 * the exponential. The value is `Math.exp`'s own, so the draws are unchanged.
 */
function expNegative(mean: number): number {
  for (let k = 0; k < EXP_SLOTS; k++) if (expMean[k] === mean) return expValue[k]!;
  const v = Math.exp(-mean);
  expMean[expNext] = mean;
  expValue[expNext] = v;
  expNext = (expNext + 1) % EXP_SLOTS;
  return v;
}
const EXP_SLOTS = 8;
const expMean = new Float64Array(EXP_SLOTS).fill(-1);
const expValue = new Float64Array(EXP_SLOTS);
let expNext = 0;

/** W. Hörmann (1993), "The transformed rejection method for generating Poisson random variables". */
function poissonPtrs(rand: Uniform, mean: number): number {
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rand() - 0.5;
    const v = rand();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * logLam - logFactorial(k)
    ) {
      return k;
    }
  }
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling series: ample accuracy beyond the tiny k handled exactly.
  if (k < 20) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/**
 * A standard normal draw (Box–Muller; uses two uniforms, keeps no state so the
 * count of draws per call is fixed).
 */
export function normal(rand: Uniform): number {
  const u = 1 - rand(); // (0, 1]
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
