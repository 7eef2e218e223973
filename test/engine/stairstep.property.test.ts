/**
 * Stairstep with breakaway: the fast and reference engines agree to the cent
 * on random networks and random settings; and what an order pays telescopes to
 * the highest rate on its way up (to the breakaway) plus the generations found,
 * checked against a direct computation.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/stairstep.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { centsArb, chainRecords, wholeUnitNetworkArb } from "./whole-units.js";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { stairstep } from "../../src/plan/components/stairstep/index.js";
import { expectSamePayouts, ladderArb, networkArb, rateArb } from "./ranked-networks.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.STAIRSTEP_RUNS ?? 500);
const options = { components: [stairstep] };
const engines = (plan: PlanInput) => ({
  fast: createFastEngine(compilePlan(plan, options)),
  reference: createReferenceEngine(compilePlan(plan, options)),
});

/** Stairstep settings for a ladder of `ranks` ranks: some ranks, ascending, with sorted rates; maybe a breakaway. */
const settingsArb = (ranks: number) =>
  fc
    .record({
      listed: fc.subarray(
        Array.from({ length: ranks }, (_, i) => i + 1),
        { minLength: 1 },
      ),
      rates: fc.array(rateArb, { minLength: ranks, maxLength: ranks }),
      breakaway: fc.option(fc.record({ rank: fc.integer({ min: 1, max: ranks }), generations: fc.array(rateArb, { minLength: 1, maxLength: 4 }) }), { freq: 3 }),
    })
    .map(({ listed, rates, breakaway }) => {
      const sorted = rates.slice(0, listed.length).sort((a, b) => Number(a) - Number(b));
      return {
        type: "stairstep",
        rates: listed.map((r, i) => ({ rank: `R${r}`, rate: sorted[i]! })),
        ...(breakaway ? { breakaway: { rank: `R${breakaway.rank}`, generations: breakaway.generations } } : {}),
      };
    });

const planArb: fc.Arbitrary<PlanInput> = ladderArb.chain((ranks) =>
  fc
    .record({
      rounding: fc.constantFrom("halfEven", "halfUp", "down"),
      minPv: fc.constantFrom("0", "0", "50", "100"),
      components: fc.array(settingsArb(ranks.length), { minLength: 1, maxLength: 2 }),
    })
    .map(({ rounding, minPv, components }) => ({
      rounding,
      activity: { minPv },
      ranks,
      components: components.map((c, i) => ({ ...c, name: `stairstep${i}` })),
    })),
) as fc.Arbitrary<PlanInput>;

describe("stairstep: fast and reference engines agree", () => {
  it(`on ${RUNS} random networks and settings, to the cent, period after period`, () => {
    fc.assert(
      fc.property(fc.array(networkArb, { minLength: 1, maxLength: 3 }), planArb, (networks, plan) => {
        const { fast, reference } = engines(plan);
        expectSamePayouts(fast, reference, networks);
      }),
      { numRuns: RUNS, ...replay },
    );
  });
});

describe("stairstep: totals telescope", () => {
  // Whole-unit volumes and 2-decimal rates: every amount is whole cents, so nothing is rounded
  // and the total paid must equal, order by order, the top rate met on the way up to the
  // breakaway (the differentials telescope) plus the generation rates that found a member.
  const planArb2 = ladderArb.chain((ranks) =>
    fc
      .record({
        rates: fc.array(centsArb, { minLength: ranks.length, maxLength: ranks.length }),
        breakaway: fc.option(fc.record({ rank: fc.integer({ min: 1, max: ranks.length }), generations: fc.array(centsArb, { minLength: 1, maxLength: 3 }) })),
      })
      .map(({ rates, breakaway }) => ({
        activity: { minPv: "0" },
        ranks,
        components: [
          {
            type: "stairstep",
            rates: [...rates].sort((a, b) => Number(a) - Number(b)).map((rate, i) => ({ rank: `R${i + 1}`, rate })),
            ...(breakaway ? { breakaway: { rank: `R${breakaway.rank}`, generations: breakaway.generations } } : {}),
          },
        ],
      })),
  );

  it("on 300 random networks", () => {
    fc.assert(
      fc.property(wholeUnitNetworkArb, planArb2, (network, plan) => {
        const { fast } = engines(plan as PlanInput);
        const payout = fast.pay(network);
        const c = plan.components[0]!;
        const rateOf = (rank: number) => (rank === 0 ? 0 : Math.round(Number(c.rates[rank - 1]!.rate) * 100));
        const breakRank = c.breakaway ? Number(c.breakaway.rank.slice(1)) : Infinity;
        let expected = 0; // in hundredths of a cent
        for (const o of network.orders ?? []) {
          let top = 0;
          let u = o.member;
          let broke = false;
          for (; u !== -1 && !broke; u = network.upline[u]!) {
            top = Math.max(top, rateOf(payout.rank[u]!));
            broke = payout.rank[u]! >= breakRank;
          }
          let g = 0;
          for (; broke && u !== -1 && g < c.breakaway!.generations.length; u = network.upline[u]!) {
            if (payout.rank[u]! >= breakRank) expected += Math.round(Number(c.breakaway!.generations[g++]) * 100) * o.cv;
          }
          expected += top * o.cv;
        }
        expect(payout.paid[0]! * 100).toBe(expected);
      }),
      { numRuns: 300, ...replay },
    );
  });
});

describe("stairstep on a deep chain (no recursion, linear passes)", () => {
  it("pays the closed form on 300,000 members", () => {
    // Ranks by PV: R1 at 100, R2 at 200. Chain 0 ← 1 ← …; even members order 200 (R2), odd ones 100 (R1).
    // Rates 5% / 10%, breakaway at R2 with one generation of 1%.
    // An odd member's 100: she earns 5.00, her (even) upline 5% × 100 = 5.00, and it breaks away there;
    //   the next R2 above that, two up, earns 1% × 100 = 1.00.
    // An even member's 200: she earns 20.00 and it breaks away at her; the even member two up earns 2.00.
    const n = 300_000;
    const { uplines, orders } = chainRecords(n, 2);
    const plan: PlanInput = {
      activity: { minPv: "0" },
      ranks: [{ name: "R1", pv: "100" }, { name: "R2", pv: "200" }],
      components: [{ type: "stairstep", rates: [{ rank: "R1", rate: "0.05" }, { rank: "R2", rate: "0.10" }], breakaway: { rank: "R2", generations: ["0.01"] } }],
    };
    const payout = createFastEngine(compilePlan(plan, options)).pay(networkFromRecords({ uplines, orders }));
    const amounts = payout.amounts[0]!;
    // Even member e: 20.00 own + 5.00 on e+1 + 1% of e+3's 100 and of e+2's 200 (generation 1) = 25.00 + 1.00 + 2.00.
    expect(amounts[0]).toBe(28_00);
    expect(amounts[n - 2]).toBe(25_00); // nothing below her two up
    expect(amounts[n - 4]).toBe(25_00 + 1_00 + 2_00);
    expect(amounts[1]).toBe(5_00);
    expect(payout.paid[0]).toBe((n / 2) * 5_00 + (n / 2) * 25_00 + (n / 2 - 1) * 3_00);
  });
});
