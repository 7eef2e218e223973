import { describe, expect, it } from "vitest";
import { createWorld, DEFAULT_SCENARIO, resolveScenario, stepWorld } from "../../src/index.js";
import { defaultName } from "../../src/world/scenario.js";

describe("a partial scenario is the default world with its fields changed", () => {
  it("the schema's defaults are DEFAULT_SCENARIO: {} resolves to the same world", () => {
    const empty = resolveScenario({});
    const embedded = resolveScenario(DEFAULT_SCENARIO);
    expect(empty.spec.name).toBe("default");
    expect(JSON.stringify(empty)).toBe(JSON.stringify(embedded));
    expect(empty.spec.start.network).toEqual({ distributors: 5000, customersPerDistributor: 1.5 });
    expect(empty.spec.market.prospects).toBe(250_000);
  });

  it("start.network: null starts from the founders alone", () => {
    const world = createWorld(resolveScenario({ months: 2, start: { founders: 3, network: null } }), { seed: 7 });
    expect(world.size).toBe(3);
    expect([...world.company.subarray(0, 3)]).toEqual([1, 1, 1]);
    // The default world instead starts with its mature network: 5,000 accounts, the founder among them.
    expect(createWorld({ months: 2 }, { seed: 7 }).size).toBe(5000);
    stepWorld(world);
    expect(world.size).toBeGreaterThanOrEqual(3);
  });

  it("names a scenario without a name by the paths it changes, at most six", () => {
    expect(defaultName({})).toBe("default");
    expect(defaultName({ months: 24, start: { network: { distributors: 2000 } } })).toBe("default, with months, start.network.distributors");
    // Lists count as one field; null is a change; a name given is kept.
    expect(defaultName({ customers: { churn: [{ fromMonth: 1, monthly: "0.05" }] }, start: { network: null } })).toBe("default, with customers.churn, start.network");
    expect(defaultName({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 })).toBe("default, with a, b, c, d, e, f, …");
    expect(resolveScenario({ months: 3 }).spec.name).toBe("default, with months");
    expect(resolveScenario({ name: "mine", months: 3 }).spec.name).toBe("mine");
  });
});
