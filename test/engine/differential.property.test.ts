/**
 * The differential from a rate table: the fast engine (telescoped steps, or
 * bounded walks with a depth) agrees with the reference definition (order by
 * order) to the cent, on random worlds and random tables (by rank, rank ×
 * measure, package; zeros; rates that fall with rank), with or without the
 * buyer's own order, unlimited or limited depth, on CV or QV; and what an
 * order pays telescopes to the highest rate on its way up.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/differential.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { centsArb, chainRecords, wholeUnitOrder } from "./whole-units.js";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { expectSameLanguagePayouts, languagePlanArb, languageWorldArb, rateTableArb } from "./language-worlds.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 400);

const planArb: fc.Arbitrary<PlanInput> = languagePlanArb(
  (ranks) => ({
    rate: rateTableArb(ranks.length),
    basis: fc.constantFrom("cv", "qv", undefined),
    includeOwn: fc.constantFrom(true, false, undefined),
    depth: fc.option(fc.record({ base: fc.integer({ min: 0, max: 3 }), byRank: fc.array(fc.record({ pick: fc.nat(3), levels: fc.integer({ min: 0, max: 5 }) }), { maxLength: 2 }) }), { freq: 3 }),
    active: fc.boolean(),
  }),
  (r, ranks) => [
    {
      type: "differential",
      rate: r.rate,
      ...(r.basis ? { basis: r.basis } : {}),
      ...(r.includeOwn !== undefined ? { includeOwn: r.includeOwn } : {}),
      ...(r.depth
        ? { depth: { base: r.depth.base, byRank: [...new Map(r.depth.byRank.map((d) => [d.pick % ranks.length, d.levels]))].map(([k, levels]) => ({ rank: ranks[k]!.name, levels })) } }
        : {}),
      qualification: { active: r.active },
    },
  ],
);

describe("differential: fast and reference engines agree", () => {
  it(`on ${RUNS} random 1–3-period worlds and rate tables, to the cent`, () => {
    let paying = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => languageWorldArb(n)), planArb, (world, plan) => {
        const compiled = compilePlan(plan);
        if (expectSameLanguagePayouts(createFastEngine(compiled), createReferenceEngine(compiled), world) > 0) paying += 1;
      }),
      { numRuns: RUNS, ...replay },
    );
    expect(paying).toBeGreaterThan(RUNS / 5);
  });
});

describe("differential: totals telescope", () => {
  it("on 300 random networks: each order pays the highest rate on its way up (whole cents, nothing rounded)", () => {
    fc.assert(
      fc.property(
        languageWorldArb(1),
        fc.array(centsArb, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        ([period], rates, includeOwn) => {
          // Whole-unit volumes: every amount is whole cents.
          const orders = period!.orders.map(wholeUnitOrder);
          const network = networkFromRecords({ ...period!, orders });
          const ranks = [{ name: "R1", pv: "50" }, { name: "R2", pv: "100" }, { name: "R3", pv: "150" }, { name: "R4", pv: "200" }];
          const plan: PlanInput = { activity: { minPv: "0" }, ranks, components: [{ type: "differential", includeOwn, rate: { byRank: ranks.map((r, k) => ({ rank: r.name, rate: rates[k]! })) } }] };
          const payout = createFastEngine(plan).pay(network);
          const rateOf = (rank: number) => (rank === 0 ? 0 : Math.round(Number(rates[rank - 1]!) * 100));
          let expected = 0; // hundredths of a cent
          for (const o of network.orders ?? []) {
            let top = 0;
            for (let u = includeOwn ? o.member : network.upline[o.member]!; u !== -1; u = network.upline[u]!) top = Math.max(top, rateOf(payout.rank[u]!));
            expected += top * o.cv;
          }
          expect(payout.paid[0]! * 100).toBe(expected);
        },
      ),
      { numRuns: 300, ...replay },
    );
  });
});

describe("differential on a deep chain (no recursion, linear passes)", () => {
  it("pays the closed form on 300,000 members, the buyer excluded", () => {
    // Chain 0 ← 1 ← …; ranks by PV: even members order 200 (R2, 10%), odd 100 (R1, 5%).
    // An odd member's 100 goes up to her even upline (10%): 10.00 there, the chain above has no higher rate.
    // An even member's 200 goes to her odd upline (5%): 10.00, then the even one above (10%): 10.00.
    const n = 300_000;
    const { uplines, orders } = chainRecords(n, 2);
    const plan: PlanInput = {
      activity: { minPv: "0" },
      ranks: [{ name: "R1", pv: "100" }, { name: "R2", pv: "200" }],
      components: [{ type: "differential", includeOwn: false, rate: { byRank: [{ rank: "R1", rate: "0.05" }, { rank: "R2", rate: "0.10" }] } }],
    };
    const payout = createFastEngine(compilePlan(plan)).pay(networkFromRecords({ uplines, orders }));
    const amounts = payout.amounts[0]!;
    // Even e (e ≥ 2, e + 2 < n): 10.00 on e+1's 100 and 10.00 on e+2's 200 (through odd e+1). Odd o: 10.00 on o+1's 200.
    expect(amounts[2]).toBe(20_00);
    expect(amounts[1]).toBe(10_00);
    expect(payout.paid[0]).toBe(n / 2 * 10_00 + (n / 2 - 1) * 20_00);
  });
});
