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
 * - `active` (default true): the member meets the plan's activity rule;
 * - `measures`: each entry asks for the member's value of a measure (a plan
 *   measure, or a value a `stage: "measure"` component publishes) to be at
 *   least `min` (a count, or a volume in currency units).
 *
 * `volume: { kind, includeOwn }` says which volume the rank tests: QV
 * (default) or CV, and whether her own volume counts in her group volume
 * (default) or only her downline's (`includeOwn: false`: then `gv` is her
 * downline volume, and with `maxLegShare` her PV does not count either).
 * `pv` always tests her personal volume of that kind; leg volumes are whole
 * legs (the frontline member's own volume included).
 *
 * @module
 */
import { z } from "zod";
import { Decimal } from "decimal.js";
import { compareDecimal, decimalField, rateField, uniqueNames } from "../validate/fields.js";
import type { ValueUnit } from "./contract.js";
import { groupVolumeField, type VolumeKind } from "./volume.js";

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
    /** Which volume the rank tests (QV by default) and whether her own counts in her group volume (default). */
    volume: groupVolumeField(),
    /** Minimums on measures: `{ measure, min }`, each at least `min`. */
    measures: z
      .array(
        z
          .object({
            /** A plan measure's name, or a value published by a measure-stage component (`<component>.<name>`). */
            measure: z.string().min(1).max(130),
            min: decimalField({ min: "0", maxPlaces: 6, what: 'a number like "3"' }),
          })
          .strict(),
      )
      .max(16)
      .default([]),
  })
  .strict();

/** The ladder's schema: rank names unique, each rank referenced in `legs` lower than the rank itself. */
export const ranksSchema = z
  .array(rankSchema)
  .max(64)
  .superRefine((ranks, ctx) => {
    const index = uniqueNames(ranks, ctx, "rank", "ranks");
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
  /** The volume the rank tests. */
  readonly volumeKind: VolumeKind;
  /** Whether her own volume counts in her group volume (`gv`, the max-share rule). */
  readonly includeOwn: boolean;
  /** Minimums on measures: the value's name and unit, the minimum in the fast engine's units (an integer: value ≥ min) and exactly. */
  readonly measures: readonly CompiledRankMeasure[];
}

/** A rank's minimum on a measure, compiled. */
export interface CompiledRankMeasure {
  readonly measure: string;
  readonly unit: ValueUnit;
  /** The least integer the fast engine's value must reach (the minimum in its units, rounded up). */
  readonly minFast: number;
  /** The minimum in natural units (counts, minor units, rates), for the reference engine. */
  readonly min: Decimal;
}

/**
 * What a rank rule may test: a measure's unit, and the rank it depends on (a
 * measure counting legs that hold a rank), by name; undefined for an unknown name.
 */
export type RankMeasureResolver = (name: string) => { readonly unit: ValueUnit; readonly rank: number } | undefined;

/**
 * Compiles the ladder to minor units: `money(text, path)` converts a volume (a
 * value finer than the currency is reported at its path by the caller's
 * converter), `fail(path, message)` reports any other problem.
 */
export function compileRanks(
  ranks: readonly RankSpec[],
  money: (text: string, path: string) => number,
  fail: (path: string, message: string) => void,
  measure: RankMeasureResolver = () => undefined,
  scale = 1,
): CompiledRank[] {
  const numberOf = new Map(ranks.map((r, i) => [r.name, i + 1]));
  const measures = (r: RankSpec, i: number): CompiledRankMeasure[] =>
    r.measures.flatMap((need, k) => {
      const path = `ranks[${i}].measures[${k}]`;
      const found = measure(need.measure);
      if (!found) {
        fail(`${path}.measure`, `expected a measure of the plan or a value a measure-stage component publishes, got ${JSON.stringify(need.measure)}`);
        return [];
      }
      if (found.rank >= i + 1) {
        fail(`${path}.measure`, `expected a measure of legs holding a rank below ${JSON.stringify(r.name)} (a rank cannot depend on its own rank or a higher one: that is a cycle), got ${JSON.stringify(need.measure)}`);
        return [];
      }
      let min: Decimal;
      let fast: Decimal;
      if (found.unit === "count") {
        if (!new Decimal(need.min).isInteger()) {
          fail(`${path}.min`, `expected a whole number (${JSON.stringify(need.measure)} is a count), got ${need.min}`);
          return [];
        }
        min = fast = new Decimal(need.min);
      } else if (found.unit === "rate") {
        min = new Decimal(need.min);
        fast = min.times(scale);
      } else {
        // volume or money: currency units, converted to minor units (money in the fast engine is × scale).
        min = new Decimal(money(need.min, `${path}.min`));
        fast = found.unit === "money" ? min.times(scale) : min;
      }
      return [{ measure: need.measure, unit: found.unit, minFast: fast.ceil().toNumber(), min }];
    });
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
      volumeKind: r.volume.kind,
      includeOwn: r.volume.includeOwn,
      measures: measures(r, i),
    };
  });
}
