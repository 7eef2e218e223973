/**
 * Fast start: a share of a new recruit's orders in her first `periods` periods,
 * paid to her enroller (level 1) and optionally further up (levels 2–4).
 *
 * A recruit is new while `period − joinPeriod < periods`: her join period
 * counts as the first (periods of the run: months, or weeks in a weekly run).
 * Her volume is her PV (own orders and her personal customers' orders), or her
 * own orders only. Levels climb the current upline tree (her enroller after
 * roll-up of quitters), without compression: a level above the top of the
 * tree, or held by an inactive upline when `qualification.active` is set, is
 * breakage.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { basisField } from "../../volume.js";
import { activeQualification, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { fastStartKernel } from "./fast.js";
import { fastStartRule } from "./reference.js";
import type { FastStartSettings } from "./settings.js";
export type { FastStartSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("fastStart"),
    name: componentName().optional(),
    /** Rate per level: level 1 is the recruit's current upline, level 2 that upline's upline, ... */
    rates: z.array(rateField()).min(1).max(4),
    /** How many periods of the run, her join period included, a recruit's orders pay the bonus. */
    periods: z.number().int().min(1).max(10_000),
    /** `"pv"`: her own and her personal customers' orders; `"own"`: her own orders only. */
    volume: z.enum(["pv", "own"]).default("pv"),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
    /** `active`: pay an upline only when she is active this period (default: pay all). */
    qualification: activeQualification(false),
  })
  .strict();

/**
 * The fast-start component type (`type: "fastStart"`).
 *
 * @example
 * // 25% to the enroller and 10% to the enroller's enroller, on a recruit's first 3 periods.
 * { type: "fastStart", rates: ["0.25", "0.10"], periods: 3 }
 */
export const fastStart = defineComponent({
  type: "fastStart",
  schema,
  renamed: [REQUIRES_ACTIVE_RENAMED, { from: "months", to: "periods", until: "0.2" }],
  rates: (input) => input.rates,
  compile: (input, ctx): FastStartSettings => ({
    rates: input.rates.map(ctx.rate),
    periods: input.periods,
    volume: input.volume,
    basis: input.basis,
    requireActive: input.qualification.active,
  }),
  fast: fastStartKernel,
  reference: fastStartRule,
  // Income: one-time pay on a new recruit's first periods, for the recruiting: active (levels 2–4 too).
  income: "active",
});
