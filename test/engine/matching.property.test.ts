/**
 * The matching bonus on both engines: random small networks over 1–3 periods and random plans
 * (matching after random earlier components, a pool among them), agreeing to
 * the cent on amounts, totals and breakage.
 *
 * A failing case prints fast-check's seed and path; replay it with
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/matching.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, type PlanInput } from "../../src/index.js";
import { matching } from "../../src/plan/components/matching/index.js";
import { pool } from "../../src/plan/components/pool/index.js";
import { ascendingLadder } from "./ladders.js";
import { rolledUpNetworks } from "./rolled-up.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.MATCHING_RUNS ?? 1000);

/** A rate with 0–6 decimals in [0, 1]. */
const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.constantFrom("0", "1", "0.5", "0.05", "0.125"),
);

/** A ladder of 0–3 ranks, ascending PV/GV, some not requiring activity. */
const ranksArb = fc
  .array(fc.record({ pv: fc.integer({ min: 0, max: 150 }), gv: fc.integer({ min: 0, max: 600 }), active: fc.boolean() }), { maxLength: 3 })
  .map(ascendingLadder);

/** An earlier component (its name is given later). */
const earlierArb = fc.oneof(
  fc.record({ type: fc.constant("customerCommission"), rate: rateArb, qualification: fc.record({ active: fc.boolean() }) }),
  fc.record({ type: fc.constant("unilevel"), rates: fc.array(rateArb, { minLength: 1, maxLength: 4 }), compression: fc.constantFrom("dynamic", "none") }),
  fc.record({ type: fc.constant("pool"), rate: rateArb, shares: fc.integer({ min: 1, max: 5 }), requiresActive: fc.boolean() }),
);

const matchingArb = fc.record({
  pick: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  rates: fc.array(rateArb, { minLength: 1, maxLength: 6 }),
  requiresActive: fc.boolean(),
  // A rank requirement one time in three (most draws should pay someone).
  minRank: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) }),
});

type MatchingDraw = { pick: boolean[]; rates: string[]; requiresActive: boolean; minRank: number | null };

const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    rounding: fc.constantFrom("halfEven", "halfUp", "down"),
    // Mostly low thresholds, so that many members are active and earn something to match.
    minPv: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("0", "50", "100") }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2)) }),
    ranks: ranksArb,
    earlier: fc.array(earlierArb, { minLength: 1, maxLength: 3 }),
    first: matchingArb,
    // Sometimes a second matching bonus that may match the first one.
    second: fc.option(matchingArb),
  })
  .map(({ rounding, minPv, ranks, earlier, first, second }) => {
    const components: PlanInput["components"][number][] = earlier.map((c, i) => {
      const name = `${c.type}${i}`;
      if (c.type === "pool") {
        // A pool needs a rank; without a ladder it is replaced by a customer commission.
        if (ranks.length === 0) return { type: "customerCommission", name, rate: c.rate };
        return { type: "pool", name, rate: c.rate, shares: [{ rank: ranks[c.shares % ranks.length]!.name, shares: c.shares }], qualification: { active: c.requiresActive } };
      }
      return { ...c, name };
    });
    const addMatching = (m: MatchingDraw, name: string) => {
      const names = components.map((c) => c.name as string);
      let chosen = names.filter((_, i) => m.pick[i % m.pick.length]);
      if (chosen.length === 0) chosen = [names[names.length - 1]!];
      components.push({
        type: "matching",
        name,
        components: chosen,
        rates: m.rates,
        qualification: { active: m.requiresActive, ...(m.minRank !== null && ranks.length > 0 ? { minRank: ranks[m.minRank % ranks.length]!.name } : {}) },
      });
    };
    addMatching(first, "match1");
    if (second) addMatching(second, "match2");
    return { rounding, activity: { minPv }, ranks, components };
  });

/**
 * A random small network paid over 1–3 periods: period t sees the first members
 * (a growing prefix; later members join later) and orders of its own. As the
 * world does, a quitter's downline is rolled up and quitters do not order.
 */
const worldArb = fc.integer({ min: 2, max: 30 }).chain((size) =>
  fc.record({
    uplines: fc.tuple(
      ...Array.from({ length: size }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 9, arbitrary: fc.integer({ min: 0, max: i - 1 }) }),
      ),
    ),
    alive: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { minLength: size, maxLength: size }),
    periods: fc.array(
      fc.array(
        fc.record({
          member: fc.integer({ min: 0, max: size - 1 }),
          customer: fc.integer({ min: -1, max: 20 }),
          // Multiples of 10 cents make half-cent ties frequent; any cents otherwise.
          cv: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 3000 }).map((x) => x * 10), fc.constant(1010)),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

describe("matching: fast and reference engines agree", () => {
  it(`on ${RUNS} random networks and plans, to the cent`, () => {
    const options = { components: [matching, pool] };
    fc.assert(
      fc.property(worldArb, planArb, (world, plan) => {
        const fastEngine = createFastEngine(compilePlan(plan, options));
        const referenceEngine = createReferenceEngine(compilePlan(plan, options));
        // Several periods on the same engines: scratch arrays are reused and grown.
        for (const network of rolledUpNetworks(world)) {
          const fast = fastEngine.pay(network);
          const reference = referenceEngine.pay(network);
          expectInvariants(network, fastEngine.plan, fast, reference);
          for (let k = 0; k < fast.amounts.length; k++) {
            expect([network.period, fast.components[k], Array.from(fast.amounts[k]!.subarray(0, fast.size))]).toEqual([
              network.period,
              reference.components[k],
              Array.from(reference.amounts[k]!),
            ]);
          }
          expect(fast.paid).toEqual(reference.paid);
          expect(fast.breakage).toEqual(reference.breakage);
        }
      }),
      { numRuns: RUNS, ...replay },
    );
  });
});
