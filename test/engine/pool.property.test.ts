/**
 * The leadership pool on both engines: random small networks over 1–3
 * periods and random ladders and share tables; the engines agree to the cent
 * on amounts, totals and breakage, and the split conserves the pool: the
 * shares sum to P = rate × total CV (rounded once), each within a cent of its
 * exact share.
 *
 * A failing case prints fast-check's seed and path; replay it with
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/pool.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compilePlan,
  createFastEngine,
  createReferenceEngine,
  type PlanInput,
} from "../../src/index.js";
import { ExactDecimal, roundDecimal } from "../../src/money/index.js";
import { pool, type PoolSettings } from "../../src/plan/components/pool/index.js";
import { ascendingLadder } from "./ladders.js";
import { rolledUpNetworks } from "./rolled-up.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.POOL_RUNS ?? 1000);

/** A rate with 0–6 decimals in [0, 1]; small rates make pools of a few cents (more leftovers than cents). */
const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.integer({ min: 1, max: 100 }).map((n) => (n / 100_000).toFixed(5)),
  fc.constantFrom("1", "0.5", "0.05", "0.125", "0.005"),
);

/** A ladder of 1–4 ranks with ascending PV/GV, legs by GV, some not requiring activity. */
const ranksArb = fc
  .array(
    fc.record({
      // Low requirements, so that most draws have qualifiers to split among.
      pv: fc.integer({ min: 0, max: 60 }),
      gv: fc.integer({ min: 0, max: 200 }),
      legs: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ count: fc.integer({ min: 1, max: 2 }), minGv: fc.integer({ min: 0, max: 100 }) }) }),
      active: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map(ascendingLadder);

const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    rounding: fc.constantFrom("halfEven", "halfUp", "down"),
    minPv: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("0", "50", "100") }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2)) }),
    ranks: ranksArb,
    rate: rateArb,
    // Which ranks are listed and with how many shares: few shares make equal remainders (ties) frequent.
    listed: fc.array(fc.option(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) })), {
      minLength: 4,
      maxLength: 4,
    }),
    requiresActive: fc.boolean(),
    before: fc.boolean(),
  })
  .map(({ rounding, minPv, ranks, rate, listed, requiresActive, before }): PlanInput => {
    let shares = ranks.flatMap((r, i) => (listed[i] ? [{ rank: r.name, shares: listed[i] }] : []));
    if (shares.length === 0) shares = [{ rank: ranks[0]!.name, shares: 1 }];
    return {
      rounding,
      activity: { minPv },
      ranks,
      components: [
        // Sometimes another component first: the pool does not depend on it.
        ...(before ? [{ type: "unilevel", name: "team", rates: ["0.05", "0.03"] } as const] : []),
        { type: "pool", name: "leaders", rate, shares, qualification: { active: requiresActive } },
      ],
    };
  });

/** A random small network paid over 1–3 periods (a growing prefix of members), as in matching.property.test.ts. */
const worldArb = fc.integer({ min: 1, max: 30 }).chain((size) =>
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
          cv: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 3000 }).map((x) => x * 10), fc.constant(1010)),
        }),
        { maxLength: 60 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

describe("pool: fast and reference engines agree, and the split conserves the pool", () => {
  it(`on ${RUNS} random networks and plans, to the cent`, () => {
    const options = { components: [pool] };
    fc.assert(
      fc.property(worldArb, planArb, (world, plan) => {
        const compiled = compilePlan(plan, options);
        // The mode P is rounded by: half-even until the plan's mode reaches the compile context, then the plan's.
        const mode = (compiled.components.at(-1)!.settings as unknown as PoolSettings).rounding;
        const fastEngine = createFastEngine(compiled);
        const referenceEngine = createReferenceEngine(compilePlan(plan, options));
        const spec = plan.components.at(-1) as unknown as { rate: string; shares: { rank: string; shares: number }[]; qualification: { active: boolean } };
        const rankNames = (plan.ranks ?? []).map((r) => r.name);
        for (const network of rolledUpNetworks(world)) {
          const fast = fastEngine.pay(network);
          const reference = referenceEngine.pay(network);
          expectInvariants(network, compiled, fast, reference);
          for (let k = 0; k < fast.amounts.length; k++) {
            expect([network.period, Array.from(fast.amounts[k]!.subarray(0, fast.size))]).toEqual([network.period, Array.from(reference.amounts[k]!)]);
          }
          expect(fast.paid).toEqual(reference.paid);
          expect(fast.breakage).toEqual(reference.breakage);

          // Independently of both engines: P from the orders, the qualifiers from the ranks the engines agree on.
          const c = fast.components.indexOf("leaders");
          const totalCv = (network.orders ?? []).reduce((s, o) => s + o.cv, 0);
          const P = roundDecimal(new ExactDecimal(spec.rate).times(totalCv), mode).toNumber();
          expect(fast.paid[c]! + fast.breakage[c]!).toBe(P);
          const sharesOf = (rank: number) => {
            let best = -1;
            let held = 0;
            for (const s of spec.shares) {
              const n = rankNames.indexOf(s.rank) + 1;
              if (n <= rank && n > best) [best, held] = [n, s.shares];
            }
            return held;
          };
          const held = Array.from({ length: network.size }, (_, i) =>
            network.alive[i] && (!spec.qualification.active || fast.active[i]) ? sharesOf(fast.rank[i]!) : 0,
          );
          const S = held.reduce((a, b) => a + b, 0);
          if (S > 0) {
            expect(fast.breakage[c]).toBe(0);
            held.forEach((s, i) => {
              const amount = fast.amounts[c]![i]!;
              // Largest remainder: each gets the floor of her exact share or one cent more.
              const exact = new ExactDecimal(P).times(s).dividedBy(S);
              expect(amount - exact.floor().toNumber()).toBeGreaterThanOrEqual(0);
              expect(amount - exact.floor().toNumber()).toBeLessThanOrEqual(1);
            });
          } else {
            expect(fast.paid[c]).toBe(0);
          }
        }
      }),
      { numRuns: RUNS, ...replay },
    );
  });
});
