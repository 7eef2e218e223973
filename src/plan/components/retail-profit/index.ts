/**
 * Retail profit: the margin a distributor makes on her customers' orders. She
 * buys at `price × (1 − discount)` and sells at `price`, so each order by one of
 * her personal customers earns her `price × discount`. Her own orders earn
 * nothing (what she buys for herself at a discount is a saving, not income).
 *
 * Retail profit is paid by the customer, not by the company: the company
 * receives the wholesale price, and the difference never passes through its
 * books. The engines still report it as a component (so it appears in the
 * ledger as the distributor's income and in her earnings), because it is what
 * the plan promises her; it is marked `paidBy: "customer"`, so period rows
 * report it as `customerPaid`, apart from the company's `payout`, and caps
 * neither count nor scale it.
 *
 * Its headline is what it pays: there is no breakage, except that with
 * `qualification.active` (a plan where the company handles the retail sale and pays
 * the margin as a commission only to qualified distributors) an inactive
 * distributor's margin is breakage. (Rounding each payee once may leave a few
 * cents of residue either way, as for every component.)
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { customerOrderIncome } from "../shared/customer-income.js";
import { activeQualification, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { retailProfitKernel } from "./fast.js";
import { retailProfitRule } from "./reference.js";
import type { RetailProfitSettings } from "./settings.js";
export type { RetailProfitSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("retailProfit"),
    name: componentName().optional(),
    /** The distributor's discount off the price: she buys at price × (1 − discount). */
    discount: rateField(),
    /** `active`: pay only distributors who are active this period (default: pay all). */
    qualification: activeQualification(false),
  })
  .strict();

/**
 * The retail-profit component type (`type: "retailProfit"`).
 *
 * @example
 * // Distributors buy at 75% of the retail price: 25% of each customer order's price is theirs.
 * { type: "retailProfit", discount: "0.25" }
 */
export const retailProfit = defineComponent({
  type: "retailProfit",
  schema,
  paidBy: "customer",
  renamed: [REQUIRES_ACTIVE_RENAMED],
  rates: (input) => [input.discount],
  compile: (input, ctx): RetailProfitSettings => ({ discount: ctx.rate(input.discount), requireActive: input.qualification.active }),
  fast: retailProfitKernel,
  reference: retailProfitRule,
  // Income: on her own customers' orders, a first order (the customer's acquisition period) active, a later one residual.
  income: (_s, network, weights) => customerOrderIncome(network, "price", weights),
});
