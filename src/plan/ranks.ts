/**
 * The rank ladder: named ranks, lowest first, each with requirements on PV, GV,
 * qualified legs, and a max-share-per-leg rule. A member's paid-as rank in a
 * period is the highest rank whose requirements she meets; her title is the
 * highest paid-as rank she has ever had.
 *
 * Requirements of a rank (all must hold):
 * - `pv`: PV (own + personal customers' CV) at least this;
 * - `gv`: GV at least this, where, with `maxLegShare` s, each leg counts for at
 *   most s × `gv` (PV counts in full): `pv + Σ legs min(legGV, s × gv) ≥ gv`;
 * - `legs`: each entry asks for `count` legs (subtrees under a frontline member)
 *   with leg GV at least `minGv`, or holding a member of paid-as rank `rank` or
 *   higher anywhere in the leg (its frontline member included);
 * - `active` (default true): the member meets the plan's activity rule.
 *
 * @module
 */
import { z } from "zod";
import { Decimal } from "decimal.js";
import { compareDecimal, decimalField, rateField } from "../validate/fields.js";

const volume = (what: string) => decimalField({ min: "0", maxPlaces: 4, what });

const legRequirement = z
  .object({
    /** How many legs must qualify. */
    count: z.number().int().min(1).max(1000),
    /** A leg qualifies with at least this GV... */
    minGv: volume('a volume like "1000"').optional(),
    /** ...or when it holds a member of this paid-as rank or higher. */
    rank: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((leg, ctx) => {
    if ((leg.minGv === undefined) === (leg.rank === undefined)) {
      ctx.addIssue({ code: "custom", message: "expected exactly one of minGv or rank" });
    }
  });

export const rankSchema = z
  .object({
    name: z.string().min(1).max(100),
    pv: volume('a volume like "100"').default("0"),
    gv: volume('a volume like "4000"').default("0"),
    legs: z.array(legRequirement).max(8).default([]),
    /** At most this share of the `gv` requirement may come from any one leg. */
    maxLegShare: rateField().optional(),
    active: z.boolean().default(true),
  })
  .strict();

/** The ladder's schema: rank names unique, each rank referenced in `legs` lower than the rank itself. */
export const ranksSchema = z
  .array(rankSchema)
  .max(64)
  .superRefine((ranks, ctx) => {
    const index = new Map<string, number>();
    ranks.forEach((r, i) => {
      if (index.has(r.name)) {
        ctx.addIssue({ code: "custom", path: [i, "name"], message: `expected a unique rank name, but ${JSON.stringify(r.name)} is also ranks[${index.get(r.name)}]'s` });
      } else index.set(r.name, i);
    });
    ranks.forEach((r, i) => {
      r.legs.forEach((leg, k) => {
        if (leg.rank === undefined) return;
        const at = index.get(leg.rank);
        if (at === undefined) {
          ctx.addIssue({ code: "custom", path: [i, "legs", k, "rank"], message: `expected one of the ranks (${ranks.map((x) => JSON.stringify(x.name)).join(", ")}), got ${JSON.stringify(leg.rank)}` });
        } else if (at >= i) {
          ctx.addIssue({
            code: "custom",
            path: [i, "legs", k, "rank"],
            message: `expected a rank below ${JSON.stringify(r.name)} (a rank cannot require legs of its own rank or a higher one: that is a cycle), got ${JSON.stringify(leg.rank)}`,
          });
        }
      });
      if (i > 0) {
        const prev = ranks[i - 1]!;
        if (compareDecimal(r.gv, prev.gv) < 0 || compareDecimal(r.pv, prev.pv) < 0) {
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `expected ranks in ascending order: ${JSON.stringify(r.name)} asks for less PV or GV than ${JSON.stringify(prev.name)} below it`,
          });
        }
      }
    });
  });

/** A rank as a plan file writes it: `{ name, pv, gv, legs, maxLegShare, active }` (see the module documentation). */
export type RankInput = z.input<typeof rankSchema>;
type RankSpec = z.output<typeof rankSchema>;

/** A leg requirement compiled: a GV threshold (minor units) or a rank number. */
export interface CompiledLegRequirement {
  readonly count: number;
  /** Minimum leg GV in minor units, or -1 when the requirement is by rank. */
  readonly minGv: number;
  /** Rank number (1-based) the leg must hold, or 0 when the requirement is by GV. */
  readonly rank: number;
}

/** A rank compiled to minor units. Rank numbers are 1-based: 0 means no rank. */
export interface CompiledRank {
  readonly name: string;
  /** 1-based position in the ladder. */
  readonly number: number;
  readonly pv: number;
  readonly gv: number;
  readonly legs: readonly CompiledLegRequirement[];
  /**
   * The max-share rule, exact: a leg counts for at most `legCap / shareScale`
   * minor units, i.e. `min(legGV × shareScale, legCap)` in units of
   * 1/shareScale. Without the rule, `shareScale` is 1 and `legCap` Infinity.
   */
  readonly shareScale: number;
  readonly legCap: number;
  /** The max-share rule as written (`"0.5"`), for the reference engine; absent without the rule. */
  readonly maxLegShare?: string;
  readonly active: boolean;
}

/**
 * Compiles the ladder to minor units: `money(text, path)` converts a volume (a
 * value finer than the currency is reported at its path by the caller's
 * converter), `fail(path, message)` reports any other problem.
 */
export function compileRanks(
  ranks: readonly RankSpec[],
  money: (text: string, path: string) => number,
  fail: (path: string, message: string) => void,
): CompiledRank[] {
  const numberOf = new Map(ranks.map((r, i) => [r.name, i + 1]));
  return ranks.map((r, i) => {
    const gv = money(r.gv, `ranks[${i}].gv`);
    let shareScale = 1;
    let legCap = Infinity;
    if (r.maxLegShare !== undefined) {
      const share = new Decimal(r.maxLegShare);
      shareScale = 10 ** share.decimalPlaces();
      legCap = share.times(shareScale).times(gv).toNumber(); // an integer: share × 10^places is whole
      if (!Number.isSafeInteger(legCap * 10)) fail(`ranks[${i}].gv`, `${r.gv} is too large for an exact max-share rule`);
    }
    return {
      name: r.name,
      number: i + 1,
      pv: money(r.pv, `ranks[${i}].pv`),
      gv,
      legs: r.legs.map((leg, k) => ({
        count: leg.count,
        minGv: leg.minGv === undefined ? -1 : money(leg.minGv, `ranks[${i}].legs[${k}].minGv`),
        rank: leg.rank === undefined ? 0 : numberOf.get(leg.rank)!,
      })),
      shareScale,
      legCap,
      ...(r.maxLegShare === undefined ? {} : { maxLegShare: r.maxLegShare }),
      active: r.active,
    };
  });
}
