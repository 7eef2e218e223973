/**
 * Differential from a rate table: the stairstep of plans whose rate is not one
 * number per rank (a rank × lines table, with zeros) and whose rates need not
 * rise with rank.
 *
 * **Rate.** Each member's rate is read from `rate`, a rate table (a constant,
 * by paid-as rank, by rank × a measure such as qualified lines, or by her own
 * enrolment package: see plan/rate-tables.ts). With `qualification.active`, a
 * member who is not active this period has rate 0.
 *
 * **Differential**, per order (volume V of the `basis`, credited to member m):
 * walk up the current upline tree from m herself (`includeOwn: true`,
 * default) or from her upline (`includeOwn: false`: the buyer earns nothing
 * on her own order, and neither does the distributor on her customers'),
 * keeping `paidRate`, the highest rate already paid on V (0 at first). Each
 * member u on the way earns `(rate(u) − paidRate) × V` when that is positive
 * (only the positive excess: a lower rate above a higher one earns nothing),
 * then `paidRate = max(paidRate, rate(u))`. So the total paid on V is the
 * highest rate on its way up.
 *
 * **Depth** (optional, `depth: { base, byRank }`): u earns on V only when V
 * was credited at most her payable depth below her (m herself is 0 below her,
 * m's upline 1, …); beyond it she earns nothing on V and her rate does not
 * count as paid. Without `depth` every level is payable (unlimited depth).
 *
 * **Headline**: the table's largest rate × V for every order. Breakage is the
 * part of it that no one on the way reaches.
 *
 * **Published**: `<name>.rate`, each member's rate this period (unit `rate`),
 * for later components to compare (a matching that pays only uplines whose
 * rate is no higher than the matched member's).
 *
 * @example
 * // A 10/15/19/21% chain above a $100 order pays 10, 5, 4 and 2 dollars.
 * { type: "differential", rate: { byRank: [{ rank: "A", rate: "0.10" }, { rank: "B", rate: "0.15" }, { rank: "C", rate: "0.19" }, { rank: "D", rate: "0.21" }] }, includeOwn: false }
 *
 * @module
 */
import { z } from "zod";
import { componentName } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent } from "../../contract.js";
import { compileRateTable, rateTableField, rateTableTexts } from "../../rate-tables.js";
import { basisField } from "../../volume.js";
import { activeQualification, depthField } from "../shared/qualification.js";
import { differentialKernel } from "./fast.js";
import { differentialRule } from "./reference.js";
import type { DifferentialSettings } from "./settings.js";
export type { DifferentialSettings } from "./settings.js";

/** Deepest payable depth a differential may give. */
const MAX_DEPTH = 64;

const schema = z
  .object({
    type: z.literal("differential"),
    name: componentName().optional(),
    /** Each member's rate: a constant or a rate table (by rank, rank × measure, her package). */
    rate: rateTableField(),
    /** The volume the rates apply to: CV (default) or QV. */
    basis: basisField(),
    /** Whether the member credited with an order earns on it (default true). */
    includeOwn: z.boolean().default(true),
    /** Payable depth by paid-as rank; without it, unlimited. */
    depth: depthField(MAX_DEPTH).optional(),
    /** `active`: only members active this period earn (default false: ranks say who qualifies). */
    qualification: activeQualification(false),
  })
  .strict();

/** The differential component type (`type: "differential"`; see the module documentation). */
export const differential = defineComponent({
  type: "differential",
  schema,
  rates: (input) => rateTableTexts(input.rate),
  publishes: () => [{ name: "rate", unit: "rate" }],
  compile(input, ctx): DifferentialSettings {
    const rate = compileRateTable(input.rate, ctx, "rate");
    if (rate.byBuyer) {
      throw new ComponentFieldError("rate.of", `expected "earner": a differential's rate is the earner's own (one rate per member on the way up), got ${JSON.stringify(rate.of)}`);
    }
    const settings = { rate, basis: input.basis, includeOwn: input.includeOwn, requireActive: input.qualification.active };
    if (!input.depth) return settings;
    const listed = input.depth.byRank.map((d) => ({ rank: d.rank, value: d.levels }));
    return { ...settings, depthByRank: ctx.byRank(listed, input.depth.base, "depth.byRank") };
  },
  fast: differentialKernel,
  reference: differentialRule,
  // Income: leveraged, all of it, as stairstep's: with `includeOwn` her own PV's differential is in it (at her rate from the table), not split out.
  income: "leveraged",
});
