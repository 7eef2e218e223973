/**
 * Random small networks whose orders carry what customer-order components
 * read: a price apart from the CV, and the period each customer was acquired
 * (`customerJoin`, often the current period: a first order). Also random small
 * simulated worlds, whose order columns and records both engines read.
 */
import fc from "fast-check";
import { expect } from "vitest";
import {
  compilePlan,
  createFastEngine,
  createReferenceEngine,
  createWorld,
  stepWorld,
  type AnyComponentType,
  type OrderRecord,
  type PeriodNetwork,
  type PeriodPayout,
  type PlanInput,
  type ScenarioInput,
} from "../../src/index.js";
import { expectInvariants, expectWorldStepInvariants } from "./invariants.js";

/** One period as `networkFromRecords` takes it. */
export interface CustomerOrdersNetwork {
  readonly period: number;
  readonly uplines: number[];
  readonly alive: boolean[];
  readonly joinPeriods: number[];
  readonly orders: OrderRecord[];
}

/** Minor units: any cents, multiples of 10 cents (frequent half-cent ties), or a tie-maker. */
const amountArb = fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 3000 }).map((x) => x * 10), fc.constant(1010));

/**
 * A network of up to `maxMembers` members in a random period 0–20: some quit
 * (their downline rolled up to the nearest current upline), only current members
 * order; customers' orders are renewals of customers acquired up to 15 periods
 * earlier, first orders (`customerJoin` = the period), or records without
 * `customerJoin` (a new customer by default).
 */
export function customerOrdersArb(maxMembers = 30): fc.Arbitrary<CustomerOrdersNetwork> {
  return fc.record({ size: fc.integer({ min: 1, max: maxMembers }), period: fc.integer({ min: 0, max: 20 }) }).chain(({ size, period }) =>
    fc
      .record({
        sponsors: fc.tuple(
          ...Array.from({ length: size }, (_, i) =>
            i === 0 ? fc.constant(-1) : fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 9, arbitrary: fc.integer({ min: 0, max: i - 1 }) }),
          ),
        ),
        alive: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { minLength: size, maxLength: size }),
        joins: fc.array(fc.integer({ min: period - 20, max: period }), { minLength: size, maxLength: size }),
        orders: fc.array(
          fc.record({
            member: fc.nat(),
            customer: fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }) }),
            price: amountArb,
            cv: fc.oneof(amountArb, fc.constant(null)),
            customerJoin: fc.oneof(fc.constant(undefined), fc.constant(period), fc.integer({ min: period - 15, max: period })),
          }),
          { maxLength: 60 },
        ),
      })
      .map(({ sponsors, alive, joins, orders }) => {
        const uplines: number[] = [];
        for (let i = 0; i < size; i++) {
          const s = sponsors[i]!;
          // Her sponsor's entry is already rolled up to a current member (or -1).
          uplines.push(s >= 0 && !alive[s] ? uplines[s]! : s);
        }
        const joinPeriods = [...joins].sort((a, b) => a - b);
        const current = alive.flatMap((a, i) => (a ? [i] : []));
        const records: OrderRecord[] =
          current.length === 0
            ? []
            : orders.map((o) => ({
                member: current[o.member % current.length]!,
                customer: o.customer,
                price: o.price,
                // CV: often the price itself, otherwise its own amount.
                cv: o.cv ?? o.price,
                ...(o.customerJoin === undefined ? {} : { customerJoin: o.customerJoin }),
              }));
        return { period, uplines, alive, joinPeriods, orders: records };
      }),
  );
}

/** A rate with 0–6 decimals in [0, 1], as a string or a number. */
export const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constantFrom("0", "1", "0.5", "0.05", "0.125", "0.25", "0.3"),
);

/** Plan-level settings: rounding and the activity threshold (in currency units). */
export const planBaseArb = fc.record({
  rounding: fc.constantFrom("halfEven", "halfUp", "down"),
  minPv: fc.oneof(fc.constantFrom("0", "50", "100"), fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2))),
});

/** A small simulated world: monthly or weekly, a generated network with customers, new customers every period. */
export const scenarioArb = fc
  .record({
    months: fc.integer({ min: 1, max: 4 }),
    period: fc.constantFrom("month", "week"),
    distributors: fc.integer({ min: 2, max: 40 }),
    customersPerDistributor: fc.constantFrom(0.5, 1, 2),
    acquisitionRate: fc.constantFrom(0.2, 0.5, 1),
    orphans: fc.constantFrom("moveUp", "churn"),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(
    (s) =>
      ({
        seed: s.seed,
        scenario: {
          months: s.months,
          period: s.period,
          start: { founders: 1, network: { distributors: s.distributors, customersPerDistributor: s.customersPerDistributor } },
          market: { prospects: 400 },
          customers: { orphans: s.orphans },
          // Every role acquires, at the one rate (as before roles): new customers every period.
          distributors: {
            roles: {
              consumer: { acquisitionRate: s.acquisitionRate },
              seller: { acquisitionRate: s.acquisitionRate },
              builder: { acquisitionRate: s.acquisitionRate },
            },
          },
        } as ScenarioInput,
      }) as const,
  );

/** Each period of a world run with order records, as the world hands it over (columns and records). */
export function worldPeriods(scenario: ScenarioInput, seed: number): PeriodNetwork[] {
  const world = createWorld(scenario, { seed, recordOrders: true });
  const out: PeriodNetwork[] = [];
  // The world reuses its arrays from period to period: keep a copy of each.
  for (let t = 0; t < world.scenario.periods; t++) {
    const before = { size: world.size, current: world.currentCount, customers: world.customers };
    const { network, stats } = stepWorld(world);
    // Members and customers conserved, every orphan accounted for.
    expectWorldStepInvariants(world, before, stats);
    out.push(copyNetwork(network));
  }
  return out;
}

function copyNetwork(n: PeriodNetwork): PeriodNetwork {
  return {
    ...n,
    upline: n.upline.slice(0, n.size),
    alive: n.alive.slice(0, n.size),
    members: n.members.slice(0, n.memberCount),
    joinPeriod: n.joinPeriod.slice(0, n.size),
    ownCv: n.ownCv.slice(0, n.size),
    customerCv: n.customerCv.slice(0, n.size),
    orderMember: n.orderMember!.slice(0, n.orderCount),
    orderCustomer: n.orderCustomer!.slice(0, n.orderCount),
    orderCustomerJoin: n.orderCustomerJoin!.slice(0, n.orderCount),
    orderPrice: n.orderPrice!.slice(0, n.orderCount),
    orderCv: n.orderCv!.slice(0, n.orderCount),
  };
}

/** The two engines' payouts of one period are equal to the cent: totals, breakage, every member's amount. */
export function expectAgreement(f: PeriodPayout, r: PeriodPayout): void {
  expect(f.paid).toEqual(r.paid);
  expect(f.breakage).toEqual(r.breakage);
  for (let k = 0; k < f.amounts.length; k++) {
    expect(Array.from(f.amounts[k]!.subarray(0, f.size))).toEqual(Array.from(r.amounts[k]!.subarray(0, r.size)));
  }
}

/**
 * Pays a simulated world period after period on the fast engine and on two
 * reference engines, one reading the order records and one the order columns,
 * and requires all three to agree each period.
 */
export function expectWorldAgreement(
  plan: PlanInput,
  options: { components: readonly AnyComponentType[] },
  scenario: ScenarioInput,
  seed: number,
): void {
  const fast = createFastEngine(compilePlan(plan, options));
  const fromRecords = createReferenceEngine(compilePlan(plan, options));
  const fromColumns = createReferenceEngine(compilePlan(plan, options));
  for (const network of worldPeriods(scenario, seed)) {
    const f = fast.pay(network);
    const r = fromRecords.pay(network);
    expectInvariants(network, fast.plan, f, r);
    expectAgreement(f, r);
    expectAgreement(f, fromColumns.pay({ ...network, orders: undefined }));
  }
}
