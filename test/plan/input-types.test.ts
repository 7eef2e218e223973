/**
 * The input types are the schemas' input types: `npm test` type-checks this
 * file (tsc), so every `@ts-expect-error` below is an error a user gets in
 * their editor, and would fail the build if it stopped being one. The
 * runtime checks say the same values are refused or accepted at run time.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  compilePlan,
  componentName,
  defineComponent,
  DEFAULT_PLAN,
  DownlineInputError,
  ExactDecimal,
  PRESETS,
  resolveScenario,
  simulate,
  simulatePlans,
  type ComponentInput,
  type ComponentInputOf,
  type ComponentTypeName,
  type PlanInput,
  type ScenarioInput,
  type SimulationResult,
} from "../../src/index.js";

const TINY: ScenarioInput = { months: 1, start: { founders: 1, network: { distributors: 40 } }, market: { prospects: 2000 } };

/** A custom component with a typed plan entry: `{ type: "flatBonus", amount }`. */
const flatBonus = defineComponent({
  type: "flatBonus",
  schema: z.object({ type: z.literal("flatBonus"), name: componentName().optional(), amount: z.string() }).strict(),
  rates: () => [],
  compile: (input, ctx) => ({ amount: ctx.money(input.amount, "amount") }),
  writes: "minor",
  fast: { state: () => undefined, accrue: () => 0n },
  reference: { accrue: () => ({ payees: new Map(), headline: new ExactDecimal(0) }) },
});

describe("plan input types", () => {
  it("a misspelt component field is a compile error, and a run-time error naming the field", () => {
    const good: PlanInput = { components: [{ type: "unilevel", rates: ["0.1"], compression: "none" }] };
    expect(compilePlan(good).components[0]!.type).toBe("unilevel");
    // @ts-expect-error: `compresion` is not a field of a unilevel (an editor says: did you mean `compression`?)
    const typo: PlanInput = { components: [{ type: "unilevel", rates: ["0.1"], compresion: "none" }] };
    expect(() => compilePlan(typo)).toThrow(/components\[0\]: unknown key\(s\) "compresion"/);
  });

  it("a wrong value, a missing field and an unknown type are compile errors", () => {
    // @ts-expect-error: compression is "dynamic" or "none"
    const wrongValue: PlanInput = { components: [{ type: "unilevel", rates: ["0.1"], compression: "full" }] };
    // @ts-expect-error: a unilevel needs its rates
    const missing: PlanInput = { components: [{ type: "unilevel" }] };
    // @ts-expect-error: no built-in component is called "unilvl"
    const unknownType: PlanInput = { components: [{ type: "unilvl", rates: ["0.1"] }] };
    for (const plan of [wrongValue, missing, unknownType]) expect(() => compilePlan(plan)).toThrow(DownlineInputError);
  });

  it("plan-level fields are checked too (activity, ranks, caps)", () => {
    // @ts-expect-error: `minPV` is spelt `minPv`
    const plan: PlanInput = { activity: { minPV: "100" }, components: [{ type: "customerCommission", rate: "0.2" }] };
    expect(() => compilePlan(plan)).toThrow(/activity: unknown key|minPV/);
    // @ts-expect-error: a rank's group volume is `gv`
    const ranks: PlanInput = { ranks: [{ name: "Gold", groupVolume: "500" }], components: [{ type: "customerCommission", rate: "0.2" }] };
    expect(() => compilePlan(ranks)).toThrow(DownlineInputError);
  });

  it("each component type's entry is its own type: ComponentInput<K> and the union narrowed by `type`", () => {
    const u: ComponentInput<"unilevel"> = { type: "unilevel", rates: ["0.08", 0.05] };
    expectTypeOf(u.rates).toExtend<readonly unknown[]>();
    expectTypeOf<ComponentTypeName>().toEqualTypeOf<
      "customerCommission" | "unilevel" | "stairstep" | "differential" | "groupVolume" | "generation" | "matching" | "pool" | "fastStart" | "rankAdvancement" | "affiliate" | "retailProfit" | "matrix" | "binary"
    >();
    const entry = PRESETS["wellness-unilevel"].components[0]!;
    if (entry.type === "customerCommission") expectTypeOf(entry.rate).toEqualTypeOf<string | number>();
    // Plans are read-only inputs: frozen values and `as const` data are accepted.
    const asConst = { components: [{ type: "matrix", width: 3, rates: ["0.05"] }] } as const;
    expect(compilePlan(asConst).components[0]!.type).toBe("matrix");
  });

  it("custom components: PlanInput<typeof T> takes their typed entries; without them in `components`, a compile error", () => {
    const plan: PlanInput<typeof flatBonus> = { activity: { minPv: "0" }, components: [{ type: "flatBonus", amount: "5.00" }, { type: "unilevel", rates: ["0.1"] }] };
    expectTypeOf<ComponentInputOf<typeof flatBonus>>().toEqualTypeOf<{ readonly type: "flatBonus"; readonly name?: string | undefined; readonly amount: string }>();
    expect(compilePlan(plan, { components: [flatBonus] }).components.map((c) => c.type)).toEqual(["flatBonus", "unilevel"]);
    expect(simulate({ scenario: TINY, plan, components: [flatBonus] }).periods).toHaveLength(1);
    // @ts-expect-error: the plan uses flatBonus, which the options do not register
    expect(() => simulate({ scenario: TINY, plan })).toThrow(/expected a component type/);
    // @ts-expect-error: built-ins stay checked in a plan with custom components
    const typo: PlanInput<typeof flatBonus> = { components: [{ type: "flatBonus", amount: "5" }, { type: "unilevel", rates: ["0.1"], compresion: "none" }] };
    // @ts-expect-error: and so are the custom component's own fields
    const customTypo: PlanInput<typeof flatBonus> = { components: [{ type: "flatBonus", amont: "5" }] };
    expect([typo, customTypo]).toHaveLength(2);
  });
});

describe("scenario input types", () => {
  it("a misspelt scenario field is a compile error, and a run-time error naming it", () => {
    // @ts-expect-error: `month` is spelt `months`
    const typo: ScenarioInput = { month: 12 };
    expect(() => resolveScenario(typo)).toThrow(/month/);
    // @ts-expect-error: nested fields too: `distributor` is spelt `distributors`
    const nested: ScenarioInput = { start: { network: { distributor: 100 } } };
    expect(() => resolveScenario(nested)).toThrow(/distributor/);
    // @ts-expect-error: and inline, straight into simulate
    expect(() => simulate({ scenario: { months: 1, market: { prospect: 100 } } })).toThrow(/prospect/);
  });
});

describe("simulatePlans keeps the arity of its plans", () => {
  it("two plans given as a pair give a pair; an array gives an array", () => {
    const flat: PlanInput = { name: "Flat", components: [{ type: "unilevel", rates: ["0.10", "0.10"] }] };
    const pair = simulatePlans({ scenario: TINY, seed: 1, plans: [DEFAULT_PLAN, flat] });
    expectTypeOf(pair).toEqualTypeOf<[SimulationResult<Record<never, never>>, SimulationResult<Record<never, never>>]>();
    const [a, b] = pair;
    expect([a.plan.name, b.plan.name]).toEqual(["Default unilevel", "Flat"]); // no `!`: both are known to be there
    // @ts-expect-error: a pair has no third result
    expect(pair[2]).toBeUndefined();
    const list: PlanInput[] = [flat, flat, flat];
    expectTypeOf(simulatePlans({ scenario: TINY, plans: list })).toEqualTypeOf<SimulationResult<Record<never, never>>[]>();
  });

  it("inline plans are still checked field by field", () => {
    const run = () =>
      // @ts-expect-error: `rate` of a unilevel is spelt `rates`
      simulatePlans({ scenario: TINY, plans: [DEFAULT_PLAN, { components: [{ type: "unilevel", rate: ["0.1"] }] }] });
    expect(run).toThrow(DownlineInputError);
  });
});
