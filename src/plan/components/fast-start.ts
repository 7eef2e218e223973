/**
 * Fast start: a share of a new recruit's orders in her first `months` periods,
 * paid to her enroller (level 1) and optionally further up (levels 2–4).
 *
 * A recruit is new while `period − joinPeriod < months`: her join period counts
 * as the first. Her volume is her PV (own orders and her personal customers'
 * orders), or her own orders only. Levels climb the current upline tree (her
 * enroller after roll-up of quitters), without compression: a level above the
 * top of the tree, or held by an inactive upline when `requiresActive` is set,
 * is breakage.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import type { ComponentType, CompiledRate } from "../contract.js";

const schema = z
  .object({
    type: z.literal("fastStart"),
    name: componentName().optional(),
    /** Rate per level: level 1 is the recruit's current upline, level 2 that upline's upline, ... */
    rates: z.array(rateField()).min(1).max(4),
    /** How many periods, her join period included, a recruit's orders pay the bonus. */
    months: z.number().int().min(1).max(10_000),
    /** `"pv"`: her own and her personal customers' orders; `"own"`: her own orders only. */
    volume: z.enum(["pv", "own"]).default("pv"),
    /** Pay an upline only when she is active this period (default: pay all). */
    requiresActive: z.boolean().default(false),
  })
  .strict();

/** Settings the reference engine reads. */
export interface FastStartSettings {
  readonly rates: readonly CompiledRate[];
  readonly months: number;
  readonly volume: "pv" | "own";
  readonly requiresActive: boolean;
}

/**
 * The fast-start component type (`type: "fastStart"`).
 *
 * @example
 * // 25% to the enroller and 10% to the enroller's enroller, on a recruit's first 3 months.
 * { type: "fastStart", rates: ["0.25", "0.10"], months: 3 }
 */
export const fastStart: ComponentType<typeof schema> = {
  type: "fastStart",
  schema,
  rates: (input) => input.rates,
  compile(input, rate) {
    const settings: FastStartSettings = {
      rates: input.rates.map(rate),
      months: input.months,
      volume: input.volume,
      requiresActive: input.requiresActive,
    };
    const units = Float64Array.from(settings.rates, (r) => r.units);
    const depth = units.length;
    const rateSum = settings.rates.reduce((s, r) => s + BigInt(r.units), 0n);
    const months = input.months;
    const ownOnly = input.volume === "own";
    const all = !input.requiresActive;
    return {
      type: "fastStart",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "fastStart",
        name: input.name,
        accrue(p, amounts) {
          const { members, memberCount, upline, joinPeriod, ownCv, period } = p.network;
          const volume = ownOnly ? ownCv : p.pv;
          const active = p.active;
          // The new recruits' volume: at most pvTotal, so an exact integer.
          let newVolume = 0;
          for (let idx = 0; idx < memberCount; idx++) {
            const i = members[idx]!;
            const v = volume[i]!;
            if (v === 0 || period - joinPeriod[i]! >= months) continue;
            newVolume += v;
            // At most 4 levels up: a short bounded walk per recruit, no recursion.
            let j = upline[i]!;
            for (let k = 0; k < depth && j >= 0; k++) {
              if (all || active[j] === 1) amounts[j]! += v * units[k]!;
              j = upline[j]!;
            }
          }
          // Headline: every level of every new recruit's volume paid.
          return BigInt(newVolume) * rateSum;
        },
      },
    };
  },
};
