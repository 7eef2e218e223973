/**
 * Binary: the hand-computed cases on both engines, malformed settings rejected
 * with field-path errors, and networks without a binary placement tree refused.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, createFastEngine, createReferenceEngine, DownlineInputError, networkFromRecords, type ComponentInput, type PlanInput } from "../../src/index.js";
import { binary } from "../../src/plan/components/binary/index.js";
import { BINARY_CASES } from "./binary.cases.js";
import { runSpecCases } from "./run.js";
import { currencyWithDigits } from "../engine/ladders.js";

runSpecCases("binary", BINARY_CASES, { components: [binary] });

const RANKS = [{ name: "Silver" }, { name: "Gold", gv: "500" }];
const CYCLES = { kind: "cycles", left: "200", right: "200", value: "20.00" } as const;

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>): { path: string; message: string }[] {
  try {
    compilePlan({ ranks: RANKS, components: [{ type: "binary", ...component }] } as unknown as PlanInput, { components: [binary] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("binary settings", () => {
  it("accepts good settings with their defaults; resolves ranks to a value per rank number", () => {
    const plan = compilePlan(
      { ranks: RANKS, components: [{ type: "binary", pay: CYCLES, payByRank: [{ rank: "Gold", value: "30" }] }] },
      { components: [binary] },
    );
    // Volumes and amounts in cents (USD); per rank: none, Silver, Gold.
    expect(plan.components[0]!.settings).toEqual({
      name: "binary",
      kind: "cycles",
      left: 200_00,
      right: 200_00,
      valueByRank: [20_00, 20_00, 30_00],
      qualifiedByRank: [true, true, true],
      perUnitScaled: [20_00, 20_00, 30_00],
      capCycles: Infinity,
      capPaired: Infinity,
      capAmount: Infinity,
      capAmountScaled: Infinity,
      overCap: "flush",
      carryCap: Infinity,
      flushWhenInactive: true,
      flushAfterPeriods: Infinity,
      requireActive: true,
      sponsoredEachSide: true,
      basis: "cv",
    });
  });

  it.each([
    ["a cycle ratio 0:1", { pay: { ...CYCLES, left: "0", right: "1" } }, "components[0].pay.left", [/above 0/]],
    ["a negative cycle side", { pay: { ...CYCLES, right: "-200" } }, "components[0].pay.right", [/a volume like "200", got "-200"/]],
    ["both value and rate", { pay: { ...CYCLES, rate: "0.1" } }, "components[0].pay", [/at most one of value .* or rate/]],
    ["neither value nor rate (nor payByRank)", { pay: { kind: "cycles", left: "1", right: "1" } }, "components[0].pay", [/expected value or rate \(or payByRank/]],
    ["no weak-leg rate (nor payByRank)", { pay: { kind: "weakLeg" } }, "components[0].pay", [/expected rate \(or payByRank/]],
    ["a first cycle smaller than its smaller side", { pay: { ...CYCLES, firstCycle: { larger: "100", smaller: "200" } } }, "components[0].pay.firstCycle.larger", [/at least smaller \(200\), got 100/]],
    ["a first cycle side of 0", { pay: { ...CYCLES, firstCycle: { larger: "200", smaller: "0" } } }, "components[0].pay.firstCycle.smaller", [/above 0/]],
    ["a first cycle without its larger side", { pay: { ...CYCLES, firstCycle: { smaller: "100" } } }, "components[0].pay.firstCycle.larger", [/expected a volume/]],
    ["a first cycle on a weak-leg binary", { pay: { kind: "weakLeg", rate: "0.1", firstCycle: { larger: "2", smaller: "1" } } }, "components[0].pay", [/unknown key\(s\) "firstCycle"/]],
    ["an unknown pay kind", { pay: { kind: "matching", rate: "0.1" } }, "components[0].pay.kind", [/weakLeg|cycles/]],
    ["a weak-leg rate over 1", { pay: { kind: "weakLeg", rate: "1.5" } }, "components[0].pay.rate", [/at most 1/]],
    ["a negative weak-leg rate", { pay: { kind: "weakLeg", rate: "-0.1" } }, "components[0].pay.rate", [/at least 0|expected a decimal/]],
    ["a negative cycle cap", { pay: CYCLES, cap: { cycles: -1 } }, "components[0].cap.cycles", [/>=0/]],
    ["a fractional cycle cap", { pay: CYCLES, cap: { cycles: 1.5 } }, "components[0].cap.cycles", [/expected int/]],
    ["a negative amount cap", { pay: CYCLES, cap: { amount: "-5" } }, "components[0].cap.amount", [/an amount like "59\.90", got "-5"/]],
    ["a negative paired cap", { pay: { kind: "weakLeg", rate: "0.1" }, cap: { maxPaired: "-1" } }, "components[0].cap.maxPaired", [/a volume like "200", got "-1"/]],
    ["a cycle cap on a weak-leg binary", { pay: { kind: "weakLeg", rate: "0.1" }, cap: { cycles: 3 } }, "components[0].cap.cycles", [/maxPaired/]],
    ["a paired cap on a cycles binary", { pay: CYCLES, cap: { maxPaired: "100" } }, "components[0].cap.maxPaired", [/cap\.cycles/]],
    ["a negative carryover cap", { pay: CYCLES, carryover: { cap: "-1" } }, "components[0].carryover.cap", [/a volume like "200", got "-1"/]],
    ["flushAfterPeriods 0", { pay: CYCLES, carryover: { flushAfterPeriods: 0 } }, "components[0].carryover.flushAfterPeriods", [/>=1/]],
    ["an unknown overCap", { pay: CYCLES, overCap: "keep" }, "components[0].overCap", [/carry|flush/]],
    ["an unknown rank", { pay: CYCLES, payByRank: [{ rank: "Diamond", value: "1" }] }, "components[0].payByRank[0].rank", [/got "Diamond"/]],
    ["a rank listed twice", { pay: CYCLES, payByRank: [{ rank: "Gold", value: "1" }, { rank: "Gold", value: "2" }] }, "components[0].payByRank[1].rank", [/at most once/]],
    ["a rate where the plan pays values", { pay: CYCLES, payByRank: [{ rank: "Gold", rate: "0.1" }] }, "components[0].payByRank[0]", [/a value/]],
    ["a value where the plan pays rates", { pay: { kind: "weakLeg", rate: "0.1" }, payByRank: [{ rank: "Gold", value: "1" }] }, "components[0].payByRank[0]", [/a rate/]],
    ["mixed values and rates without a base", { pay: { kind: "cycles", left: "1", right: "1" }, payByRank: [{ rank: "Silver", value: "1" }, { rank: "Gold", rate: "0.1" }] }, "components[0].payByRank[1]", [/a value/]],
    ["empty payByRank", { pay: CYCLES, payByRank: [] }, "components[0].payByRank", [/>=1/]],
    ["an unknown key", { pay: CYCLES, legs: 2 }, "components[0]", [/unknown key\(s\) "legs"/]],
    ["an unknown qualification key", { pay: CYCLES, qualification: { rank: "Gold" } }, "components[0].qualification", [/unknown key/]],
  ] as [string, Record<string, unknown>, string, RegExp[]][])("rejects %s", (_what, component, path, patterns) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    for (const pattern of patterns) expect(found[0]!.message).toMatch(pattern);
  });
});

describe("binary at pay time", () => {
  const engines = {
    fast: (plan: PlanInput, digits = 2) => createFastEngine(plan, { currency: currencyWithDigits(digits) }),
    reference: (plan: PlanInput, digits = 2) => createReferenceEngine(plan, { currency: currencyWithDigits(digits) }),
  };
  const plan = (pay: ComponentInput<"binary">["pay"] = CYCLES): PlanInput => ({ components: [{ type: "binary", name: "bin", pay }] });
  const orders = [{ member: 0, customer: -1, price: 100, cv: 100 }];

  it.each(Object.entries(engines))("%s engine: a network without a placement tree is refused, naming the component", (_, create) => {
    expect(() => create(plan()).pay(networkFromRecords({ uplines: [-1, 0], orders }))).toThrow(/bin: a binary component needs a placement tree: give the scenario a placement mode/);
  });

  it.each(Object.entries(engines))("%s engine: a placement tree of width ≠ 2 is refused", (_, create) => {
    const network = networkFromRecords({ uplines: [-1, 0, 0, 0], orders, placement: { width: 3, parent: [-1, 0, 0, 0], slot: [0, 0, 1, 2] } });
    expect(() => create(plan()).pay(network)).toThrow(/bin: a binary component needs a placement tree of width 2, but the network's is 3 wide/);
  });

  it.each(Object.entries(engines))("%s engine: a cycle value finer than the currency is a plan error at its field, before any pay", (_, create) => {
    const network = networkFromRecords({ uplines: [-1], orders, placement: { width: 2, parent: [-1], slot: [0] } });
    let thrown: unknown;
    try {
      create(plan({ ...CYCLES, value: "20.50" }), 0).pay(network);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DownlineInputError);
    expect((thrown as DownlineInputError).issues).toEqual([{ path: "components[0].pay.value", message: "expected at most 0 decimals for JPY, got 20.5" }]);
  });

  it.each(Object.entries(engines))("%s engine: two engines on one compiled plan keep their own carryover", (_, create) => {
    const compiled = compilePlan({ activity: { minPv: "0" }, components: [{ type: "binary", pay: CYCLES }] }, { components: [binary] });
    const placement = { width: 2, parent: [-1, 0, 0], slot: [0, 0, 1] };
    const p0 = networkFromRecords({ uplines: [-1, 0, 0], orders: [{ member: 2, customer: -1, price: 600_00, cv: 600_00 }], placement });
    const p1 = networkFromRecords({ uplines: [-1, 0, 0], orders: [{ member: 1, customer: -1, price: 400_00, cv: 400_00 }], placement, period: 1 });
    const first = _ === "fast" ? createFastEngine(compiled) : createReferenceEngine(compiled);
    first.pay(p0);
    // The first engine carries R 600: 2 cycles. A second engine starts empty: L 400, R 0, nothing.
    const second = _ === "fast" ? createFastEngine(compiled) : createReferenceEngine(compiled);
    expect(first.pay(p1).amounts[0]![0]).toBe(40_00);
    expect(second.pay(p1).amounts[0]![0]).toBe(0);
    void create;
  });
});
