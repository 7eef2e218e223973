/**
 * Rank advancement bonus: the fast and reference engines agree to the cent,
 * period after period (the bonuses already settled are carried state), on
 * random small worlds, random ladders, bonuses and currencies (0, 2 or 3
 * decimals: an amount finer than the currency must fail alike on both).
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/rank-advancement.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { rankAdvancement } from "../../src/plan/components/rank-advancement/index.js";
import { ranksArb, worldArb } from "./multi-period-worlds.js";
import { currencyWithDigits } from "./ladders.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.RANK_ADVANCEMENT_RUNS ?? 400);
const PERIODS = 3;
const options = { components: [rankAdvancement] };

/** An amount in major units: "1234.56", "7.5", a whole number, or 0. */
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`),
  fc.integer({ min: 0, max: 99_999 }).map((d) => `${Math.floor(d / 10)}.${d % 10}`),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constant("0"),
);

/** A ladder of 1–4 ranks and 1–2 bonus components, each on a shuffled subset of the ranks. */
const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    rounding: fc.constantFrom("halfEven", "halfUp", "down"),
    minPv: fc.oneof(fc.constantFrom("0", "100", "200", "300"), fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2))),
    ranks: ranksArb(1),
    components: fc.array(
      fc.record({
        picks: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 1 }),
        amounts: fc.array(amountArb, { minLength: 4, maxLength: 4 }),
        // Mostly true: a forfeit needs an inactive member reaching a rank, which is rarer.
        requiresActive: fc.constantFrom(true, true, false, undefined),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(({ rounding, minPv, ranks, components }) => ({
    rounding,
    activity: { minPv },
    ranks,
    components: components.map((c, i) => {
      // Picks beyond the ladder fold onto its ranks; each rank at most once.
      const picked = [...new Set(c.picks.map((k) => k % ranks.length))];
      return {
        type: "rankAdvancement",
        name: `advancement${i}`,
        bonuses: picked.map((k) => ({ rank: ranks[k]!.name, amount: c.amounts[k]! })),
        qualification: { active: c.requiresActive },
      };
    }),
  })) as fc.Arbitrary<PlanInput>;

/** What a step returned, or the error it threw, by class and message (both engines must throw alike). */
function outcome<T>(step: () => T): T | { thrown: string } {
  try {
    return step();
  } catch (e) {
    return { thrown: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

describe("rankAdvancement: fast and reference engines agree", () => {
  it(`on ${RUNS} random ${PERIODS}-period worlds, ladders, bonuses and currencies, to the cent, each period`, () => {
    fc.assert(
      fc.property(worldArb(PERIODS), planArb, fc.constantFrom(2, 2, 0, 3), (world, plan, digits) => {
        // With 0 digits, amounts with decimals must fail, alike on both engines.
        const fast = outcome(() => createFastEngine(compilePlan(plan, { ...options, currency: currencyWithDigits(digits) })));
        const reference = outcome(() => createReferenceEngine(compilePlan(plan, { ...options, currency: currencyWithDigits(digits) })));
        if ("thrown" in fast || "thrown" in reference) {
          expect(fast).toEqual(reference);
          return;
        }
        for (const period of world) {
          const network = networkFromRecords(period);
          const f = outcome(() => fast.pay(network));
          const r = outcome(() => reference.pay(network));
          if ("thrown" in f || "thrown" in r) {
            expect(f).toEqual(r);
            return;
          }
          expectInvariants(network, fast.plan, f, r);
          expect(Array.from(f.title.subarray(0, f.size))).toEqual(Array.from(r.title));
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

  it("a compiled plan paid by a second engine after a first run starts afresh", () => {
    fc.assert(
      fc.property(worldArb(PERIODS), planArb, (world, plan) => {
        const compiled = compilePlan(plan, options);
        const run = () => {
          const engine = createFastEngine(compiled);
          return world.map((p) => {
            const payout = engine.pay(networkFromRecords(p));
            return { paid: payout.paid, breakage: payout.breakage };
          });
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 100, ...replay },
    );
  });

  it("over a run, each member is due each rank's bonus at most once, in total what her final title is worth", () => {
    fc.assert(
      fc.property(worldArb(4), planArb, (world, plan) => {
        const compiled = compilePlan(plan, options);
        const engine = createReferenceEngine(compiled);
        const due = compiled.components.map(() => 0);
        let last = engine.pay(networkFromRecords(world[0]!));
        const add = () => last.paid.forEach((p, k) => (due[k]! += p + last.breakage[k]!));
        add();
        for (const p of world.slice(1)) {
          last = engine.pay(networkFromRecords(p));
          add();
        }
        // Σ over members of the bonuses of ranks up to her final title, in cents.
        compiled.components.forEach((c, k) => {
          const bonusByRank = (c.settings as { bonusByRank: number[] }).bonusByRank;
          let worth = 0;
          for (let i = 0; i < last.size; i++) for (let r = 1; r <= last.title[i]!; r++) worth += bonusByRank[r]!;
          expect(due[k]).toBe(worth);
        });
      }),
      { numRuns: 100, ...replay },
    );
  });
});
