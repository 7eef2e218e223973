/**
 * Volume kinds and enrolment packages in the world: orders carry a QV of their
 * own (a ratio of the price, or each product's listed values) without moving
 * any draw; members hold a package drawn from their own key, and a newcomer
 * pays her package fee as an own order with the package's volume.
 */
import { describe, expect, it } from "vitest";
import { createWorld, DownlineInputError, resolveScenario, stepWorld, type ScenarioInput } from "../../src/index.js";

const SMALL: ScenarioInput = {
  months: 4,
  start: { founders: 1, network: { distributors: 300, customersPerDistributor: 1.5 } },
  market: { prospects: 5_000 },
  distributors: { roles: { seller: { acquisitionRate: 1.5 }, builder: { acquisitionRate: 0.7 } } },
};

/** Each period's orders as records, for `periods` periods. */
function run(scenario: ScenarioInput, periods = 4, seed = 3) {
  const world = createWorld(scenario, { seed, recordOrders: true });
  return Array.from({ length: periods }, () => stepWorld(world).network);
}

describe("volume kinds in the world", () => {
  it("by default orders carry no QV of their own: the network has no QV columns and records no qv", () => {
    for (const network of run(SMALL)) {
      expect(network.ownQv).toBeUndefined();
      expect(network.orderQv).toBeUndefined();
      expect(network.orders!.every((o) => o.qv === undefined)).toBe(true);
    }
  });

  it("a QV ratio gives each order QV = price × ratio (half-even), and moves no draw: the same orders, prices and CV", () => {
    const plain = run(SMALL);
    // The world's arrays are valid until its next step: read them period by period.
    const world = createWorld({ ...SMALL, qvRatio: "0.55" }, { seed: 3, recordOrders: true });
    plain.forEach((plainNetwork, t) => {
      const { network } = stepWorld(world);
      expect(network.orders!.map(({ qv: _qv, ...o }) => o)).toEqual(plainNetwork.orders);
      const own = new Float64Array(network.size);
      const customers = new Float64Array(network.size);
      for (const o of network.orders!) {
        // 0.55 × price in cents, rounded half to even: prices are whole cents, so the tie is at x.5.
        const exact = o.price * 0.55;
        const floor = Math.floor(exact + 1e-9);
        const frac = exact - floor;
        expect(o.qv).toBe(Math.abs(frac - 0.5) < 1e-9 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(exact));
        (o.customer < 0 ? own : customers)[o.member]! += o.qv!;
      }
      expect(Array.from(network.ownQv!.subarray(0, network.size))).toEqual(Array.from(own));
      expect(Array.from(network.customerQv!.subarray(0, network.size))).toEqual(Array.from(customers));
      expect(Array.from(network.orderQv!.subarray(0, network.orderCount!))).toEqual(network.orders!.map((o) => o.qv));
    });
  });

  it("a choice of products may list each product's own CV and QV", () => {
    const scenario: ScenarioInput = {
      ...SMALL,
      distributors: { orderValue: { kind: "choice", values: ["75.00", "125.00"], cv: ["60.00", "100.00"], qv: ["50", "100"] } },
    };
    let seen = 0;
    for (const network of run(scenario)) {
      for (const o of network.orders!) {
        if (o.customer >= 0) continue;
        seen += 1;
        expect([o.price, o.cv, o.qv]).toEqual(o.price === 75_00 ? [75_00, 60_00, 50_00] : [125_00, 100_00, 100_00]);
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});

describe("enrolment packages in the world", () => {
  const PACKAGES: ScenarioInput["packages"] = [
    { name: "Basic", price: "50.00", weight: 3 },
    { name: "Pro", price: "100.00", cv: "90.00", qv: "100", weight: 1 },
  ];

  it("every member holds a package; a newcomer pays its fee in her join period, with the package's volumes", () => {
    const world = createWorld({ ...SMALL, packages: PACKAGES }, { seed: 3, recordOrders: true });
    const counts = [0, 0, 0];
    let fees = 0;
    for (let t = 0; t < 4; t++) {
      const { network } = stepWorld(world);
      expect(network.packageNames).toEqual(["Basic", "Pro"]);
      for (let i = 0; i < network.size; i++) expect([1, 2]).toContain(network.package![i]);
      for (const o of network.orders!.filter((x) => x.package !== undefined)) {
        fees += 1;
        // A fee is hers, in the period she joined, at her package's price and volumes (Basic: CV 0.8 × 50.00, QV = CV).
        expect(network.joinPeriod[o.member]).toBe(t);
        expect(o.package).toBe(network.packageNames![network.package![o.member]! - 1]);
        expect([o.price, o.cv, o.qv]).toEqual(o.package === "Pro" ? [100_00, 90_00, 100_00] : [50_00, 40_00, 40_00]);
      }
      // Each newcomer of the period paid exactly one fee; members present at the start paid none.
      const joined = Array.from(network.joinPeriod.subarray(0, network.size)).filter((j) => j === t).length;
      expect(network.orders!.filter((o) => o.package !== undefined).length).toBe(joined);
    }
    for (let i = 0; i < world.size; i++) counts[world.package[i]!]! += 1;
    expect(fees).toBeGreaterThan(20);
    // Drawn 3:1 from each member's own key.
    expect(counts[1]! / world.size).toBeGreaterThan(0.65);
    expect(counts[1]! / world.size).toBeLessThan(0.85);
  });

  it("packages move no other draw: the same members join and order the same, fees aside", () => {
    const plain = run(SMALL);
    const withPackages = run({ ...SMALL, packages: PACKAGES });
    withPackages.forEach((network, t) => {
      expect(network.size).toBe(plain[t]!.size);
      // Pro's own QV gives every order a QV: compared without it.
      expect(network.orders!.filter((o) => o.package === undefined).map(({ qv: _qv, ...o }) => o)).toEqual(plain[t]!.orders);
    });
  });

  it("malformed packages and product volumes are field-path errors", () => {
    const issues = (scenario: unknown) => {
      try {
        resolveScenario(scenario as ScenarioInput);
      } catch (e) {
        expect(e).toBeInstanceOf(DownlineInputError);
        return (e as DownlineInputError).issues;
      }
      throw new Error("accepted");
    };
    expect(issues({ packages: [{ name: "A", price: "10" }, { name: "A", price: "20" }] })).toEqual([
      { path: "packages[1].name", message: 'expected a unique package name, but "A" is also packages[0]\'s' },
    ]);
    expect(issues({ packages: [{ name: "A", price: "10.005" }] })).toEqual([{ path: "packages[0].price", message: "expected an amount with at most 2 decimals for USD, got 10.005" }]);
    expect(issues({ packages: [{ name: "A", price: "10", weight: 0 }] })[0]!.message).toMatch(/positive weight/);
    expect(issues({ packages: [] })[0]!.path).toBe("packages");
    expect(issues({ packages: [{ name: "A", price: "10", fee: 2 }] })[0]).toEqual({ path: "packages[0]", message: 'unknown key(s) "fee"' });
    expect(issues({ qvRatio: "1.5" })[0]).toEqual({ path: "qvRatio", message: "expected at most 1, got 1.5" });
    expect(issues({ distributors: { orderValue: { kind: "choice", values: ["10", "20"], qv: ["5"] } } })[0]).toEqual({
      path: "distributors.orderValue.qv",
      message: "expected 2 QV values (one per value), got 1",
    });
    expect(issues({ customers: { orderValue: { kind: "choice", values: ["10"], cv: ["5.001"] } } })[0]).toEqual({
      path: "customers.orderValue.cv[0]",
      message: "expected a volume with at most 2 decimals for USD, got 5.001",
    });
  });
});
