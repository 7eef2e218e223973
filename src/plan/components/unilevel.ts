/**
 * Unilevel: each order's CV pays `rates[k-1]` to the k-th upline.
 *
 * With dynamic compression, uplines who are not active are skipped and do not
 * count as a level; without it, the level an inactive upline holds is not paid
 * (breakage). Levels above the top of the tree are breakage either way.
 *
 * @module
 */
import { z } from "zod";
import { rateField } from "../../validate/fields.js";
import type { ComponentType, CompiledRate } from "../contract.js";

const schema = z
  .object({
    type: z.literal("unilevel"),
    name: z.string().min(1).optional(),
    /** Rate per level, level 1 (the buyer's upline) first. */
    rates: z.array(rateField()).min(1).max(64),
    compression: z.enum(["dynamic", "none"]).default("dynamic"),
  })
  .strict();

/** Settings the reference engine reads. */
export interface UnilevelSettings {
  readonly rates: readonly CompiledRate[];
  readonly compression: "dynamic" | "none";
}

export const unilevel: ComponentType<typeof schema> = {
  type: "unilevel",
  schema,
  rates: (input) => input.rates,
  compile(input, rate) {
    const settings: UnilevelSettings = { rates: input.rates.map(rate), compression: input.compression };
    const units = Float64Array.from(settings.rates, (r) => r.units);
    const depth = units.length;
    const rateSum = settings.rates.reduce((s, r) => s + BigInt(r.units), 0n);
    const dynamic = input.compression === "dynamic";
    return {
      type: "unilevel",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "unilevel",
        name: input.name,
        accrue(p, amounts) {
          const { size, upline } = p.network;
          const { pv, active, activeUpline } = p;
          for (let i = 0; i < size; i++) {
            const v = pv[i]!;
            if (v === 0) continue;
            if (dynamic) {
              let j = activeUpline[i]!;
              for (let k = 0; k < depth && j >= 0; k++) {
                amounts[j]! += v * units[k]!;
                j = activeUpline[j]!;
              }
            } else {
              let j = upline[i]!;
              for (let k = 0; k < depth && j >= 0; k++) {
                if (active[j] === 1) amounts[j]! += v * units[k]!;
                j = upline[j]!;
              }
            }
          }
          return BigInt(p.pvTotal) * rateSum;
        },
      },
    };
  },
};
