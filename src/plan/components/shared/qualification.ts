/**
 * The `qualification` block components share: the same field for the same
 * idea in every component (`qualification: { active, ... }`).
 *
 * @module
 */
import { z } from "zod";

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
