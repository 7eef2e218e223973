/**
 * Affiliate tiers: a share of referred customers' orders, to 1 or 2 levels.
 *
 * Level 1 is the distributor credited with the customer's order (her referrer,
 * or whoever holds the customer after an orphan moved up); level 2 is that
 * distributor's current upline (her sponsor after roll-up of quitters), without
 * compression. Distributors' own orders pay nothing.
 *
 * - `mode: "recurring"` (residual): every order of the customer pays, for as
 *   long as she stays.
 * - `mode: "firstOrder"` (one-time, high-ticket): only the customer's first
 *   order pays, i.e. an order in the period she was acquired
 *   (`customerJoin === period`); her later orders pay nothing, and are not
 *   breakage either (the plan never promised them).
 * - `basis`: the sale price (default: affiliate programs pay on what the
 *   customer paid) or the order's CV.
 * - `stepDown`: orders of a customer whose tenure `period − customerJoin` is at
 *   least `afterPeriods` pay the step-down rates instead (periods of the run:
 *   in a weekly run `afterPeriods: 12` steps down after 12 weeks). The
 *   step-down is the plan's rule, not breakage: the headline of a stepped
 *   order is at the step-down rates.
 *
 * Breakage: a level-2 share of an order whose distributor has no upline, and,
 * with `qualification.active`, the share of an inactive level holder.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { activeQualification, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { affiliateKernel } from "./fast.js";
import { affiliateRule } from "./reference.js";
import { affiliateIncome } from "./income.js";
import type { AffiliateSettings } from "./settings.js";
export type { AffiliateSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("affiliate"),
    name: componentName().optional(),
    /** Rate per level: level 1 the distributor credited with the customer's order, level 2 her current upline. */
    rates: z.array(rateField()).min(1).max(2),
    /** `"recurring"`: every order while the customer stays; `"firstOrder"`: her first order only. */
    mode: z.enum(["recurring", "firstOrder"]).default("recurring"),
    /** What the rates apply to: the order's price (default) or its CV. */
    basis: z.enum(["price", "cv"]).default("price"),
    /** Lower rates once a customer's tenure (in periods of the run) reaches `afterPeriods`. */
    stepDown: z
      .object({
        /** Tenure, in periods since the customer's first order, from which the step-down rates apply. */
        afterPeriods: z.number().int().min(1).max(10_000),
        /** Rates per level from then on; as many as `rates`. */
        rates: z.array(rateField()).min(1).max(2),
      })
      .strict()
      .optional(),
    /** `active`: pay a level only to a distributor who is active this period (default: pay all). */
    qualification: activeQualification(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    const step = value.stepDown;
    if (!step || !Array.isArray(value.rates) || !Array.isArray(step.rates)) return;
    // An empty list is reported by its own check.
    if (step.rates.length > 0 && step.rates.length !== value.rates.length) {
      ctx.addIssue({
        code: "custom",
        path: ["stepDown", "rates"],
        message: `expected as many step-down rates as rates (${value.rates.length}), got ${step.rates.length}`,
      });
    }
    // A first order is always at tenure 0, below any afterPeriods: the step-down could never apply.
    if (value.mode === "firstOrder") {
      ctx.addIssue({ code: "custom", path: ["stepDown"], message: 'expected no stepDown with mode "firstOrder" (only first orders pay, at tenure 0)' });
    }
  });

/**
 * The affiliate component type (`type: "affiliate"`).
 *
 * @example
 * // SaaS two-tier affiliate: 25% of referred customers' subscriptions for as long as they stay, 5% to the referrer's upline.
 * { type: "affiliate", rates: ["0.25", "0.05"], mode: "recurring" }
 * // High-ticket single tier: 30% of a customer's first order, once.
 * { type: "affiliate", rates: ["0.30"], mode: "firstOrder" }
 */
export const affiliate = defineComponent({
  type: "affiliate",
  schema,
  renamed: [REQUIRES_ACTIVE_RENAMED, { from: "stepDown.afterMonths", to: "stepDown.afterPeriods", until: "0.2" }],
  rates: (input) => [...input.rates, ...(input.stepDown?.rates ?? [])],
  compile(input, ctx): AffiliateSettings {
    const settings = { rates: input.rates.map(ctx.rate), mode: input.mode, basis: input.basis, requireActive: input.qualification.active };
    if (!input.stepDown) return settings;
    return { ...settings, stepDown: { afterPeriods: input.stepDown.afterPeriods, rates: input.stepDown.rates.map(ctx.rate) } };
  },
  fast: affiliateKernel,
  reference: affiliateRule,
  // Income: level 1 on her own customers (first orders active, later ones residual), level 2 leveraged (income.ts).
  income: affiliateIncome,
});
