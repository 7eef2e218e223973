/**
 * Customer commission: a rate on the CV of orders by a distributor's personal
 * customers, paid to her (optionally only when she is active).
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { basisField } from "../../volume.js";
import { customerOrderIncome } from "../shared/customer-income.js";
import { activeQualification, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { customerCommissionKernel } from "./fast.js";
import { customerCommissionRule } from "./reference.js";
import type { CustomerCommissionSettings } from "./settings.js";
export type { CustomerCommissionSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("customerCommission"),
    name: componentName().optional(),
    /** Share of the customers' CV paid to their distributor. */
    rate: rateField(),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
    /** `active`: pay only distributors who are active this period (default: pay all). */
    qualification: activeQualification(false),
  })
  .strict();

/**
 * The customer-commission component type (`type: "customerCommission"`).
 *
 * @example
 * { type: "customerCommission", rate: "0.20" } // 20% of personal customers' CV
 */
export const customerCommission = defineComponent({
  type: "customerCommission",
  schema,
  renamed: [REQUIRES_ACTIVE_RENAMED],
  rates: (input) => [input.rate],
  compile: (input, ctx): CustomerCommissionSettings => ({ rate: ctx.rate(input.rate), basis: input.basis, requireActive: input.qualification.active }),
  fast: customerCommissionKernel,
  reference: customerCommissionRule,
  // Income: on her own customers' orders, a first order (the customer's acquisition period) active, a later one residual.
  income: (s, network, weights) => customerOrderIncome(network, s.basis, weights),
});
