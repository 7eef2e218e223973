/**
 * Forced matrix: level rates down to depth D on the placement tree. Each
 * order's volume (the member's PV) pays `rates[k-1]` to her k-th placement
 * ancestor, k = 1 … D (D = `rates.length`); volume more than D levels below a
 * position pays it nothing.
 *
 * A level is a position in the matrix, so there is no compression: a level held
 * by a member who quit, or by an inactive member when `qualification.active` is
 * set (the default), is breakage, and so is a level above the top of the tree.
 * A member who quit keeps her position: her own volume stops, her placement
 * downline's still flows up through it.
 *
 * Payable depth by rank (`depth`): a position holder is paid on level k only if
 * k is within her payable depth, the `levels` of the highest `byRank` entry at
 * or below her paid-as rank, else `base` (as the unilevel's `depth`). Beyond it
 * the level's share is breakage.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { basisField } from "../../volume.js";
import { activeQualification, compileDepth, depthField, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { matrixKernel } from "./fast.js";
import { matrixRule } from "./reference.js";
import type { MatrixSettings } from "./settings.js";
export type { MatrixSettings } from "./settings.js";
export { matrixPlacement } from "./settings.js";

/** Deepest matrix a plan may pay: a level is one pass over the network in the fast engine. */
const MAX_DEPTH = 32;

const schema = z
  .object({
    type: z.literal("matrix"),
    name: componentName().optional(),
    /** Rate per level: level 1 is the member's placement parent, level 2 that position's parent, ... */
    rates: z.array(rateField()).min(1).max(MAX_DEPTH),
    /** The matrix width W the plan is written for; the network's placement tree must have it. */
    width: z.number().int().min(2).max(255),
    /** `active` (default true): pay a position holder only when she is active this period; otherwise her level is breakage. */
    qualification: activeQualification(true),
    /** Payable depth by paid-as rank; without it every level is payable. */
    depth: depthField(MAX_DEPTH).optional(),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
  })
  .strict();

/**
 * The forced-matrix component type (`type: "matrix"`).
 *
 * @example
 * // A 3×7 matrix: 1% on level 1, 5% on levels 2–7, paid to active members only.
 * { type: "matrix", width: 3, rates: ["0.01", "0.05", "0.05", "0.05", "0.05", "0.05", "0.05"] }
 */
export const matrix = defineComponent({
  type: "matrix",
  schema,
  renamed: [REQUIRES_ACTIVE_RENAMED, { from: "depthByRank", to: "depth", until: "0.2" }],
  rates: (input) => input.rates,
  compile(input, ctx): MatrixSettings {
    const depthByRank = compileDepth(input.depth, ctx);
    return { name: ctx.name, rates: input.rates.map(ctx.rate), width: input.width, requireActive: input.qualification.active, basis: input.basis, ...(depthByRank ? { depthByRank } : {}) };
  },
  fast: matrixKernel,
  reference: matrixRule,
  // Income: volume from her placement downline (level 1 is below her): leveraged.
  income: "leveraged",
  placement: (s) => ({ kind: "matrix", width: s.width }),
});
