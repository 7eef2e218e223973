/**
 * Matching bonus (check match): a share of what the members below a
 * distributor earned this period from chosen earlier components, by
 * generation and, through rate tables, by the earner's rank.
 *
 * Generation 1 is her frontline (the members whose current upline, after
 * roll-up of quitters, is she), generation 2 their frontline, and so on: no
 * compression, so an unqualified upline still holds her generation and her
 * share is breakage. The component must come after every component it
 * matches (they run in plan order).
 *
 * **What is matched**, for a member i: E(i), what the chosen components paid
 * her this period (`on: "paid"`, default: each amount rounded to the cent,
 * before the plan's caps) or their exact accruals before rounding (`on:
 * "exact"`). With `cascade: true` a match includes earlier matches: what i's
 * uplines match is M(i) = E(i) + her own match from this component, computed
 * bottom-up (her downline's first); her own match enters M(i) carried to the
 * plan's accrual precision (1/scale of a minor unit, scale = 10^the plan's
 * rate decimals; rounded once there by the plan's mode, far below a cent).
 * Without cascade, M(i) = E(i).
 *
 * **Who earns.** The g-th upline u of i earns `rates[g−1](u) × M(i)`: each
 * generation's rate is a rate table read at the earner (a constant, by her
 * rank, by rank × a measure, by package: of the earner, or of the "buyer",
 * here the matched member). She must qualify: active when
 * `qualification.active` (default), paid-as rank at least
 * `qualification.minRank`, and every `qualification.compare` condition
 * between her and i: `{ value, earner }` compares her value of `value`
 * (`"rank"` for the paid-as rank, or any value published before, such as a
 * differential's `<name>.rate`) with i's: `atMost` (≤), `below` (<), `equal`,
 * `atLeast` (≥), `above` (>).
 *
 * Each payee's total is exact and rounded once, to the minor unit (the
 * component rounds it itself: `writes: "minor"`).
 *
 * **Headline**: for every upline who exists at each generation, the largest
 * rate of that generation's table × M(i). Generations above the top of the
 * tree are not part of the headline (nobody could have been paid them).
 *
 * @example
 * // Cascading, by the earner's rank, only where her differential rate is no higher than the matched member's:
 * { type: "matching", components: ["differential"], on: "exact", cascade: true,
 *   rates: [{ byRank: [{ rank: "Gold", rate: "0.20" }, { rank: "Diamond", rate: "0.15" }] }],
 *   qualification: { active: false, compare: [{ value: "differential.rate", earner: "atMost" }] } }
 *
 * @module
 */
import { z } from "zod";
import { componentName } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent } from "../../contract.js";
import { compileRateTable, rateTableField, rateTableTexts } from "../../rate-tables.js";
import { REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { matchingKernel } from "./fast.js";
import { matchingRule } from "./reference.js";
import type { MatchingSettings } from "./settings.js";
export type { CompareOp, MatchingSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("matching"),
    name: componentName().optional(),
    /** Names of earlier components whose payouts are matched. */
    components: z
      .array(componentName())
      .min(1)
      .max(64)
      .superRefine((names, ctx) => {
        // Listing a component twice would match its earnings twice: surely a typo.
        names.forEach((n, i) => {
          const first = names.indexOf(n);
          if (first < i) ctx.addIssue({ code: "custom", path: [i], message: `expected distinct components, but ${JSON.stringify(n)} is also components[${first}]` });
        });
      }),
    /** Match rate per generation, generation 1 (her frontline) first; each a constant or a rate table (by the earner's rank, …). */
    rates: z.array(rateTableField()).min(1).max(64),
    /** What is matched: the amounts paid, rounded (default), or the exact accruals. */
    on: z.enum(["paid", "exact"]).default("paid"),
    /** A match includes earlier matches: what a member's uplines match includes her own match (default false). */
    cascade: z.boolean().default(false),
    qualification: z
      .object({
        /** Pay only distributors who are active this period (default); an inactive one's match is breakage. */
        active: z.boolean().default(true),
        /** Pay only distributors whose paid-as rank is at least this rank (by name); others' match is breakage. */
        minRank: z.string().min(1).optional(),
        /** Conditions between the earner and the member she matches. */
        compare: z
          .array(
            z
              .object({
                /** `"rank"`, or a value published earlier (`"differential.rate"`). */
                value: z.string().min(1).max(130),
                /** The earner's value compared with the matched member's. */
                earner: z.enum(["atMost", "below", "equal", "atLeast", "above"]),
              })
              .strict(),
          )
          .max(8)
          .default([]),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/**
 * The matching component type (`type: "matching"`).
 *
 * @example
 * // 10% of what her frontline earned from "unilevel", 5% of their frontline's, from Silver up.
 * { type: "matching", components: ["unilevel"], rates: ["0.10", "0.05"], qualification: { minRank: "Silver" } }
 */
export const matching = defineComponent({
  type: "matching",
  schema,
  writes: "minor",
  renamed: [REQUIRES_ACTIVE_RENAMED, { from: "minRank", to: "qualification.minRank", until: "0.2" }],
  rates: (input) => input.rates.flatMap(rateTableTexts),
  compile(input, ctx): MatchingSettings {
    input.components.forEach((name, i) => {
      if (!ctx.earlierComponents.includes(name)) {
        const earlier = ctx.earlierComponents.map((n) => JSON.stringify(n)).join(", ");
        throw new ComponentFieldError(
          `components[${i}]`,
          `expected a component that comes before this one in the plan (${earlier || "none does"}), got ${JSON.stringify(name)}`,
        );
      }
      if (input.on === "exact") ctx.value(`${name}.earned`, `components[${i}]`);
    });
    const minRank = input.qualification.minRank;
    const compare = input.qualification.compare.map((c, i) => {
      ctx.value(c.value, `qualification.compare[${i}].value`);
      return { value: c.value, earner: c.earner };
    });
    return {
      components: [...input.components],
      rates: input.rates.map((r, g) => compileRateTable(r, ctx, `rates[${g}]`)),
      requireActive: input.qualification.active,
      minRank: minRank === undefined ? 0 : ctx.rankNumber(minRank, "qualification.minRank"),
      on: input.on,
      cascade: input.cascade,
      compare,
      scale: ctx.scale,
      places: ctx.places,
      rounding: ctx.rounding,
    };
  },
  fast: matchingKernel,
  reference: matchingRule,
  // Income: a share of what her downline earned: leveraged.
  income: "leveraged",
});
