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
 * `requiresActive` (a plan where the company handles the retail sale and pays
 * the margin as a commission only to qualified distributors) an inactive
 * distributor's margin is breakage. (Rounding each payee once may leave a few
 * cents of residue either way, as for every component.)
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import { orderColumns } from "../../world/network.js";
import type { ComponentType, CompiledRate } from "../contract.js";

const schema = z
  .object({
    type: z.literal("retailProfit"),
    name: componentName().optional(),
    /** The distributor's discount off the price: she buys at price × (1 − discount). */
    discount: rateField(),
    /** Pay only distributors who are active this period (default: pay all). */
    requiresActive: z.boolean().default(false),
  })
  .strict();

/** Settings the reference engine reads. */
export interface RetailProfitSettings {
  readonly discount: CompiledRate;
  readonly requiresActive: boolean;
}

/**
 * The retail-profit component type (`type: "retailProfit"`).
 *
 * @example
 * // Distributors buy at 75% of the retail price: 25% of each customer order's price is theirs.
 * { type: "retailProfit", discount: "0.25" }
 */
export const retailProfit: ComponentType<typeof schema> = {
  type: "retailProfit",
  schema,
  rates: (input) => [input.discount],
  compile(input, rate) {
    const settings: RetailProfitSettings = { discount: rate(input.discount), requiresActive: input.requiresActive };
    const units = settings.discount.units;
    const all = !input.requiresActive;
    return {
      type: "retailProfit",
      name: input.name,
      paidBy: "customer",
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "retailProfit",
        name: input.name,
        accrue(p, amounts) {
          const { orderCount, orderMember, orderCustomer, orderPrice } = orderColumns(p.network);
          const active = p.active;
          // Customers' spending this period: an exact integer sum.
          let sales = 0;
          for (let k = 0; k < orderCount; k++) {
            if (orderCustomer[k]! < 0) continue;
            const v = orderPrice[k]!;
            if (v === 0) continue;
            sales += v;
            const j = orderMember[k]!;
            if (all || active[j] === 1) amounts[j]! += v * units;
          }
          if (!(sales <= Number.MAX_SAFE_INTEGER)) {
            throw new RangeError(`downline/engine: ${input.name}: the period's customer sales ${sales} are beyond exact range`);
          }
          return BigInt(sales) * BigInt(units);
        },
      },
    };
  },
};
