/**
 * Group volume bonus (team bonus): each member earns her rate × her group
 * volume this period.
 *
 * Her rate is read from `rate`, a constant or a rate table (by her paid-as
 * rank, rank × a measure such as her active frontline, her package). Her
 * group volume is the `basis` (CV by default, or QV) of her and her whole
 * downline, or with `includeOwn: false` of her downline only (her team).
 * With `qualification.active`, a member who is not active earns nothing and
 * her amount is breakage.
 *
 * Headline: every current member's rate × her group volume (what the table
 * pays when everyone qualifies).
 *
 * @example
 * // No rank: 1–3% by active frontline; Leaders: 4–6%, on the team's volume.
 * { type: "groupVolume", includeOwn: false, rate: { byRank: [{ rank: "Leader", rates: ["0", "0.04", "0.05", "0.06"] }], base: ["0", "0.01", "0.02", "0.03"], column: "activeLines" } }
 *
 * @module
 */
import { z } from "zod";
import { componentName } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent } from "../../contract.js";
import { compileRateTable, rateTableField, rateTableTexts } from "../../rate-tables.js";
import { basisField } from "../../volume.js";
import { activeQualification } from "../shared/qualification.js";
import { groupVolumeKernel } from "./fast.js";
import { groupVolumeRule } from "./reference.js";
import type { GroupVolumeSettings } from "./settings.js";
export type { GroupVolumeSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("groupVolume"),
    name: componentName().optional(),
    /** Each member's rate: a constant or a rate table. */
    rate: rateTableField(),
    /** The volume paid on: CV (default) or QV. */
    basis: basisField(),
    /** Whether her own volume is part of what she is paid on (default true; false: her downline's only). */
    includeOwn: z.boolean().default(true),
    /** `active`: only members active this period earn (default false). */
    qualification: activeQualification(false),
  })
  .strict();

/** The group-volume component type (`type: "groupVolume"`; see the module documentation). */
export const groupVolume = defineComponent({
  type: "groupVolume",
  schema,
  rates: (input) => rateTableTexts(input.rate),
  compile(input, ctx): GroupVolumeSettings {
    const rate = compileRateTable(input.rate, ctx, "rate");
    if (rate.byBuyer) throw new ComponentFieldError("rate.of", `expected "earner": a group volume bonus is the earner's rate on her group, got ${JSON.stringify(rate.of)}`);
    return { rate, basis: input.basis, includeOwn: input.includeOwn, requireActive: input.qualification.active };
  },
  fast: groupVolumeKernel,
  reference: groupVolumeRule,
  // Income: leveraged, all of it: a rate on her group's volume. With `includeOwn` her own PV's share is in it, not split out (as stairstep's).
  income: "leveraged",
});
