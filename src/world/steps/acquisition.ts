/**
 * Step 6, customer acquisition: every current distributor, this period's
 * newcomers included, may acquire new customers; each places her first order
 * now. A distributor's count is Poisson with mean her role's acquisition rate
 * × her effort × the period's saturation × the period's length (months per
 * period); a mean of 0 (a consumer, a stopped member, a fade of 0) draws
 * nothing.
 *
 * The saturation is one number for the period, shared with recruiting: the
 * share of the market untouched at the start of the period, or the
 * `WorldStepInput.saturation` override (see stepWorld). (Until 0.1.0 it was
 * read live, then once after recruiting; it is now the same number for both
 * steps, so that a twin run given the base run's saturations sees exactly
 * the same means.)
 *
 * A new customer's identity key comes from her distributor's key, the period
 * and her rank among that distributor's new customers of the period; her
 * subscription value from her own key.
 *
 * Draws: (distributor's key, period, k = 0, 1, …) for the count; (customer's
 * key, 0, k) for her value. When the market runs out during the step,
 * distributors earlier in index order take the last prospects.
 *
 * @module
 */
import { poisson } from "../../random/stream.js";
import { pushOrder } from "../network.js";
import { ratesIndex } from "../roles.js";
import { acquireCustomer, type WorldState } from "../state.js";
import { appendAside, mergeAside } from "../customer-order.js";
import type { WorldStepInput } from "./input.js";

/** Adds this period's new customers and their first orders to the world and the tally. */
export function acquisition(world: WorldState, input: WorldStepInput): void {
  acquire(world, input);
  // Customers in distributor order: the new ones and the orphans set aside go to their places once they are an
  // eighth of all (a merge moves every customer); until then they wait in a tail at the end, in no order.
  if (world.customersByOwner) {
    const unsorted = world.customers - world.customersSorted + world.aside.count;
    if (unsorted * 8 > world.customers) mergeAside(world, world.customersSorted);
    else appendAside(world);
  }
}

function acquire(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const scale = world.monthsPerPeriod * world.saturationNow;
  if (scale === 0) return;
  const rates = world.scenario.people.acquisitionRate;
  const draws = world.draws.acquisition;
  const { tally, orderColumns: columns, role, effort, company, workers, keyHi, keyLo, customerCv } = world;
  const orders = tally.orders;
  const n = world.workerCount;
  let added = 0;
  let once = 0;
  let revenue = 0;
  let cvTotal = 0;
  // Only working members, newcomers included, can acquire (anyone else's mean is 0): the effort step's list, in
  // the current list's order. Member arrays held locally: no one joins now, so they are not replaced (customer arrays may be).
  for (let idx = 0; idx < n && world.prospectsLeft > 0; idx++) {
    const i = workers[idx]!;
    const mean = rates[ratesIndex(company, role, i)]! * effort[i]! * scale;
    if (mean === 0) continue;
    const k = poisson(draws.at(keyHi[i]!, keyLo[i]!, t), mean);
    for (let rank = 0; rank < k && world.prospectsLeft > 0; rank++) {
      const c = acquireCustomer(world, i, t, rank);
      const price = c < 0 ? world.drawn.price : world.customerPrice[c]!;
      const cv = c < 0 ? world.drawn.cv : world.customerCvEach[c]!;
      const qv = c < 0 ? world.drawn.qv : world.customerQvEach[c]!;
      const id = c < 0 ? world.drawn.id : world.customerId[c]!;
      if (c < 0) once += 1;
      customerCv[i]! += cv;
      if (world.hasQv) world.customerQv[i]! += qv;
      revenue += price;
      cvTotal += cv;
      added += 1;
      // Her first order: she is acquired this period.
      if (world.keepOrders) pushOrder(columns, i, id, t, price, cv, qv);
      orders?.push({ member: i, customer: id, price, cv, ...(world.hasQv ? { qv } : {}), customerJoin: t });
    }
  }
  tally.newCustomers += added;
  // Each new customer's first order (a one-time buyer's only one).
  tally.placed += added;
  tally.oneTimeSales += once;
  tally.revenueCustomers += revenue;
  tally.cv += cvTotal;
}
