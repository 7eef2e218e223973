/**
 * Income weights of a rule that pays a member on her personal customers'
 * orders at one rate (customer commission, retail profit): a customer's
 * order in the period she was acquired (`customerJoin === period`, her first
 * order) weighs as active income, a later order (a renewal) as residual.
 * Distributors' own orders weigh nothing: these rules pay nothing on them.
 *
 * @module
 */
import { orderColumns, type PeriodNetwork } from "../../../world/network.js";
import type { IncomeWeights } from "../../contract.js";

/**
 * Adds each customer order's `basis` (its price, CV or QV; minor units) to
 * the weights of the member credited with it: active for a first order,
 * residual for a renewal. One pass over the period's orders.
 *
 * @example
 * // A new customer's 100.00 CV and a renewing one's 50.00 CV, both of member 0:
 * customerOrderIncome(network, "cv", weights); // weights.active[0] => 10000, weights.residual[0] => 5000
 */
export function customerOrderIncome(network: PeriodNetwork, basis: "price" | "cv" | "qv", weights: IncomeWeights): void {
  const o = orderColumns(network);
  const values = basis === "price" ? o.orderPrice : basis === "qv" ? (o.orderQv ?? o.orderCv) : o.orderCv;
  const { orderCount, orderCustomer, orderCustomerJoin, orderMember } = o;
  const { period } = network;
  const { active, residual } = weights;
  for (let k = 0; k < orderCount; k++) {
    if (orderCustomer[k]! < 0) continue;
    const v = values[k]!;
    if (v === 0) continue;
    if (orderCustomerJoin[k] === period) active[orderMember[k]!]! += v;
    else residual[orderMember[k]!]! += v;
  }
}
