/**
 * Fast start: the fast and reference engines agree to the cent, period after
 * period, on random small worlds (recruits joining before and during the run,
 * quitters rolled up) and random fast-start settings.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/fast-start.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { fastStart } from "../../src/plan/components/fast-start/index.js";
import { rateArb, ranksArb, worldArb } from "./multi-period-worlds.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.FAST_START_RUNS ?? 400);
const PERIODS = 3;

const componentArb = fc.record({
  type: fc.constant("fastStart"),
  rates: fc.array(rateArb, { minLength: 1, maxLength: 4 }),
  periods: fc.integer({ min: 1, max: 4 }),
  volume: fc.constantFrom("pv", "own", undefined),
  qualification: fc.option(fc.record({ active: fc.boolean() }), { nil: undefined }),
});

const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    rounding: fc.constantFrom("halfEven", "halfUp", "down"),
    minPv: fc.oneof(fc.constantFrom("0", "50", "100"), fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2))),
    ranks: ranksArb(),
    components: fc.array(componentArb, { minLength: 1, maxLength: 2 }),
  })
  .map(({ rounding, minPv, ranks, components }) => ({
    rounding,
    activity: { minPv },
    ranks,
    // A unilevel first: fast start must not depend on what ran before it.
    components: [{ type: "unilevel", name: "team", rates: ["0.05"] }, ...components.map((c, i) => ({ ...c, name: `fastStart${i}` }))],
  })) as fc.Arbitrary<PlanInput>;

describe("fastStart: fast and reference engines agree", () => {
  it(`on ${RUNS} random ${PERIODS}-period worlds and settings, to the cent, each period`, () => {
    fc.assert(
      fc.property(worldArb(PERIODS), planArb, (world, plan) => {
        const options = { components: [fastStart] };
        const fast = createFastEngine(compilePlan(plan, options));
        const reference = createReferenceEngine(compilePlan(plan, options));
        for (const period of world) {
          const network = networkFromRecords(period);
          const f = fast.pay(network);
          const r = reference.pay(network);
          expectInvariants(network, fast.plan, f, r);
          expect(f.paid).toEqual(r.paid);
          expect(f.breakage).toEqual(r.breakage);
          for (let k = 0; k < f.amounts.length; k++) {
            expect(Array.from(f.amounts[k]!.subarray(0, f.size))).toEqual(Array.from(r.amounts[k]!));
          }
        }
      }),
      { numRuns: RUNS, ...replay },
    );
  });
});
