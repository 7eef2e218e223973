/**
 * Forced matrix: the fast and reference engines agree to the cent, period after
 * period, on random small worlds (members joining, quitters rolled up on the
 * sponsor tree but keeping their matrix positions) with a random placement tree
 * of width 2–4, and random matrix settings.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/matrix.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { matrix } from "../../src/plan/components/matrix/index.js";
import { rateArb, ranksArb, worldArb, type WorldPeriod } from "./multi-period-worlds.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.MATRIX_RUNS ?? 400);
const PERIODS = 3;
const MAX_MEMBERS = 30;

/** A placement tree over up to MAX_MEMBERS members, in join order: one prefix of it per period. */
interface Placement {
  readonly width: number;
  readonly parents: number[];
  readonly slots: number[];
}

/**
 * A random placement tree of width 2–4: either filled breadth-first (a forced
 * matrix's spillover) or each member under a random earlier position with a
 * free slot, in a random free slot, now and then a new top.
 */
const placementArb: fc.Arbitrary<Placement> = fc
  .record({
    width: fc.integer({ min: 2, max: 4 }),
    breadthFirst: fc.boolean(),
    picks: fc.array(fc.record({ parent: fc.nat(), slot: fc.nat(), top: fc.integer({ min: 0, max: 19 }) }), {
      minLength: MAX_MEMBERS,
      maxLength: MAX_MEMBERS,
    }),
  })
  .map(({ width, breadthFirst, picks }) => {
    const parents: number[] = [];
    const slots: number[] = [];
    const taken: number[][] = [];
    picks.forEach((pick, i) => {
      taken.push([]);
      if (i === 0 || (!breadthFirst && pick.top === 0)) {
        parents.push(-1);
        slots.push(0);
        return;
      }
      // Breadth-first: the first position with a free slot, leftmost slot. Random: from a
      // random earlier position on, the first with a free slot (i−1 always has one).
      let j = breadthFirst ? 0 : pick.parent % i;
      while (taken[j]!.length === width) j += 1;
      const free = Array.from({ length: width }, (_, s) => s).filter((s) => !taken[j]!.includes(s));
      const slot = breadthFirst ? free[0]! : free[pick.slot % free.length]!;
      taken[j]!.push(slot);
      parents.push(j);
      slots.push(slot);
    });
    return { width, parents, slots };
  });

/** Plans of 1–2 matrix components (after a unilevel: the matrix must not depend on what ran before it). */
const planArb = (width: number): fc.Arbitrary<PlanInput> =>
  fc
    .record({
      rounding: fc.constantFrom("halfEven", "halfUp", "down"),
      minPv: fc.oneof(fc.constantFrom("0", "50", "100"), fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2))),
      ranks: ranksArb(),
      components: fc.array(
        fc.record({
          rates: fc.array(rateArb, { minLength: 1, maxLength: 8 }),
          requiresActive: fc.option(fc.boolean(), { nil: undefined }),
          depth: fc.option(
            fc.record({
              base: fc.integer({ min: 0, max: 8 }),
              // Rank numbers 1–4, mapped to the ladder's names below (dropped when the ladder is shorter).
              byRank: fc.uniqueArray(fc.record({ rank: fc.integer({ min: 1, max: 4 }), levels: fc.integer({ min: 0, max: 8 }) }), { maxLength: 3, selector: (d) => d.rank }),
            }),
            { nil: undefined },
          ),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    })
    .map(({ rounding, minPv, ranks, components }) => ({
      rounding,
      activity: { minPv },
      ranks,
      components: [
        { type: "unilevel", name: "team", rates: ["0.05"] },
        ...components.map(({ rates, requiresActive, depth }, i) => ({
          type: "matrix",
          name: `matrix${i}`,
          width,
          rates,
          ...(requiresActive === undefined ? {} : { qualification: { active: requiresActive } }),
          ...(depth
            ? { depth: { base: depth.base, byRank: depth.byRank.filter((d) => d.rank <= ranks.length).map((d) => ({ rank: ranks[d.rank - 1]!.name, levels: d.levels })) } }
            : {}),
        })),
      ],
    })) as fc.Arbitrary<PlanInput>;

const caseArb = placementArb.chain((placement) => fc.tuple(fc.constant(placement), worldArb(PERIODS, MAX_MEMBERS), planArb(placement.width)));

/** A world period on the placement tree: its members' prefix of the tree. */
function withPlacement(period: WorldPeriod, placement: Placement) {
  const n = period.uplines.length;
  return { ...period, placement: { width: placement.width, parent: placement.parents.slice(0, n), slot: placement.slots.slice(0, n) } };
}

describe("matrix: fast and reference engines agree", () => {
  it(`on ${RUNS} random ${PERIODS}-period worlds with placement trees of width 2–4 and random settings, to the cent, each period`, () => {
    fc.assert(
      fc.property(caseArb, ([placement, world, plan]) => {
        const options = { components: [matrix] };
        const fast = createFastEngine(compilePlan(plan, options));
        const reference = createReferenceEngine(compilePlan(plan, options));
        for (const period of world) {
          const network = networkFromRecords(withPlacement(period, placement));
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
