/**
 * Fuzz: hostile scenarios. Valid scenarios (every recruitment model,
 * placement, value distribution, weekly periods, another currency) are
 * mutated anywhere with hostile values and keys, and random values stand in
 * for whole scenarios. Every one is refused within 100 ms (schema, shape or
 * memory budget) with a DownlineInputError naming field paths, or accepted
 * and run cleanly once made small (at most 3 months, 50 distributors, 500
 * prospects), the run's invariants holding.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/fuzz/scenarios.fuzz.test.ts`;
 * `FUZZ_RUNS=<n>` runs more.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, DEFAULT_PLAN, resolveScenario, simulate, type Scenario, type ScenarioInput, type ScenarioSpec } from "../../src/index.js";
import { checkRunBudget, estimateRun } from "../../src/run/budget.js";
import { DEFAULT_MEMORY_BUDGET } from "../../src/world/estimate.js";
import { expectRunInvariants } from "../engine/invariants.js";
import { expectRefusal, hostileValueArb, mutate, mutationArb, replay, runs, timed } from "./hostile.js";

const BASES: readonly ScenarioInput[] = [
  { months: 3, start: { network: { distributors: 40 } }, market: { prospects: 400 } },
  { months: 2, period: "week", start: { founders: 3, network: null }, recruitment: { model: "uniform", rate: 0.5 }, market: { prospects: 300 } },
  {
    months: 3,
    start: { founders: 2, network: { distributors: 30, customersPerDistributor: 2 } },
    recruitment: { model: "preferential", rate: 0.3 },
    placement: { kind: "binary", mode: "weakerLegVolume" },
    customers: { orphans: "churn", orderValue: { kind: "lognormal", mean: "50.00", sd: "20.00", min: "10.00", max: "200.00" } },
    market: { prospects: 500 },
  },
  {
    name: "matrix",
    currency: "JPY",
    months: 2,
    start: { network: { distributors: 25 } },
    placement: { kind: "matrix", width: 3, spillover: "company" },
    customers: { orderValue: { kind: "fixed", value: "5000" }, churn: [{ fromMonth: 0, monthly: 0.2 }, { fromMonth: 2, monthly: 0.1 }] },
    distributors: { orderValue: { kind: "choice", values: ["9000", "12000"], weights: [1, 3] }, attrition: [{ fromMonth: 0, monthly: 0.1 }] },
    cvRatio: "0.5",
    market: { prospects: 300 },
  },
];

/** Valid scenarios of any size, up to every field's limit: the memory budget refuses what the machine cannot hold. */
const largeArb = fc
  .record({
    months: fc.integer({ min: 1, max: 1200 }),
    period: fc.constantFrom("month", "week"),
    prospects: fc.integer({ min: 0, max: 2_000_000_000 }),
    distributors: fc.option(fc.integer({ min: 1, max: 50_000_000 })),
    customersPerDistributor: fc.double({ min: 0, max: 4, noNaN: true }),
    model: fc.constantFrom("poisson", "uniform", "preferential"),
    rate: fc.double({ min: 0, max: 1000, noNaN: true }),
    acquisitionRate: fc.double({ min: 0, max: 1000, noNaN: true }),
  })
  .map((r) => ({
    months: r.months,
    period: r.period,
    market: { prospects: r.prospects },
    start: r.distributors === null ? { founders: 1 } : { network: { distributors: r.distributors, customersPerDistributor: r.customersPerDistributor } },
    recruitment: r.model === "poisson" ? { model: "poisson", builderRate: r.rate } : { model: r.model, rate: r.rate },
    customers: { acquisitionRate: r.acquisitionRate },
  }));

const scenarioArb = fc.oneof(
  { weight: 2, arbitrary: largeArb },
  { weight: 8, arbitrary: fc.record({ base: fc.constantFrom(...BASES), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }).map(({ base, mutations }) => mutate(base, mutations)) },
  { weight: 1, arbitrary: hostileValueArb },
  { weight: 1, arbitrary: fc.record({ months: hostileValueArb, start: fc.record({ network: fc.record({ distributors: hostileValueArb }) }) }) },
);

/** An accepted scenario made small enough to run in milliseconds: what the fuzz runs once it is accepted. */
function small(spec: ScenarioSpec): ScenarioInput {
  const founders = Math.min(spec.start.founders, 5);
  const network = spec.start.network && {
    distributors: Math.max(founders, Math.min(spec.start.network.distributors, 50)),
    customersPerDistributor: Math.min(spec.start.network.customersPerDistributor, 3),
  };
  return {
    ...spec,
    months: Math.min(spec.months, 3),
    start: { founders, ...(network ? { network } : {}) },
    market: { prospects: Math.min(spec.market.prospects, 500) },
  } as ScenarioInput;
}

const plan = compilePlan(DEFAULT_PLAN);
const tally = { refused: 0, refusedByBudget: 0, ran: 0 };
export const SCENARIO_RUNS = runs(4_000);

describe("fuzz: hostile scenarios", () => {
  it(`${SCENARIO_RUNS} scenarios: each refused within 100 ms with field paths, or accepted and run cleanly once made small`, () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const { result: scenario, error, ms } = timed((): Scenario => {
          const s = resolveScenario(input as ScenarioInput);
          // The run's memory, as simulate checks it before any work.
          checkRunBudget(estimateRun(s, [compilePlan(plan, { currency: s.spec.currency })], { engine: "fast", ledger: true }), s, DEFAULT_MEMORY_BUDGET);
          return s;
        });
        if (error !== undefined) {
          expectRefusal(error, ms, ["scenario", "options"]);
          tally.refused += 1;
          if (/memory budget/.test((error as Error).message)) tally.refusedByBudget += 1;
          return;
        }
        const result = simulate({ scenario: small(scenario!.spec), seed });
        expectRunInvariants(result);
        tally.ran += 1;
      }),
      { numRuns: SCENARIO_RUNS, ...replay },
    );
    if (process.env.FUZZ_TALLY) console.log("scenarios", JSON.stringify(tally));
    if (!replay.seed) {
      expect(tally.refused).toBeGreaterThan(SCENARIO_RUNS / 2);
      expect(tally.ran).toBeGreaterThan(SCENARIO_RUNS / 50);
    }
  });
});
