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
 *   least `afterMonths` pay the step-down rates instead. "Months" are periods
 *   of the run: in a weekly run `afterMonths: 12` steps down after 12 weeks.
 *   The step-down is the plan's rule, not breakage: the headline of a stepped
 *   order is at the step-down rates.
 *
 * Breakage: a level-2 share of an order whose distributor has no upline, and,
 * with `requiresActive`, the share of an inactive level holder.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import { orderColumns } from "../../world/network.js";
import type { ComponentType, CompiledRate } from "../contract.js";

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
    /** Lower rates once a customer's tenure (in periods of the run) reaches `afterMonths`. */
    stepDown: z
      .object({
        /** Tenure, in periods since the customer's first order, from which the step-down rates apply. */
        afterMonths: z.number().int().min(1).max(10_000),
        /** Rates per level from then on; as many as `rates`. */
        rates: z.array(rateField()).min(1).max(2),
      })
      .strict()
      .optional(),
    /** Pay a level only to a distributor who is active this period (default: pay all). */
    requiresActive: z.boolean().default(false),
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
    // A first order is always at tenure 0, below any afterMonths: the step-down could never apply.
    if (value.mode === "firstOrder") {
      ctx.addIssue({ code: "custom", path: ["stepDown"], message: 'expected no stepDown with mode "firstOrder" (only first orders pay, at tenure 0)' });
    }
  });

/** Settings the reference engine reads. */
export interface AffiliateSettings {
  /** Level 1 first. */
  readonly rates: readonly CompiledRate[];
  readonly mode: "recurring" | "firstOrder";
  readonly basis: "price" | "cv";
  readonly stepDown?: { readonly afterMonths: number; readonly rates: readonly CompiledRate[] };
  readonly requiresActive: boolean;
}

/**
 * The affiliate component type (`type: "affiliate"`).
 *
 * @example
 * // SaaS two-tier affiliate: 25% of referred customers' subscriptions for as long as they stay, 5% to the referrer's upline.
 * { type: "affiliate", rates: ["0.25", "0.05"], mode: "recurring" }
 * // High-ticket single tier: 30% of a customer's first order, once.
 * { type: "affiliate", rates: ["0.30"], mode: "firstOrder" }
 */
export const affiliate: ComponentType<typeof schema> = {
  type: "affiliate",
  schema,
  rates: (input) => [...input.rates, ...(input.stepDown?.rates ?? [])],
  compile(input, rate) {
    const settings: AffiliateSettings = {
      rates: input.rates.map(rate),
      mode: input.mode,
      basis: input.basis,
      ...(input.stepDown ? { stepDown: { afterMonths: input.stepDown.afterMonths, rates: input.stepDown.rates.map(rate) } } : {}),
      requiresActive: input.requiresActive,
    };
    const twoLevels = settings.rates.length === 2;
    const r1 = settings.rates[0]!.units;
    const r2 = twoLevels ? settings.rates[1]!.units : 0;
    // Without a step-down, tenure never reaches afterMonths.
    const afterMonths = settings.stepDown ? settings.stepDown.afterMonths : Infinity;
    const s1 = settings.stepDown ? settings.stepDown.rates[0]!.units : 0;
    const s2 = settings.stepDown && twoLevels ? settings.stepDown.rates[1]!.units : 0;
    const headlineRates = BigInt(r1) + BigInt(r2);
    const headlineStepped = BigInt(s1) + BigInt(s2);
    const firstOnly = input.mode === "firstOrder";
    const onCv = input.basis === "cv";
    const all = !input.requiresActive;
    return {
      type: "affiliate",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "affiliate",
        name: input.name,
        accrue(p, amounts) {
          const { upline, period } = p.network;
          const o = orderColumns(p.network);
          const { orderCount, orderMember, orderCustomer, orderCustomerJoin } = o;
          const basis = onCv ? o.orderCv : o.orderPrice;
          const active = p.active;
          // The paying orders' basis, at the full and at the step-down rates: exact integer sums.
          let full = 0;
          let stepped = 0;
          for (let k = 0; k < orderCount; k++) {
            if (orderCustomer[k]! < 0) continue;
            const join = orderCustomerJoin[k]!;
            if (firstOnly && join !== period) continue;
            const v = basis[k]!;
            if (v === 0) continue;
            let a1 = r1;
            let a2 = r2;
            if (period - join >= afterMonths) {
              a1 = s1;
              a2 = s2;
              stepped += v;
            } else full += v;
            const j = orderMember[k]!;
            if (all || active[j] === 1) amounts[j]! += v * a1;
            if (twoLevels) {
              const u = upline[j]!;
              if (u >= 0 && (all || active[u] === 1)) amounts[u]! += v * a2;
            }
          }
          if (!(full + stepped <= Number.MAX_SAFE_INTEGER)) {
            throw new RangeError(`downline/engine: ${input.name}: the period's affiliate ${input.basis} ${full + stepped} is beyond exact range`);
          }
          // Headline: every level of every paying order paid, at the rates its tenure calls for.
          return BigInt(full) * headlineRates + BigInt(stepped) * headlineStepped;
        },
      },
    };
  },
};
