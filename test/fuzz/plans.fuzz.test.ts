/**
 * Fuzz: hostile plans. Valid plans (the default, every preset, plans with
 * ranks and caps) are mutated anywhere with hostile values and keys, and
 * random values stand in for whole plans. Every one is refused within 100 ms
 * with a DownlineInputError naming field paths, or accepted and paid on a
 * small world (two months, 30 distributors, placement as the plan needs)
 * without an error, the run's invariants holding.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/fuzz/plans.fuzz.test.ts`;
 * `FUZZ_RUNS=<n>` runs more.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, DEFAULT_PLAN, PRESETS, simulate, type CompiledPlan, type PlanInput, type ScenarioInput } from "../../src/index.js";
import { expectRunInvariants } from "../engine/invariants.js";
import { expectRefusal, hostileValueArb, mutate, mutationArb, replay, runs, timed } from "./hostile.js";

const RANKED: PlanInput = {
  name: "Ranked",
  activity: { minPv: "50" },
  ranks: [
    { name: "Silver", pv: "50", gv: "500" },
    { name: "Gold", pv: "100", gv: "2000", legs: [{ count: 2, minGv: "500" }], maxLegShare: "0.6" },
  ],
  caps: { payout: { share: "0.4" }, perMember: { amount: "500" } },
  components: [
    { type: "unilevel", rates: ["0.05", "0.04", "0.03"], depth: { base: 1, byRank: [{ rank: "Gold", levels: 3 }] } },
    { type: "matching", rates: ["0.1"], matches: ["unilevel"] },
    { type: "rankAdvancement", bonuses: [{ rank: "Gold", amount: "100" }] },
  ],
} as unknown as PlanInput;

const BASES: readonly PlanInput[] = [DEFAULT_PLAN, RANKED, ...Object.values(PRESETS)];

/** A small world for a plan: placement as its binary or matrix components need. */
function scenarioFor(plan: CompiledPlan): ScenarioInput | undefined {
  let placement: ScenarioInput["placement"];
  for (const c of plan.source.components as { type: string; width?: number }[]) {
    if (c.type === "binary") placement = { kind: "binary" };
    if (c.type === "matrix") {
      // A plan may be written for a matrix wider than any world can place (20): it cannot be run.
      if (c.width === undefined || c.width > 20) return undefined;
      placement = { kind: "matrix", width: c.width };
    }
  }
  return { months: 2, start: { network: { distributors: 30 } }, market: { prospects: 300 }, ...(placement ? { placement } : {}) };
}

const planArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ base: fc.constantFrom(...BASES), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }).map(({ base, mutations }) => mutate(base, mutations)) },
  { weight: 1, arbitrary: hostileValueArb },
  { weight: 1, arbitrary: fc.record({ components: fc.array(fc.record({ type: fc.constantFrom("unilevel", "binary", "pool", "matching"), rates: hostileValueArb }), { maxLength: 3 }) }) },
);

const tally = { refused: 0, ran: 0, unrunnable: 0 };
export const PLAN_RUNS = runs(4_500);

describe("fuzz: hostile plans", () => {
  it(`${PLAN_RUNS} plans: each refused within 100 ms with field paths, or accepted and run cleanly`, () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const { result: plan, error, ms } = timed(() => compilePlan(input as PlanInput));
        if (error !== undefined) {
          expectRefusal(error, ms, ["plan", "options"]);
          tally.refused += 1;
          return;
        }
        const scenario = scenarioFor(plan!);
        if (!scenario) {
          tally.unrunnable += 1;
          return;
        }
        const result = simulate({ scenario, plan: plan!, seed });
        expectRunInvariants(result);
        tally.ran += 1;
      }),
      { numRuns: PLAN_RUNS, ...replay },
    );
    if (process.env.FUZZ_TALLY) console.log("plans", JSON.stringify(tally));
    // Both outcomes are exercised (a fuzzer that only ever refuses tests nothing past the door); a replay runs one case.
    if (!replay.seed) {
      expect(tally.refused).toBeGreaterThan(PLAN_RUNS / 2);
      expect(tally.ran).toBeGreaterThan(PLAN_RUNS / 50);
    }
  });
});
