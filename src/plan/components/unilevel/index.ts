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
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { compileDepth, depthField } from "../shared/qualification.js";
import { unilevelKernel } from "./fast.js";
import { unilevelRule } from "./reference.js";
import type { UnilevelSettings } from "./settings.js";
export type { UnilevelSettings } from "./settings.js";

/** Most levels a unilevel may pay. */
const MAX_LEVELS = 64;

const schema = z
  .object({
    type: z.literal("unilevel"),
    name: componentName().optional(),
    /** Rate per level, level 1 (the buyer's upline) first. */
    rates: z.array(rateField()).min(1).max(MAX_LEVELS),
    compression: z.enum(["dynamic", "none"]).default("dynamic"),
    /** Payable depth by paid-as rank; without it every level is payable. */
    depth: depthField(MAX_LEVELS).optional(),
  })
  .strict();

/**
 * The unilevel component type (`type: "unilevel"`).
 *
 * @example
 * { type: "unilevel", rates: ["0.08", "0.05", "0.04", "0.04", "0.04"], depth: { base: 2, byRank: [{ rank: "Silver", levels: 4 }] } }
 */
export const unilevel = defineComponent({
  type: "unilevel",
  schema,
  rates: (input) => input.rates,
  compile(input, ctx): UnilevelSettings {
    const depthByRank = compileDepth(input.depth, ctx);
    return { rates: input.rates.map(ctx.rate), compression: input.compression, ...(depthByRank ? { depthByRank } : {}) };
  },
  fast: unilevelKernel,
  reference: unilevelRule,
});
