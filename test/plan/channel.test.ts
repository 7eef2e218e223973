/**
 * Components talk through the engine: values a component publishes reach
 * later components (and, at stage "measure", rank rules) by name, checked at
 * compile time; a component's exact accrual is kept only when something reads it.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Decimal } from "decimal.js";
import {
  compilePlan,
  componentName,
  createFastEngine,
  createReferenceEngine,
  defineComponent,
  DownlineInputError,
  ExactDecimal,
  networkFromRecords,
  type PlanInput,
} from "../../src/index.js";
import { own } from "../spec/cases.js";

/** A paying component that publishes each member's frontline count (a count) and pays nothing. */
const frontlineCount = defineComponent({
  type: "frontlineCount",
  schema: z.object({ type: z.literal("frontlineCount"), name: componentName().optional() }).strict(),
  rates: () => [],
  publishes: () => [{ name: "legs", unit: "count" }],
  compile: () => ({}),
  fast: {
    state: () => undefined,
    accrue(_s, _state, p, _amounts, [legs]) {
      const { members, memberCount } = p.network;
      for (let idx = 0; idx < memberCount; idx++) legs![members[idx]!] = p.frontline[members[idx]!]!;
      return 0n;
    },
  },
  reference: {
    accrue(_s, _state, { members }) {
      const legs = new Map<number, Decimal>();
      for (const m of members) if (m.alive) legs.set(m.id, new ExactDecimal(m.frontline.length));
      return { payees: new Map(), headline: new ExactDecimal(0), published: new Map([["legs", legs]]) };
    },
  },
});

/** A measure-stage component that (wrongly) pays. */
const payingMeasure = defineComponent({
  type: "payingMeasure",
  schema: z.object({ type: z.literal("payingMeasure"), name: componentName().optional() }).strict(),
  stage: "measure",
  rates: () => [],
  compile: () => ({}),
  fast: {
    state: () => undefined,
    accrue(_s, _state, _p, amounts) {
      amounts[0] = 1;
      return 0n;
    },
  },
  reference: { accrue: () => ({ payees: new Map([[0, new ExactDecimal(1)]]), headline: new ExactDecimal(0) }) },
});

const components = [frontlineCount, payingMeasure];
/** A plan that may use the two custom components. */
type Plan = PlanInput<(typeof components)[number]>;
const compile = (plan: Plan) => compilePlan(plan, { components });
const issuesOf = (plan: Plan) => {
  try {
    compile(plan);
  } catch (e) {
    expect(e).toBeInstanceOf(DownlineInputError);
    return (e as DownlineInputError).issues;
  }
  throw new Error("accepted");
};

describe("published values", () => {
  it("a later component's rate table reads a value an earlier one published, on both engines alike", () => {
    const plan: Plan = {
      activity: { minPv: "0" },
      components: [
        { type: "frontlineCount", name: "count" },
        // 0% with no leg, 10% with one, 20% with two or more: on each member's group volume.
        { type: "groupVolume", name: "team", includeOwn: false, rate: { rates: ["0", "0.10", "0.20"], column: "count.legs" } },
      ],
    };
    // 0 has frontline 1 and 2; 1 has frontline 3. Each orders 100.
    const network = networkFromRecords({ uplines: [-1, 0, 0, 1], orders: [own(0, 100), own(1, 100), own(2, 100), own(3, 100)] });
    for (const engine of [createFastEngine(compile(plan)), createReferenceEngine(compile(plan))]) {
      const payout = engine.pay(network);
      // 0: two legs → 20% × team 300 = 60.00; 1: one leg → 10% × 100 = 10.00.
      expect(Array.from(payout.amounts[1]!.subarray(0, 4))).toEqual([60_00, 10_00, 0, 0]);
    }
  });

  it("reading a value before it is published, or a paid-as rank at the measure stage, is a field-path error", () => {
    const early = issuesOf({
      components: [
        { type: "groupVolume", rate: { rates: ["0", "0.1"], column: "count.legs" } },
        { type: "frontlineCount", name: "count" },
      ],
    });
    expect(early).toEqual([{ path: "components[0].rate.column", message: expect.stringMatching(/got "count.legs" \(it is published by this component or a later one\)/) }]);
    const unknown = issuesOf({ components: [{ type: "groupVolume", rate: { rates: ["0"], column: "nothing" } }] });
    expect(unknown[0]!.message).toMatch(/got "nothing" \(no such value\)/);
  });

  it("a component's exact accrual is kept only when a later component reads it", () => {
    const plain = compile({ components: [{ type: "unilevel", rates: ["0.05"] }, { type: "matching", components: ["unilevel"], rates: ["0.1"] }] });
    expect(plain.keepEarned).toEqual([]);
    const exact = compile({ components: [{ type: "unilevel", rates: ["0.05"] }, { type: "matching", components: ["unilevel"], rates: ["0.1"], on: "exact" }] });
    expect(exact.keepEarned).toEqual(["unilevel"]);
    expect(exact.values.get("unilevel.earned")).toBe("money");
  });

  it("a measure-stage component may not pay: both engines refuse", () => {
    const plan = compile({ activity: { minPv: "0" }, components: [{ type: "payingMeasure" }, { type: "unilevel", rates: ["0.05"] }] });
    const network = networkFromRecords({ uplines: [-1], orders: [own(0, 100)] });
    expect(() => createFastEngine(plan).pay(network)).toThrow(/stage "measure"\) and may not pay/);
    expect(() => createReferenceEngine(plan).pay(network)).toThrow(/stage "measure"\) and may not pay/);
  });
});
