/**
 * Pool (leadership pool): a share of the company's CV for the period, split
 * among qualifying distributors by shares.
 *
 * The pool is `rate × total CV` (total CV = the PV of all current members,
 * which counts every order once), rounded once to the minor unit. A member
 * qualifies with the shares of the highest listed rank at or below her
 * paid-as rank (and, by default, only when active). The pool is split in
 * proportion to shares by the largest-remainder method, to the minor unit:
 * everybody gets the floor of her exact share, and the cents left over go one
 * each to the largest remainders, ties to the lower member index. So the
 * payouts sum to the pool exactly; when nobody qualifies, the whole pool is
 * breakage.
 *
 * The component writes whole minor units itself (`units: "minor"`): its
 * headline is the rounded pool.
 *
 * @module
 */
import { z } from "zod";
import { roundScaledBig, type RoundingMode } from "../../money/round.js";
import { componentName, rateField } from "../../validate/fields.js";
import type { CompileContext, ComponentType, CompiledRate } from "../contract.js";

/** Most shares one rank may carry: keeps `remainder × shares` exact in doubles for any network size that fits memory. */
export const MAX_POOL_SHARES = 1000;

const schema = z
  .object({
    type: z.literal("pool"),
    name: componentName().optional(),
    /** Share of the period's total CV that goes into the pool. */
    rate: rateField(),
    /** Shares by rank name; a member holds the shares of the highest listed rank at or below her paid-as rank. */
    shares: z
      .array(
        z
          .object({
            rank: z.string().min(1),
            shares: z.number().int().min(1).max(MAX_POOL_SHARES),
          })
          .strict(),
      )
      .min(1)
      .max(64)
      .superRefine((list, ctx) => {
        list.forEach((entry, i) => {
          const first = list.findIndex((e) => e.rank === entry.rank);
          if (first < i) ctx.addIssue({ code: "custom", path: [i, "rank"], message: `expected each rank once, but ${JSON.stringify(entry.rank)} is also shares[${first}]'s` });
        });
      }),
    /** Only distributors who are active this period qualify. */
    requiresActive: z.boolean().default(true),
  })
  .strict();

/** Settings the reference engine reads. */
export interface PoolSettings {
  readonly rate: CompiledRate;
  /** The listed ranks as 1-based rank numbers, with their shares, in the plan's order. */
  readonly shares: ReadonlyArray<{ readonly rank: number; readonly shares: number }>;
  readonly requiresActive: boolean;
  /** How the pool amount is rounded to the minor unit (once, per period). */
  readonly rounding: RoundingMode;
}

/**
 * The shares a member of each paid-as rank holds (index = rank number, 0 = no
 * rank): those of the highest listed rank at or below it, or 0.
 *
 * @example
 * sharesByRank([{ rank: 2, shares: 1 }, { rank: 4, shares: 3 }], 5) // => Int32Array [0, 0, 1, 1, 3, 3]
 */
export function sharesByRank(shares: PoolSettings["shares"], rankCount: number): Int32Array {
  const byRank = new Int32Array(rankCount + 1);
  for (const s of shares) byRank[s.rank] = s.shares;
  // A rank not listed inherits from the rank below it (the listed ones keep their own).
  const listed = new Set(shares.map((s) => s.rank));
  for (let r = 1; r <= rankCount; r++) if (!listed.has(r)) byRank[r] = byRank[r - 1]!;
  return byRank;
}

/**
 * The pool component type.
 *
 * @example
 * compilePlan({ ranks: [{ name: "Gold", pv: "1000" }], components: [
 *   { type: "pool", rate: "0.01", shares: [{ rank: "Gold", shares: 1 }] }] }, { components: [pool] })
 *   .components[0].name // => "pool"
 */
export const pool: ComponentType<typeof schema> = {
  type: "pool",
  schema,
  rates: (input) => [input.rate],
  compile(input, rate, context) {
    // P is rounded once, by the plan's rounding mode.
    const rounding: RoundingMode = context.rounding;
    const settings: PoolSettings = {
      rate: rate(input.rate),
      shares: input.shares.map((s, i) => ({ rank: context.rankNumber(s.rank, `shares[${i}].rank`), shares: s.shares })),
      requiresActive: input.requiresActive,
      rounding,
    };
    const byRank = sharesByRank(settings.shares, context.rankNames.length);
    const maxShares = Math.max(...settings.shares.map((s) => s.shares));
    const unitsBig = BigInt(settings.rate.units);
    const all = !input.requiresActive;
    // Per qualifier, in member order: who she is, her shares' remainder; and the remainders to sort.
    let who = new Int32Array(0);
    let remainder = new Float64Array(0);
    let sorted = new Float64Array(0);
    return {
      type: "pool",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "pool",
        name: input.name,
        units: "minor",
        accrue(p, amounts) {
          const { size, members, memberCount } = p.network;
          const { active, rank } = p;
          // Rounded once: the pool itself, not each share of it.
          const poolBig = roundScaledBig(BigInt(p.pvTotal) * unitsBig, BigInt(p.scale), rounding);
          if (poolBig === 0n) return 0n;
          if (poolBig > BigInt(Number.MAX_SAFE_INTEGER)) {
            throw new RangeError(`downline/engine: ${input.name}: the pool in period ${p.network.period} is beyond exact range`);
          }
          const pool = Number(poolBig);
          if (who.length < size) {
            const n = Math.ceil(size * 1.25);
            who = new Int32Array(n);
            remainder = new Float64Array(n);
            sorted = new Float64Array(n);
          }
          let count = 0;
          let totalShares = 0;
          for (let idx = 0; idx < memberCount; idx++) {
            const i = members[idx]!;
            const s = byRank[rank[i]!]!;
            if (s === 0 || !(all || active[i] === 1)) continue;
            who[count++] = i;
            totalShares += s;
          }
          if (count === 0) return poolBig;
          if (!(totalShares * maxShares <= Number.MAX_SAFE_INTEGER)) {
            throw new RangeError(`downline/engine: ${input.name}: too many shares in period ${p.network.period} for an exact split`);
          }
          // pool × s / S = a·s + b·s / S with pool = a·S + b (0 ≤ b < S): every product stays
          // below S × maxShares or below the pool, so all of it is exact in doubles.
          const b = pool % totalShares;
          const a = (pool - b) / totalShares;
          let given = 0;
          for (let k = 0; k < count; k++) {
            const i = who[k]!;
            const s = byRank[rank[i]!]!;
            const r = (b * s) % totalShares;
            const share = a * s + (b * s - r) / totalShares;
            amounts[i] = share;
            given += share;
            remainder[k] = r;
            sorted[k] = r;
          }
          let left = pool - given; // fewer cents than qualifiers
          if (left > 0) {
            // The `left`-th largest remainder is the threshold: those above it get a cent,
            // then those equal to it, in member order, until the cents run out.
            const view = sorted.subarray(0, count);
            view.sort();
            const threshold = view[count - left]!;
            for (let k = 0; k < count; k++) {
              if (remainder[k]! > threshold) {
                amounts[who[k]!]! += 1;
                left -= 1;
              }
            }
            for (let k = 0; k < count && left > 0; k++) {
              if (remainder[k] === threshold) {
                amounts[who[k]!]! += 1;
                left -= 1;
              }
            }
          }
          return poolBig;
        },
      },
    };
  },
};
