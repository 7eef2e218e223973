/**
 * The `qualification` block components share: the same field for the same
 * idea in every component (`qualification: { active, ... }`).
 *
 * @module
 */
import { z } from "zod";
import type { CompileContext } from "../../contract.js";

/**
 * `qualification: { active }` with the component's own default for `active`
 * (pay only members active this period), defaulted as a whole.
 */
export const activeQualification = (activeByDefault: boolean) =>
  z
    .object({
      /** Pay only members who are active this period; an inactive member's share is breakage. */
      active: z.boolean().default(activeByDefault),
    })
    .strict()
    .prefault({});

/** The rename from the old `requiresActive` flag to `qualification.active`. */
export const REQUIRES_ACTIVE_RENAMED = { from: "requiresActive", to: "qualification.active", until: "0.2" } as const;

/** Payable depth by paid-as rank (`depth: { base, byRank }`), shared by unilevel and matrix. */
export const depthField = (maxLevels: number) =>
  z
    .object({
      /** Levels payable to members below every listed rank (or with no rank). */
      base: z.number().int().min(0).max(maxLevels),
      byRank: z.array(z.object({ rank: z.string().min(1), levels: z.number().int().min(0).max(maxLevels) }).strict()).default([]),
    })
    .strict();

/**
 * Compiles a `depth` field: payable levels by paid-as rank number (the levels
 * of the highest listed rank at or below each rank, else `base`), or
 * `undefined` when there is no depth rule (every level payable).
 */
export function compileDepth(
  depth: { readonly base: number; readonly byRank: readonly { readonly rank: string; readonly levels: number }[] } | undefined,
  ctx: Pick<CompileContext, "byRank">,
): number[] | undefined {
  if (!depth) return undefined;
  return ctx.byRank(depth.byRank.map((d) => ({ rank: d.rank, value: d.levels })), depth.base, "depth.byRank");
}
