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
import { componentName, rateField } from "../../validate/fields.js";
import type { ComponentType, CompiledRate } from "../contract.js";

const schema = z
  .object({
    type: z.literal("unilevel"),
    name: componentName().optional(),
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
    // Level volumes of the previous and the current level, per member.
    let levelA = new Float64Array(0);
    let levelB = new Float64Array(0);
    return {
      type: "unilevel",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "unilevel",
        name: input.name,
        accrue(p, amounts) {
          const { size, members, memberCount } = p.network;
          // The tree the levels climb: active uplines only (compressed), or every upline.
          const parent = dynamic ? p.activeUpline : p.network.upline;
          const active = p.active;
          if (levelA.length < size) {
            levelA = new Float64Array(Math.ceil(size * 1.25));
            levelB = new Float64Array(levelA.length);
          }
          // Level by level rather than order by order: level k's volume of member j is the
          // sum of level k−1's volume of the members whose parent is j (level 0 is PV).
          // Each pass reads the members in order and writes one parent each; the sums are
          // integers, so the amounts equal the per-order definition exactly.
          let below: Float64Array = p.pv;
          let here = levelA;
          for (let k = 0; k < depth; k++) {
            for (let idx = 0; idx < memberCount; idx++) here[members[idx]!] = 0;
            let any = false;
            for (let idx = 0; idx < memberCount; idx++) {
              const i = members[idx]!;
              const v = below[i]!;
              if (v === 0) continue;
              const j = parent[i]!;
              if (j >= 0) {
                here[j]! += v;
                any = true;
              }
            }
            if (!any) break;
            const u = units[k]!;
            for (let idx = 0; idx < memberCount; idx++) {
              const j = members[idx]!;
              const v = here[j]!;
              if (v !== 0 && (dynamic || active[j] === 1)) amounts[j]! += v * u;
            }
            below = here;
            here = here === levelA ? levelB : levelA;
          }
          return BigInt(p.pvTotal) * rateSum;
        },
      },
    };
  },
};
