/**
 * Step 4, existing customers, in one pass over them: orphans (a quitter's
 * customers, keeping their keys, move to her nearest remaining upline —
 * `moveUp` — or to her nearest upline who is working this period, else her
 * nearest remaining upline — `moveUpToWorking`, a walk up the current
 * uplines — or are lost — `churn`), churn (the hazard of the tenure month
 * just completed; a stopped member's customers churn like anyone's), and
 * renewals (monthly subscriptions: every month; in weeks, in the week a new
 * month of tenure starts; weekly-billed ones, `renewEvery: "week"`, every
 * period). Survivors are compacted in place, in order.
 *
 * Draw: one per customer with a distributor, keyed by (her key, period).
 *
 * @module
 */
import { keyedUniform } from "../../random/keyed.js";
import type { WorldState } from "../state.js";
import { growOrderColumns } from "../network.js";
import { setAside } from "../customer-order.js";
import { ratesIndex } from "../roles.js";
import { tenureMonth } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Moves orphans, churns, renews; adds the renewals' orders and the lost customers to the tally. */
export function existingCustomers(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const { customerOwner, customerJoin, customerPrice, customerCvEach, customerQvEach, customerId, customerKeyHi, customerKeyLo } = world;
  const { alive, upline, customerCount, customerCv, customerQv, hasQv } = world;
  const { churnHazard, monthsPerPeriod, tally, effort, role } = world;
  const orders = tally.orders;
  const key = world.keys.churn;
  const orphans = world.scenario.spec.customers.orphans;
  const moveUp = orphans !== "churn";
  const toWorking = orphans === "moveUpToWorking";
  // Weekly-billed subscriptions (weekly periods only) renew every period.
  const everyPeriod = world.scenario.spec.customers.renewEvery === "week";
  const { recruits, acquires } = world.scenario.people;
  const monthly = monthsPerPeriod === 1;
  const lastMonth = churnHazard.length - 1;
  // The order columns, made room for every renewal at once (at most one per customer), then written in place.
  const columns = world.orderColumns;
  const keep = world.keepOrders;
  let k = columns.orderCount;
  if (keep && k + world.customers > columns.orderMember.length) growOrderColumns(columns, k + world.customers);
  const { orderMember, orderCustomer, orderCustomerJoin, orderPrice, orderCv, orderQv, orderPackage } = columns;
  let revenue = 0;
  let cvTotal = 0;
  let lost = 0;
  let renewed = 0;
  let write = 0;
  const n = world.customers;
  // In distributor order (see customer-order.ts), an orphan who stays is set aside: her new distributor comes earlier.
  const byOwner = world.customersByOwner;
  // Where the customers in distributor order end once survivors are compacted (the rest: an unsorted tail).
  const sorted = world.customersSorted;
  let sortedEnd = write;
  for (let c = 0; c < n; c++) {
    if (c === sorted) sortedEnd = write;
    let owner = customerOwner[c]!;
    let moved = false;
    if (alive[owner] === 0) {
      moved = true;
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
    // Tenure ≥ 1: she was acquired before this period. Her hazard is that of the tenure month just completed (hazardAt).
    const tenure = t - join;
    const month = monthly ? tenure - 1 : tenureMonth(tenure - 1, monthsPerPeriod);
    if (owner < 0 || keyedUniform(key, hi, lo, t, 0) < churnHazard[month < lastMonth ? month : lastMonth]!) {
      if (owner >= 0) customerCount[owner]! -= 1;
      lost += 1;
      continue;
    }
    const price = customerPrice[c]!;
    const cv = customerCvEach[c]!;
    const qv = customerQvEach[c]!;
    const id = customerId[c]!;
    if (moved && byOwner) setAside(world, owner, id, join, price, cv, qv, hi, lo);
    else if (write !== c) {
      customerOwner[write] = owner;
      customerJoin[write] = join;
      customerPrice[write] = price;
      customerCvEach[write] = cv;
      if (hasQv) customerQvEach[write] = qv;
      customerId[write] = id;
      customerKeyHi[write] = hi;
      customerKeyLo[write] = lo;
      write += 1;
    } else {
      customerOwner[write] = owner;
      write += 1;
    }
    // Renewal (tenure.ts, renews): weekly-billed every period; monthly every month, in weeks in the week a new month of tenure starts.
    if (everyPeriod || monthly || tenureMonth(tenure, monthsPerPeriod) !== tenureMonth(tenure - 1, monthsPerPeriod)) {
      customerCv[owner]! += cv;
      if (hasQv) customerQv[owner]! += qv;
      revenue += price;
      cvTotal += cv;
      renewed += 1;
      if (keep) {
        orderMember[k] = owner;
        orderCustomer[k] = id;
        orderCustomerJoin[k] = join;
        orderPrice[k] = price;
        orderCv[k] = cv;
        orderQv[k] = qv;
        orderPackage[k] = 0;
        k += 1;
      }
      orders?.push({ member: owner, customer: id, price, cv, ...(world.hasQv ? { qv } : {}), customerJoin: join });
    }
  }
  if (keep) columns.orderCount = k;
  world.customers = write;
  world.customersSorted = sorted < n ? sortedEnd : write;
  tally.lostCustomers += lost;
  tally.placed += renewed;
  tally.revenueCustomers += revenue;
  tally.cv += cvTotal;
}
