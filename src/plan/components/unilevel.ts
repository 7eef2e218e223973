/**
 * Unilevel: each order's CV pays `rates[k-1]` to the k-th upline.
 *
 * With dynamic compression, uplines who are not active are skipped and do not
 * count as a level; without it, the level an inactive upline holds is not paid
 * (breakage). Levels above the top of the tree are breakage either way.
 *
 * Payable depth by rank (`depth`): an upline is paid on level k only if k is
 * within her payable depth: the `levels` of the highest `byRank` entry at or
 * below her paid-as rank, else `base`. Beyond it she still holds the level
 * (compression skips only inactive uplines), and its share is breakage.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import type { ComponentType, CompiledRate } from "../contract.js";
import { createLevelPasses } from "./level-passes.js";

const schema = z
  .object({
    type: z.literal("unilevel"),
    name: componentName().optional(),
    /** Rate per level, level 1 (the buyer's upline) first. */
    rates: z.array(rateField()).min(1).max(64),
    compression: z.enum(["dynamic", "none"]).default("dynamic"),
    /** Payable depth by paid-as rank; without it every level is payable. */
    depth: z
      .object({
        /** Levels payable to members below every listed rank (or with no rank). */
        base: z.number().int().min(0).max(64),
        byRank: z.array(z.object({ rank: z.string().min(1), levels: z.number().int().min(0).max(64) }).strict()).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Settings the reference engine reads. */
export interface UnilevelSettings {
  readonly rates: readonly CompiledRate[];
  readonly compression: "dynamic" | "none";
  /** Payable levels by paid-as rank number (index 0: no rank); every level when absent. */
  readonly depthByRank?: readonly number[];
}

export const unilevel: ComponentType<typeof schema> = {
  type: "unilevel",
  schema,
  rates: (input) => input.rates,
  compile(input, rate, context) {
    let depthByRank: number[] | undefined;
    if (input.depth) {
      // depthByRank[r]: levels of the highest listed rank ≤ r, else base.
      const listed = input.depth.byRank.map((d, k) => ({ rank: context.rankNumber(d.rank, `depth.byRank[${k}].rank`), levels: d.levels }));
      depthByRank = [];
      for (let r = 0; r <= context.rankNames.length; r++) {
        let levels = input.depth.base;
        let best = 0;
        for (const d of listed) if (d.rank <= r && d.rank > best) [best, levels] = [d.rank, d.levels];
        depthByRank.push(levels);
      }
    }
    const settings: UnilevelSettings = { rates: input.rates.map(rate), compression: input.compression, ...(depthByRank ? { depthByRank } : {}) };
    const payable = Uint8Array.from(depthByRank ?? [64]);
    const limited = depthByRank !== undefined;
    const units = Float64Array.from(settings.rates, (r) => r.units);
    const rateSum = settings.rates.reduce((s, r) => s + BigInt(r.units), 0n);
    const dynamic = input.compression === "dynamic";
    const passLevels = createLevelPasses();
    return {
      type: "unilevel",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "unilevel",
        name: input.name,
        accrue(p, amounts) {
          const { size, members, memberCount } = p.network;
          // The tree the levels climb: active uplines only (compressed), or every upline;
          // with compression every upline reached is active, so no activity check is needed.
          passLevels(
            {
              size,
              parent: dynamic ? p.activeUpline : p.network.upline,
              passers: members,
              passerCount: memberCount,
              earners: members,
              earnerCount: memberCount,
              pv: p.pv,
              units,
              requireActive: !dynamic,
              active: p.active,
              payable: limited ? payable : undefined,
              rank: p.rank,
            },
            amounts,
          );
          return BigInt(p.pvTotal) * rateSum;
        },
      },
    };
  },
};
