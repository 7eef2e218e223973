/**
 * Step 7, distributors' own orders (autoship): on each renewal period of her
 * tenure (every month; in weeks, when a new month of tenure starts), a current
 * distributor orders with the scenario's probability, at a value drawn from
 * the distributors' value distribution — whatever her role and effort (a
 * consumer buys for herself), unless she has stopped under a rule with
 * `ownOrder: "stop"`.
 *
 * Draws: (her key, period, 0) for whether she orders, (her key, period, 1, …)
 * for the value (and with it the product's CV and QV, when listed).
 *
 * @module
 */
import { pushOrder } from "../network.js";
import { STOP_OWN_ORDER } from "../people.js";
import { drawOrder, type WorldState } from "../state.js";
import { renews } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Adds this period's own orders to the members' own CV and spend, the order columns and the tally. */
export function ownOrders(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const p = world.scenario.spec.distributors.orderProbability;
  const value = world.scenario.distributorValue;
  const draws = world.draws.orders;
  const { current, joinPeriod, keyHi, keyLo, ownCv, ownSpend, monthsPerPeriod, tally, orderColumns: columns, stopPeriod, stopFlags } = world;
  const orders = tally.orders;
  let revenue = 0;
  let cvTotal = 0;
  let placed = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    const join = joinPeriod[i]!;
    if (!renews(t - join, monthsPerPeriod)) continue;
    if (t >= stopPeriod[i]! && (stopFlags[i]! & STOP_OWN_ORDER) !== 0) continue;
    const rand = draws.at(keyHi[i]!, keyLo[i]!, t);
    if (rand() >= p) continue;
    const price = drawOrder(world, value, rand);
    const { cv, qv } = world.drawn;
    ownCv[i]! += cv;
    if (world.hasQv) world.ownQv[i]! += qv;
    ownSpend[i]! += price;
    revenue += price;
    cvTotal += cv;
    placed += 1;
    if (world.keepOrders) pushOrder(columns, i, -1, join, price, cv, qv);
    orders?.push({ member: i, customer: -1, price, cv, ...(world.hasQv ? { qv } : {}), customerJoin: join });
  }
  tally.revenueDistributors += revenue;
  tally.placed += placed;
  tally.cv += cvTotal;
}
