/**
 * Step 4, existing customers, in one pass over them: orphans (a quitter's
 * customers, keeping their keys, move to her nearest remaining upline —
 * `moveUp` — or to her nearest upline who is working this period, else her
 * nearest remaining upline — `moveUpToWorking`, a walk up the current
 * uplines — or are lost — `churn`), churn (the hazard of the tenure month
 * just completed; a stopped member's customers churn like anyone's), and
 * renewals (monthly subscriptions: every month; in weeks, in the week a new
 * month of tenure starts). Survivors are compacted in place, in order.
 *
 * Draw: one per customer with a distributor, keyed by (her key, period).
 *
 * @module
 */
import { keyedUniform } from "../../random/keyed.js";
import { pushOrder } from "../network.js";
import type { WorldState } from "../state.js";
import { ratesIndex } from "../roles.js";
import { hazardAt, renews } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Moves orphans, churns, renews; adds the renewals' orders and the lost customers to the tally. */
export function existingCustomers(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const { customerOwner, customerJoin, customerPrice, customerCvEach, customerId, customerKeyHi, customerKeyLo, alive, upline, customerCount, customerCv } = world;
  const { churnHazard, monthsPerPeriod, orderColumns: columns, tally, effort, role } = world;
  const orders = tally.orders;
  const key = world.keys.churn;
  const orphans = world.scenario.spec.customers.orphans;
  const moveUp = orphans !== "churn";
  const toWorking = orphans === "moveUpToWorking";
  // Weekly-billed subscriptions (weekly periods only) renew every period.
  const everyPeriod = world.scenario.spec.customers.renewEvery === "week";
  const { recruits, acquires } = world.scenario.people;
  let revenue = 0;
  let cvTotal = 0;
  let lost = 0;
  let write = 0;
  for (let c = 0; c < world.customers; c++) {
    let owner = customerOwner[c]!;
    if (alive[owner] === 0) {
      customerCount[owner]! -= 1;
      owner = moveUp ? upline[owner]! : -1;
      if (toWorking) {
        // The uplines of current members are current (rolled up): the walk stays among them.
        let p = owner;
        while (p >= 0 && !(effort[p]! > 0 && (recruits[ratesIndex(world.company, role, p)] === 1 || acquires[ratesIndex(world.company, role, p)] === 1))) p = upline[p]!;
        if (p >= 0) owner = p;
      }
      if (owner >= 0) customerCount[owner]! += 1;
    }
    const join = customerJoin[c]!;
    const hi = customerKeyHi[c]!;
    const lo = customerKeyLo[c]!;
    // Tenure ≥ 1: she was acquired before this period.
    const tenure = t - join;
    if (owner < 0 || keyedUniform(key, hi, lo, t, 0) < hazardAt(churnHazard, tenure, monthsPerPeriod)) {
      if (owner >= 0) customerCount[owner]! -= 1;
      lost += 1;
      continue;
    }
    const price = customerPrice[c]!;
    const cv = customerCvEach[c]!;
    const qv = world.customerQvEach[c]!;
    const id = customerId[c]!;
    customerOwner[write] = owner;
    customerJoin[write] = join;
    customerPrice[write] = price;
    customerCvEach[write] = cv;
    world.customerQvEach[write] = qv;
    customerId[write] = id;
    customerKeyHi[write] = hi;
    customerKeyLo[write] = lo;
    write += 1;
    if (everyPeriod || renews(tenure, monthsPerPeriod)) {
      customerCv[owner]! += cv;
      world.customerQv[owner]! += qv;
      revenue += price;
      cvTotal += cv;
      pushOrder(columns, owner, id, join, price, cv, qv);
      orders?.push({ member: owner, customer: id, price, cv, ...(world.hasQv ? { qv } : {}), customerJoin: join });
    }
  }
  world.customers = write;
  tally.lostCustomers += lost;
  tally.revenueCustomers += revenue;
  tally.cv += cvTotal;
}
