/**
 * Matching bonus (check match): a share of what the members below a distributor
 * earned this period from chosen earlier components, by generation.
 *
 * Generation 1 is her frontline (the members whose current upline, after
 * roll-up of quitters, is she), generation 2 their frontline, and so on: no
 * compression, so an unqualified upline still holds her generation and her
 * share is breakage. A member's matched earnings are the sum of what the
 * chosen components paid her this period, each already rounded to the cent,
 * before the plan's caps (caps apply after every component). The component must
 * come after every component it matches (they run in plan order).
 *
 * Headline: what the rates would pay if every upline who exists at each
 * generation qualified. Generations above the top of the tree are not part of
 * the headline (nobody could have been paid them).
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent } from "../../contract.js";
import { REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { matchingKernel } from "./fast.js";
import { matchingRule } from "./reference.js";
import type { MatchingSettings } from "./settings.js";
export type { MatchingSettings } from "./settings.js";

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
    /** Match rate per generation, generation 1 (her frontline) first. */
    rates: z.array(rateField()).min(1).max(64),
    qualification: z
      .object({
        /** Pay only distributors who are active this period (default); an inactive one's match is breakage. */
        active: z.boolean().default(true),
        /** Pay only distributors whose paid-as rank is at least this rank (by name); others' match is breakage. */
        minRank: z.string().min(1).optional(),
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
  renamed: [REQUIRES_ACTIVE_RENAMED, { from: "minRank", to: "qualification.minRank", until: "0.2" }],
  rates: (input) => input.rates,
  compile(input, ctx): MatchingSettings {
    input.components.forEach((name, i) => {
      if (!ctx.earlierComponents.includes(name)) {
        const earlier = ctx.earlierComponents.map((n) => JSON.stringify(n)).join(", ");
        throw new ComponentFieldError(
          `components[${i}]`,
          `expected a component that comes before this one in the plan (${earlier || "none does"}), got ${JSON.stringify(name)}`,
        );
      }
    });
    const minRank = input.qualification.minRank;
    return {
      components: [...input.components],
      rates: input.rates.map(ctx.rate),
      requireActive: input.qualification.active,
      minRank: minRank === undefined ? 0 : ctx.rankNumber(minRank, "qualification.minRank"),
    };
  },
  fast: matchingKernel,
  reference: matchingRule,
});
