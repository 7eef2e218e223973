/**
 * Customer commission: a rate on the CV of orders by a distributor's personal
 * customers, paid to her (optionally only when she is active).
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import type { ComponentType, CompiledRate } from "../contract.js";

const schema = z
  .object({
    type: z.literal("customerCommission"),
    name: componentName().optional(),
    /** Share of the customers' CV paid to their distributor. */
    rate: rateField(),
    /** Pay only distributors who are active this period (default: pay all). */
    requiresActive: z.boolean().default(false),
  })
  .strict();

/** Settings the reference engine reads. */
export interface CustomerCommissionSettings {
  readonly rate: CompiledRate;
  readonly requiresActive: boolean;
}

export const customerCommission: ComponentType<typeof schema> = {
  type: "customerCommission",
  schema,
  rates: (input) => [input.rate],
  compile(input, rate) {
    const settings: CustomerCommissionSettings = { rate: rate(input.rate), requiresActive: input.requiresActive };
    const units = settings.rate.units;
    return {
      type: "customerCommission",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "customerCommission",
        name: input.name,
        accrue(p, amounts) {
          const { members, memberCount, customerCv } = p.network;
          const active = p.active;
          const all = !input.requiresActive;
          for (let idx = 0; idx < memberCount; idx++) {
            const i = members[idx]!;
            const v = customerCv[i]!;
            if (v !== 0 && (all || active[i] === 1)) amounts[i]! += v * units;
          }
          return BigInt(p.customerCvTotal) * BigInt(units);
        },
      },
    };
  },
};
