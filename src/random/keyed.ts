/**
 * Keyed (counter-based) draws: a uniform double that is a pure function of
 * (seed, concern, identity, period, k), with no stream and no state.
 *
 * Why: a draw taken from a sequential stream depends on how many draws were
 * taken before it, so one member drawing more (a forced extra customer, a
 * member who stops recruiting in a counterfactual run) reshuffles the luck of
 * every member after her. A keyed draw depends only on its key: two runs that
 * differ in one member's behaviour see identical draws everywhere else.
 *
 * The key:
 * - the concern's two 32-bit words, derived once from the run's seed and the
 *   concern's name ({@link concernKey});
 * - an identity: a member's or a customer's 64-bit key, two 32-bit words that
 *   are themselves hash outputs — {@link originKey} for members present at
 *   the start (from the seed and their index), {@link deriveKey} for everyone
 *   after (from a parent's key, the period and a rank), never a raw index;
 * - the period, and a counter `k` for several draws of one (concern,
 *   identity, period).
 *
 * The draw is three rounds of Chris Wellons' `lowbias32` integer mixer
 * (`Math.imul` and xor-shifts; no allocation) over two 32-bit lanes:
 * `a = mix(hi ^ concern.a ^ period)`, `b = mix(lo ^ concern.b ^ k ^ a)`,
 * `x = mix(a ^ b)`; the double takes 27 bits of `x` and 26 of `b` (53 bits:
 * the state is 64 bits anyway, so the second word is free). Properties:
 *
 * - one identity never repeats its 64-bit state: different (period, k) give
 *   different (x, b) — `a` is a bijection of the period, `b` of k, `x` of `a`;
 * - different identities collide with chance about 2^-64 (their words are
 *   random), so 10^7 identities over 10^4 periods are safe;
 * - neighbouring periods and counters of one identity go through two or
 *   three rounds before the output's high bits: tested for uniformity and
 *   serial correlation (test/random/keyed.test.ts).
 *
 * Three rounds suffice only because identity words are random; a small
 * integer as an identity (member 1, 2, 3…) would make `lo ^ k` collide
 * (member 1 draw 0 = member 0 draw 1). {@link originKey} hashes an index
 * through five rounds for that reason. Measured by benchmarks/draws.ts (Node
 * 20, 2 shared cores): 6–7 ns a draw, against 5.5 ns for an Alea stream's.
 *
 * It is not cryptographic: it is a statistically good hash.
 *
 * @module
 */
import { stream, type Uniform } from "./stream.js";

/** A concern's two key words, derived from the run's seed and the concern's name. */
export interface ConcernKey {
  readonly name: string;
  readonly a: number;
  readonly b: number;
}

/**
 * The key of one concern of a seeded run: two 32-bit words from the Alea
 * stream of (seed, "keyed:" + name), so string and number seeds work as they
 * do for streams, and distinct concerns draw independently.
 *
 * @example
 * concernKey(42, "attrition").a === concernKey(42, "attrition").a // => true
 */
export function concernKey(seed: number | string, name: string): ConcernKey {
  const rand = stream(seed, `keyed:${name}`);
  return { name, a: (rand() * 4294967296) | 0, b: (rand() * 4294967296) | 0 };
}

/** Wellons' lowbias32: a bijective 32-bit mixer with low avalanche bias. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** The low word of the last {@link hash} (a module slot: no allocation for a second return value). */
let low = 0;

/**
 * The three-round hash of (concern, identity, period, k): returns the high
 * word, leaves the low word in `low`.
 */
function hash(key: ConcernKey, hi: number, lo: number, period: number, k: number): number {
  const a = mix(hi ^ key.a ^ period);
  const b = mix(lo ^ key.b ^ k ^ a);
  low = b;
  return mix(a ^ b);
}

/**
 * A uniform double in [0, 1) (53 bits), a pure function of its key.
 *
 * @param key the concern's key ({@link concernKey})
 * @param hi the identity key's high word (random: from {@link originKey} or {@link deriveKey})
 * @param lo the identity key's low word
 * @param period the period the draw belongs to (any 32-bit integer)
 * @param k which draw of this (concern, identity, period): 0, 1, 2, …
 *
 * @example
 * const key = concernKey(42, "attrition");
 * keyedUniform(key, 0x2f6b1c3a, -0x6d2e4b1, 3, 0) === keyedUniform(key, 0x2f6b1c3a, -0x6d2e4b1, 3, 0) // => true
 */
export function keyedUniform(key: ConcernKey, hi: number, lo: number, period: number, k: number): number {
  const x = hash(key, hi, lo, period, k);
  return ((x >>> 5) * 67108864 + (low >>> 6)) / 9007199254740992;
}

/**
 * A child identity: the 64-bit key of a member or customer derived from her
 * parent's key (her sponsor's, her acquiring distributor's), the period and
 * her rank `k` among that parent's children of the period. Writes the two
 * words to `outHi[at]`, `outLo[at]`.
 *
 * @example
 * const hi = new Int32Array(2), lo = new Int32Array(2);
 * originKey(concernKey(42, "origin"), 0, hi, lo, 0); // a founder
 * deriveKey(concernKey(42, "member"), hi[0]!, lo[0]!, 5, 0, hi, lo, 1); // her first recruit of period 5
 * hi[1] === hi[0] // => false
 */
export function deriveKey(
  key: ConcernKey,
  hi: number,
  lo: number,
  period: number,
  k: number,
  outHi: Int32Array,
  outLo: Int32Array,
  at: number,
): void {
  outHi[at] = hash(key, hi, lo, period, k);
  outLo[at] = low;
}

/**
 * The identity key of a member present at the start (a founder, or a member of
 * a generated network), from her index: five rounds (an index is not random,
 * so it is mixed into both words before it can serve as an identity). Writes
 * the two words to `outHi[at]`, `outLo[at]`. Distinct indices give distinct
 * keys (every step is a bijection).
 *
 * @example
 * const hi = new Int32Array(2), lo = new Int32Array(2);
 * const origin = concernKey(42, "origin");
 * originKey(origin, 0, hi, lo, 0);
 * originKey(origin, 1, hi, lo, 1);
 * hi[0] === hi[1] // => false
 */
export function originKey(key: ConcernKey, index: number, outHi: Int32Array, outLo: Int32Array, at: number): void {
  let a = mix(key.a ^ index);
  let b = mix(key.b ^ a);
  a = mix(a ^ b);
  b = mix(b ^ a);
  outHi[at] = mix(a ^ b);
  outLo[at] = b;
}

/**
 * The identity key of a member or customer known by an external id (a
 * replayed history's): the id's UTF-16 code units folded two lanes at a
 * time, its length, then five rounds, so the key depends on the seed, the
 * concern and the text alone — not on anyone's index or join order. Writes
 * the two words to `outHi[at]`, `outLo[at]`. Distinct texts collide with
 * chance about 2^-64.
 *
 * @example
 * const hi = new Int32Array(2), lo = new Int32Array(2);
 * const key = concernKey(42, "history-member");
 * textKey(key, "M-1001", hi, lo, 0);
 * textKey(key, "M-1002", hi, lo, 1);
 * hi[0] === hi[1] // => false
 */
export function textKey(key: ConcernKey, text: string, outHi: Int32Array, outLo: Int32Array, at: number): void {
  let a = key.a;
  let b = key.b;
  for (let i = 0; i < text.length; i++) {
    a = mix(a ^ text.charCodeAt(i));
    b = mix(b ^ a);
  }
  a = mix(a ^ text.length);
  b = mix(b ^ a);
  a = mix(a ^ b);
  b = mix(b ^ a);
  outHi[at] = mix(a ^ b);
  outLo[at] = b;
}

/**
 * The draws of one (concern, identity, period) as a {@link Uniform}: `at`
 * fixes the identity and period and restarts the counter; `next` returns the
 * draws k = 0, 1, 2, … in turn. It lets samplers that take a stream (Poisson,
 * a value distribution) run on keyed draws; a draw is still a pure function of
 * its key, and one cursor serves a whole loop (no allocation per member).
 */
export interface KeyedDraws {
  readonly key: ConcernKey;
  /** The next draw of the current (identity, period). */
  readonly next: Uniform;
  /** Points the cursor at an identity and a period, counter at 0; returns `next`. */
  at(hi: number, lo: number, period: number): Uniform;
}

/**
 * A cursor over one concern's keyed draws.
 *
 * @example
 * const d = keyedDraws(concernKey(42, "orders"));
 * const u = d.at(0x2f6b1c3a, -0x6d2e4b1, 3);
 * u() === keyedUniform(d.key, 0x2f6b1c3a, -0x6d2e4b1, 3, 0) // => true
 * u() === keyedUniform(d.key, 0x2f6b1c3a, -0x6d2e4b1, 3, 1) // => true
 */
export function keyedDraws(key: ConcernKey): KeyedDraws {
  let hi = 0;
  let lo = 0;
  let period = 0;
  let k = 0;
  const next: Uniform = () => {
    const x = hash(key, hi, lo, period, k++);
    return ((x >>> 5) * 67108864 + (low >>> 6)) / 9007199254740992;
  };
  return {
    key,
    next,
    at(h, l, p) {
      hi = h;
      lo = l;
      period = p;
      k = 0;
      return next;
    },
  };
}
