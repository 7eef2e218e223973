/**
 * The per-order columns of a period network: the world fills them every period
 * (the same orders as its records, with each customer's acquisition period),
 * networkFromRecords fills them from its records, and a network assembled by
 * hand from volumes reads as one own and one customer order per member.
 */
import { describe, expect, it } from "vitest";
import { createWorld, networkFromRecords, stepWorld, type PeriodNetwork, type ScenarioInput } from "../../src/index.js";
import { orderColumns } from "../../src/world/network.js";
import { legacyRoles } from "./legacy.js";

const SMALL: ScenarioInput = {
  months: 6,
  start: { founders: 1, network: { distributors: 300, customersPerDistributor: 1.5 } },
  market: { prospects: 5_000 },
  distributors: legacyRoles({ acquisitionRate: 0.3 }),
};

/** The columns as records. */
function rows(n: PeriodNetwork) {
  const o = orderColumns(n);
  return Array.from({ length: o.orderCount }, (_, k) => ({
    member: o.orderMember[k]!,
    customer: o.orderCustomer[k]!,
    price: o.orderPrice[k]!,
    cv: o.orderCv[k]!,
    customerJoin: o.orderCustomerJoin[k]!,
  }));
}

describe("the world's order columns", () => {
  it.each(["month", "week"] as const)("hold the same orders as its records, period after period (%sly)", (period) => {
    const world = createWorld({ ...SMALL, period }, { seed: 3, recordOrders: true });
    let firstOrders = 0;
    let renewals = 0;
    for (let t = 0; t < 10; t++) {
      const { network, stats } = stepWorld(world);
      expect(network.orderCount).toBe(stats.orders);
      expect(rows(network)).toEqual(network.orders);
      const own = new Float64Array(network.size);
      const customers = new Float64Array(network.size);
      let newCustomers = 0;
      for (const o of rows(network)) {
        if (o.customer < 0) {
          // An own order: the distributor's join period.
          expect(o.customerJoin).toBe(network.joinPeriod[o.member]);
          own[o.member]! += o.cv;
        } else {
          // A customer was acquired no later than now; acquired now = her first order.
          expect(o.customerJoin).toBeLessThanOrEqual(t);
          if (o.customerJoin === t) newCustomers += 1;
          else renewals += 1;
          customers[o.member]! += o.cv;
        }
      }
      expect(newCustomers).toBe(stats.newCustomers);
      firstOrders += newCustomers;
      expect(Array.from(own)).toEqual(Array.from(network.ownCv.subarray(0, network.size)));
      expect(Array.from(customers)).toEqual(Array.from(network.customerCv.subarray(0, network.size)));
    }
    expect(firstOrders).toBeGreaterThan(0);
    expect(renewals).toBeGreaterThan(0);
  });

  it("are filled without records too, reusing the world's arrays", () => {
    const recorded = createWorld(SMALL, { seed: 5, recordOrders: true });
    const lean = createWorld(SMALL, { seed: 5 });
    for (let t = 0; t < 6; t++) {
      const a = stepWorld(recorded).network;
      const b = stepWorld(lean).network;
      expect(b.orders).toBeUndefined();
      expect(rows(b)).toEqual(rows(a));
      expect(b.orderMember).toBe(lean.orderColumns.orderMember);
    }
  });

  it("a customer's acquisition period stays with her: first order now, renewals later carry the same period", () => {
    const world = createWorld({ ...SMALL, months: 4 }, { seed: 9, recordOrders: true });
    const joined = new Map<number, number>();
    for (let t = 0; t < 4; t++) {
      for (const o of stepWorld(world).network.orders!) {
        if (o.customer < 0) continue;
        const seen = joined.get(o.customer);
        if (seen === undefined) joined.set(o.customer, o.customerJoin!);
        else expect(o.customerJoin).toBe(seen);
      }
    }
  });
});

describe("networkFromRecords fills the order columns", () => {
  it("in record order, defaulting a customer's join period to the period and an own order's to the member's join", () => {
    const net = networkFromRecords({
      uplines: [-1, 0],
      joinPeriods: [-5, 2],
      period: 4,
      orders: [
        { member: 1, customer: 7, price: 50_00, cv: 40_00, customerJoin: 1 },
        { member: 1, customer: 8, price: 30_00, cv: 30_00 },
        { member: 0, customer: -1, price: 100_00, cv: 90_00 },
      ],
    });
    expect(net.orderCount).toBe(3);
    expect(rows(net)).toEqual([
      { member: 1, customer: 7, price: 50_00, cv: 40_00, customerJoin: 1 },
      { member: 1, customer: 8, price: 30_00, cv: 30_00, customerJoin: 4 },
      { member: 0, customer: -1, price: 100_00, cv: 90_00, customerJoin: -5 },
    ]);
    // The records carry the filled-in join period too.
    expect(net.orders).toEqual(rows(net));
    expect(net.customerCv[1]).toBe(70_00);
    expect(net.ownCv[0]).toBe(90_00);
  });

  it.each([
    ["a customer acquired after the period", { member: 0, customer: 1, price: 1, cv: 1, customerJoin: 3 }, /customerJoin: expected a whole period no later than 2, got 3/],
    ["a fractional join period", { member: 0, customer: 1, price: 1, cv: 1, customerJoin: 1.5 }, /customerJoin/],
    ["a customer id below -1", { member: 0, customer: -2, price: 1, cv: 1 }, /customer: expected -1 or a customer id/],
  ])("rejects %s", (_what, order, message) => {
    expect(() => networkFromRecords({ uplines: [-1], period: 2, orders: [order] })).toThrow(message);
  });
});

describe("a network assembled by hand from volumes", () => {
  it("reads as one own and one customer order per member (a new customer), price = CV", () => {
    const net: PeriodNetwork = {
      period: 3,
      size: 2,
      upline: Int32Array.from([-1, 0]),
      alive: Uint8Array.from([1, 1]),
      members: Int32Array.from([0, 1]),
      memberCount: 2,
      joinPeriod: Int32Array.from([-2, 1]),
      ownCv: Float64Array.from([100_00, 0]),
      customerCv: Float64Array.from([0, 25_00]),
    };
    expect(rows(net)).toEqual([
      { member: 0, customer: -1, price: 100_00, cv: 100_00, customerJoin: -2 },
      { member: 1, customer: 1, price: 25_00, cv: 25_00, customerJoin: 3 },
    ]);
  });
});
