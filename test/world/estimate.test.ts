/**
 * The world's memory estimate (src/world/estimate.ts) against the real thing:
 * its column tables against a real world's typed arrays, column by column
 * (a new per-member array without its line in the table fails here, by
 * name), and its projection against real runs.
 */
import { describe, expect, it } from "vitest";
import { createWorld, DEFAULT_SCENARIO, resolveScenario, stepWorld, type ScenarioInput } from "../../src/index.js";
import type { WorldState } from "../../src/world/state.js";
import { fastestOf } from "../validate/hostile.js";
import {
  bytesPerMember,
  CUSTOMER_COLUMNS,
  MEMBER_COLUMNS,
  ORDER_COLUMNS,
  PLACEMENT_COLUMNS,
  PREFERENTIAL_COLUMNS,
  projectWorld,
} from "../../src/world/estimate.js";

type Typed = Int32Array | Float64Array | Uint8Array;
const isTyped = (v: unknown): v is Typed => ArrayBuffer.isView(v);

/** `{ name: constructor }` of the typed arrays among `object`'s own fields whose length is `length` (times `per`, when given). */
function columnsOfLength(object: object, length: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(object)) {
    if (isTyped(value) && value.length > 0 && value.length % length === 0) out[name] = value.constructor;
    if (Array.isArray(value)) value.forEach((v, i) => isTyped(v) && v.length % length === 0 && (out[`${name}${i}`] = v.constructor));
  }
  return out;
}

describe("the column tables are the world's arrays", () => {
  // 100 founders: member arrays for 125, customer arrays for 16 (the minimum), order columns for 100.
  const world = createWorld({ months: 1, start: { founders: 100, network: null }, market: { prospects: 0 } }, { seed: 1 }) as WorldState;

  it("one entry per member: every member-length typed array of the state, by name and type", () => {
    expect(world.sponsor.length).toBe(125);
    expect(columnsOfLength(world, 125)).toEqual(MEMBER_COLUMNS);
  });

  it("one entry per customer, one per order", () => {
    expect(world.customerOwner.length).toBe(16);
    expect(columnsOfLength(world, 16)).toEqual(CUSTOMER_COLUMNS);
    expect(columnsOfLength(world.orderColumns, world.orderColumns.orderMember.length)).toEqual(ORDER_COLUMNS);
  });

  it("the placement tree's, binary and a 5-wide matrix (child: width entries a member)", () => {
    for (const placement of [{ kind: "binary" as const }, { kind: "matrix" as const, width: 5 }]) {
      const w = createWorld({ months: 1, start: { founders: 100, network: null }, market: { prospects: 0 }, placement }, { seed: 1 }) as WorldState;
      const { child, ...rest } = columnsOfLength(w.placement!, 125);
      expect(child).toBe(Int32Array);
      expect(w.placement!.child.length).toBe(125 * (placement.kind === "binary" ? 2 : 5));
      expect(rest).toEqual(PLACEMENT_COLUMNS);
      const base = bytesPerMember(resolveScenario({ placement }).spec) - bytesPerMember(resolveScenario({}).spec);
      expect(base).toBe(Object.values(PLACEMENT_COLUMNS).reduce((s, c) => s + c.BYTES_PER_ELEMENT, 0) + 4 * (placement.kind === "binary" ? 2 : 5));
    }
  });

  it("preferential attachment's scratch is per member", () => {
    const w = createWorld({ months: 2, recruitment: { model: "preferential" }, start: { founders: 100, network: null }, market: { prospects: 1000 } }, { seed: 1 }) as WorldState;
    stepWorld(w);
    // Sized for the members who may recruit (those before this period's recruits), as the estimate counts it per member.
    const before = w.size;
    stepWorld(w);
    expect(w.frontline.length).toBeGreaterThanOrEqual(before);
    expect(w.frontline.constructor).toBe(PREFERENTIAL_COLUMNS.frontline);
  });
});

describe("the projection against real runs", () => {
  /** Members ever, peak customers and Σ current members of a real run. */
  function actual(input: ScenarioInput, seed: number) {
    const w = createWorld(input, { seed });
    let customers = w.customers;
    let memberPeriods = 0;
    for (let t = 0; t < w.scenario.periods; t++) {
      const { stats } = stepWorld(w);
      customers = Math.max(customers, stats.customers);
      memberPeriods += stats.members;
    }
    return { members: w.size, customers, memberPeriods };
  }

  // A large start keeps the luck factor small (1 + 4/√5000 = 1.06): the estimate is the expected path, plus that.
  it.each([
    ["the default scenario (5,000 distributors, 36 months)", DEFAULT_SCENARIO],
    ["weekly, uniform attachment (2,000 distributors, 24 months)", { months: 24, period: "week", recruitment: { model: "uniform" }, start: { network: { distributors: 2000 } }, market: { prospects: 100_000 } }],
    ["preferential attachment, the pool nearly exhausted", { months: 24, recruitment: { model: "preferential", rate: 0.3 }, start: { network: { distributors: 2000 } }, market: { prospects: 60_000 } }],
  ] as const)("%s: at or above the real peak, within 15%", (_what, input) => {
    const e = projectWorld(resolveScenario(input as ScenarioInput));
    for (const seed of [1, 2]) {
      const a = actual(input as ScenarioInput, seed);
      for (const key of ["members", "customers", "memberPeriods"] as const) {
        expect(e[key], key).toBeGreaterThanOrEqual(a[key]);
        expect(e[key] / a[key], key).toBeLessThan(1.15);
      }
    }
  });

  it("the prospect pool bounds the members who ever join and the customers", () => {
    const e = projectWorld(resolveScenario({ recruitment: { model: "uniform", rate: 1000 }, market: { prospects: 2_000_000_000 } }));
    expect(e.members).toBeLessThanOrEqual(2_000_000_001);
    expect(e.members).toBeGreaterThan(1_900_000_000);
    expect(e.marketExhausted).toBe(true);
  });

  it("takes milliseconds at worst (1,200 months in weeks, monthly hazard steps for 100 years)", () => {
    const steps = Array.from({ length: 1201 }, (_, m) => ({ fromMonth: m, monthly: 0.01 + (m % 7) / 100 }));
    const s = resolveScenario({ months: 1200, period: "week", distributors: { attrition: steps }, customers: { churn: steps } });
    expect(fastestOf(() => projectWorld(s), 100)).toBeLessThan(100);
  });
});
