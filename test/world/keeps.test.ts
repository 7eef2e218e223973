/**
 * What a world keeps for its readers (`WorldKeeps`): a world without order
 * columns (customers kept in distributor order, see customer-order.ts) and
 * one with a spare set of per-period arrays on shared memory (the two-thread
 * runner's) step exactly as a world that keeps everything — the same counts
 * and the same volumes every period — with the world's business features
 * (company rates, one-time buyers, weekly billing, orphans moved up, QV of
 * their own) switched on.
 */
import { describe, expect, it } from "vitest";
import { createWorld, stepWorld, type ScenarioInput, type World } from "../../src/index.js";
import { createWorldWith } from "../../src/world/world.js";

const BASE: ScenarioInput = {
  months: 10,
  start: { founders: 2, network: { distributors: 600, customersPerDistributor: 2 }, company: { acquisitionRate: 12, recruitRate: 1.5 } },
  market: { prospects: 30_000 },
  customers: {
    orphans: "moveUpToWorking",
    orderValue: { kind: "fixed", value: "40.00" },
    oneTime: { share: 0.4, orderValue: { kind: "choice", values: ["197.00", "497.00"], cv: ["150.00", "400.00"], qv: ["100.00", "300.00"], weights: [3, 1] } },
  },
  stopping: [{ kind: "tenure", share: 0.3, atMonth: 3 }],
};

/** Everything a payout reads of a period, as plain arrays. */
function period(world: World) {
  const { network, stats } = stepWorld(world);
  const n = network.size;
  const of = (a: ArrayLike<number> | undefined) => (a === undefined ? null : Array.from(a as Float64Array).slice(0, n));
  return {
    stats,
    members: Array.from(network.members.subarray(0, network.memberCount)),
    upline: of(network.upline),
    ownCv: of(network.ownCv),
    customerCv: of(network.customerCv),
    ownQv: of(network.ownQv),
    customerQv: of(network.customerQv),
    customerCount: Array.from(world.customerCount.subarray(0, n)),
    customers: world.customers,
  };
}

describe("a world that keeps less steps the same", () => {
  it.each([
    ["monthly, one-time buyers with QV of their own", BASE],
    ["weekly billing", { ...BASE, months: 3, period: "week", customers: { ...BASE.customers, renewEvery: "week" } } as ScenarioInput],
    ["orphans churn, no one-time buyers", { ...BASE, customers: { orphans: "churn" } } as ScenarioInput],
  ])("%s: without order columns, and with a spare set on shared memory", (_name, scenario) => {
    const all = createWorld(scenario, { seed: 21 });
    const bare = createWorldWith(scenario, { seed: 21 }, { orders: false });
    const spare = createWorldWith(scenario, { seed: 21 }, { orders: false, spare: true });
    let oneTime = 0;
    for (let t = 0; t < all.scenario.periods; t++) {
      const want = period(all);
      oneTime += want.stats.oneTimeSales;
      expect(period(bare)).toEqual(want);
      expect(period(spare)).toEqual(want);
    }
    if (scenario.customers?.oneTime) expect(oneTime).toBeGreaterThan(0);
  });

  it("one-time buyers' own QV counts (orders carry QV when only the one-time products list it)", () => {
    const world = createWorld(BASE, { seed: 21, recordOrders: true });
    const { network, stats } = stepWorld(world);
    expect(stats.oneTimeSales).toBeGreaterThan(0);
    const once = network.orders!.filter((o) => o.customer >= 0 && (o.price === 19_700 || o.price === 49_700));
    expect(once.length).toBe(stats.oneTimeSales);
    for (const o of once) expect(o.qv).toBe(o.price === 19_700 ? 10_000 : 30_000);
    // A member's customer QV is the sum of her customers' orders' QV, not their CV.
    const qv = new Float64Array(network.size);
    for (const o of network.orders!) if (o.customer >= 0) qv[o.member]! += o.qv ?? o.cv;
    expect(Array.from(network.customerQv!.subarray(0, network.size))).toEqual(Array.from(qv));
  });
});
