/**
 * Issue 10, item 3: every public option is checked at the edge, with the same
 * field-path errors as plans (`downline/options: seed: …`), before any work.
 */
import { describe, expect, it, vi } from "vitest";
import {
  compilePlan,
  createFastEngine,
  createReferenceEngine,
  createWorld,
  DEFAULT_PLAN,
  resolveScenario,
  simulate,
  simulatePlans,
  type SimulateOptions,
  type SimulatePlansOptions,
} from "../../src/index.js";
import { expectIssue, refusedQuickly } from "../validate/hostile.js";

const SMALL = { months: 2, start: { network: { distributors: 20 } }, market: { prospects: 200 } };
const sim = (options: unknown) => simulate({ scenario: SMALL, ...(options as object) } as SimulateOptions);
const simPlans = (options: unknown) => simulatePlans(options as SimulatePlansOptions);

describe("simulate and simulatePlans check every option before any work", () => {
  // Issue 10: `engine: "turbo"` silently ran the fast engine.
  it('engine: "turbo"', () => {
    expectIssue(refusedQuickly(() => sim({ engine: "turbo" })), "options", "engine", /^expected "fast" or "reference", got "turbo"$/);
  });

  // Issue 10: a seed of NaN, 1.5 or {} was used as its string.
  it.each([
    [NaN, "NaN"],
    [1.5, "1.5"],
    [{}, "{}"],
    [Infinity, "Infinity"],
    [2 ** 60, "1152921504606847000"],
    ["", '""'],
    [null, "null"],
    [7n, "7n"],
  ])("seed: %s", (seed, got) => {
    const e = refusedQuickly(() => sim({ seed }));
    expectIssue(e, "options", "seed", /^expected a seed: a whole number \(a safe integer\) or a non-empty string/, new RegExp(`got ${got.replace(/[{}()+]/g, "\\$&")}$`));
    expect(e.message).toMatch(/^downline\/options: seed: /);
  });

  it("a seed string over 1,000 characters; seeds that are fine", () => {
    expectIssue(refusedQuickly(() => sim({ seed: "s".repeat(1001) })), "options", "seed", /a non-empty string of at most 1,000 characters/);
    for (const seed of [0, -5, Number.MAX_SAFE_INTEGER, "007", "any text"]) expect(() => sim({ seed, scenario: { ...SMALL, months: 1 } })).not.toThrow();
  });

  // Issue 10: `plans: {}` threw a TypeError.
  it.each([
    [{}, /^expected a non-empty array of plans, got \{\}$/],
    [[], /^expected 1 to 64 plans, got 0$/],
    [new Array(65).fill(DEFAULT_PLAN), /^expected 1 to 64 plans, got 65$/],
    ["plan.json", /got "plan\.json"$/],
  ])("simulatePlans plans: %j", (plans, message) => {
    expectIssue(refusedQuickly(() => simPlans({ scenario: SMALL, plans })), "options", "plans", message);
  });

  it("simulatePlans without plans", () => {
    expectIssue(refusedQuickly(() => simPlans({ scenario: SMALL })), "options", "plans", /expected a non-empty array of plans, got undefined/);
  });

  it.each([
    ["plan", { plan: "unilevel" }, /expected a plan \(an object with "components"\), got "unilevel"/],
    ["ledger", { ledger: "yes" }, /^expected true or false, got "yes"$/],
    ["onPeriod", { onPeriod: 5 }, /^expected a function \(row, stats, payout\) => void, got 5$/],
    ["collectors", { collectors: { mine: 5 } }, /^expected collector factories by name \(functions\), but "mine" is 5$/],
    ["collectors", { collectors: [() => ({})] }, /expected collector factories by name \(an object of functions\)/],
    ["components", { components: [{ type: "x" }] }, /expected an array of component types \(each from defineComponent\)/],
    ["budget", { budget: -1 }, /expected a memory budget in bytes \(a positive number; Infinity for none\), got -1/],
    ["budget", { budget: NaN }, /got NaN/],
    ["budget", { budget: "2GB" }, /got "2GB"/],
  ])("%s: %j", (path, options, message) => {
    expectIssue(refusedQuickly(() => sim(options)), "options", path, message);
  });

  it("an unknown option (a typo) is named, with the options that exist", () => {
    const e = refusedQuickly(() => sim({ seeds: 3 }));
    expectIssue(e, "options", "", /^unknown option\(s\) "seeds" \(simulate takes scenario, components, seed, engine, ledger, collectors, budget, start, memberPeriods, plan, onPeriod\)$/);
  });

  it("options that are not an object", () => {
    expectIssue(refusedQuickly(() => simulate(42 as never)), "options", "", /^expected simulate's options as an object, got 42$/);
    expectIssue(refusedQuickly(() => simulatePlans(null as never)), "options", "", /^expected simulatePlans's options as an object, got null$/);
  });

  it("every bad option in one error, and nothing runs", () => {
    const onPeriod = vi.fn();
    const e = refusedQuickly(() => simPlans({ scenario: SMALL, plans: [DEFAULT_PLAN], seed: NaN, engine: "turbo", ledger: 1, onPeriod }));
    expect(e.issues.map((i) => i.path)).toEqual(["seed", "engine", "ledger"]);
    expect(e.message.split("\n")).toHaveLength(3);
    expect(onPeriod).not.toHaveBeenCalled();
  });
});

describe("a resolved scenario is trusted only if resolveScenario made it", () => {
  it("a copy with a forged periods (1e9: a hang) is resolved again from its spec", () => {
    const real = resolveScenario({ months: 2, start: { network: { distributors: 20 } }, market: { prospects: 200 } });
    expect(resolveScenario(real)).toBe(real);
    const forged = { ...real, periods: 1e9 };
    expect(resolveScenario(forged as never).periods).toBe(2);
    expect(simulate({ scenario: forged as never }).periods).toHaveLength(2);
  });

  it("a forged spec is validated like any input", () => {
    const real = resolveScenario({ months: 2 });
    const e = refusedQuickly(() => simulate({ scenario: { ...real, spec: { ...real.spec, months: 1e9 } } as never }));
    expectIssue(e, "scenario", "months", /expected number to be <=1200/);
  });
});

describe("the other entry points check their options", () => {
  it("createWorld: seed and recordOrders", () => {
    expectIssue(refusedQuickly(() => createWorld({ months: 1 }, { seed: NaN })), "options", "seed", /got NaN/);
    expectIssue(refusedQuickly(() => createWorld({ months: 1 }, { recordOrders: "yes" as never })), "options", "recordOrders", /expected true or false/);
    expectIssue(refusedQuickly(() => createWorld({ months: 1 }, { sede: 1 } as never)), "options", "", /unknown option\(s\) "sede" \(createWorld takes seed, recordOrders/);
  });

  it("createFastEngine and createReferenceEngine: their options, and the currency", () => {
    expectIssue(refusedQuickly(() => createFastEngine(DEFAULT_PLAN, { curency: "EUR" } as never)), "options", "", /unknown option\(s\) "curency" \(createFastEngine takes currency\)/);
    expectIssue(refusedQuickly(() => createReferenceEngine(DEFAULT_PLAN, "EUR" as never)), "options", "", /expected createReferenceEngine's options as an object, got "EUR"/);
    expectIssue(refusedQuickly(() => createFastEngine(DEFAULT_PLAN, { currency: 5 as never })), "options", "currency", /expected an ISO 4217 currency code like "USD", got 5/);
  });

  it("compilePlan: components must be component types", () => {
    expectIssue(refusedQuickly(() => compilePlan(DEFAULT_PLAN, { components: 5 as never })), "options", "components", /expected an array of component types/);
    expectIssue(refusedQuickly(() => compilePlan(DEFAULT_PLAN, { components: [null] as never })), "options", "components", /got \[null\]/);
  });
});
