/**
 * Generation bonus: the fast and reference engines agree to the cent on random
 * networks and random settings; and the group form (a leader earns the first
 * rate on her group less her PV, the k-th on the groups k generations below)
 * equals the per-order walk of the reference rule, checked by a direct
 * computation of the groups.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/generation.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { centsArb, chainRecords, wholeUnitNetworkArb } from "./whole-units.js";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { generation } from "../../src/plan/components/generation/index.js";
import { expectSamePayouts, ladderArb, networkArb, rateArb } from "./ranked-networks.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.GENERATION_RUNS ?? 500);
const options = { components: [generation] };

const planArb: fc.Arbitrary<PlanInput> = ladderArb.chain((ranks) =>
  fc
    .record({
      rounding: fc.constantFrom("halfEven", "halfUp", "down"),
      minPv: fc.constantFrom("0", "0", "50", "100"),
      components: fc.array(
        fc.record({ leaderRank: fc.integer({ min: 1, max: ranks.length }).map((r) => `R${r}`), rates: fc.array(rateArb, { minLength: 1, maxLength: 5 }) }),
        { minLength: 1, maxLength: 2 },
      ),
    })
    .map(({ rounding, minPv, components }) => ({
      rounding,
      activity: { minPv },
      ranks,
      components: components.map((c, i) => ({ type: "generation", name: `generation${i}`, ...c })),
    })),
) as fc.Arbitrary<PlanInput>;

describe("generation: fast and reference engines agree", () => {
  it(`on ${RUNS} random networks and settings, to the cent, period after period`, () => {
    fc.assert(
      fc.property(fc.array(networkArb, { minLength: 1, maxLength: 3 }), planArb, (networks, plan) => {
        const fast = createFastEngine(compilePlan(plan, options));
        const reference = createReferenceEngine(compilePlan(plan, options));
        expectSamePayouts(fast, reference, networks);
      }),
      { numRuns: RUNS, ...replay },
    );
  });
});

describe("generation: the group form", () => {
  // Whole-unit volumes and 2-decimal rates: every amount is whole cents, nothing is rounded.
  const settingsArb = ladderArb.chain((ranks) =>
    fc.record({ ranks: fc.constant(ranks), leader: fc.integer({ min: 1, max: ranks.length }), rates: fc.array(centsArb, { minLength: 1, maxLength: 4 }) }),
  );

  it("on 300 random networks: each leader earns rates[0] × (group − PV) + Σ rates[k] × groups k generations below", () => {
    fc.assert(
      fc.property(wholeUnitNetworkArb, settingsArb, (network, { ranks, leader, rates }) => {
        const plan: PlanInput = { activity: { minPv: "0" }, ranks, components: [{ type: "generation", leaderRank: `R${leader}`, rates }] };
        const payout = createFastEngine(compilePlan(plan, options)).pay(network);
        const isLeader = (i: number) => payout.rank[i]! >= leader;
        const current = Array.from(network.members.subarray(0, network.memberCount));
        // head(i): the nearest leader at or above i, or -1.
        const head = (i: number): number => {
          let u = i;
          while (u !== -1 && !isLeader(u)) u = network.upline[u]!;
          return u;
        };
        const group = new Map<number, number>();
        for (const i of current) {
          const h = head(i);
          if (h >= 0) group.set(h, (group.get(h) ?? 0) + payout.pv[i]!);
        }
        const pct = rates.map((r) => Math.round(Number(r) * 100));
        for (const L of current) {
          let expected = 0; // hundredths of a cent
          if (isLeader(L)) {
            expected += pct[0]! * ((group.get(L) ?? 0) - payout.pv[L]!);
            // Each leader j below L whose k-th leader above is L (k ≥ 1) adds rates[k] × group(j).
            for (const j of current) {
              if (j === L || !isLeader(j)) continue;
              let k = 0;
              let u = network.upline[j]!;
              for (; u !== -1 && u !== L; u = network.upline[u]!) if (isLeader(u)) k += 1;
              if (u === L && k + 1 < pct.length) expected += pct[k + 1]! * (group.get(j) ?? 0);
            }
          }
          expect(payout.amounts[0]![L]! * 100).toBe(expected);
        }
      }),
      { numRuns: 300, ...replay },
    );
  });
});

describe("generation on a deep chain (no recursion, linear passes)", () => {
  it("pays the closed form on 300,000 members", () => {
    // Ranks by PV: Gold at 200. Chain 0 ← 1 ← …; every third member (0, 3, 6, …) orders 200 (Gold), the others 100.
    // Rates 10% / 5%. Gold g's group: herself and g+1, g+2: gen 1 = 10% × 200 = 20.00;
    // gen 2 = 5% × the next Gold's group (200 + 100 + 100) = 20.00.
    const n = 300_000;
    const { uplines, orders } = chainRecords(n, 3);
    const plan: PlanInput = { activity: { minPv: "0" }, ranks: [{ name: "Gold", pv: "200" }], components: [{ type: "generation", leaderRank: "Gold", rates: ["0.10", "0.05"] }] };
    const payout = createFastEngine(compilePlan(plan, options)).pay(networkFromRecords({ uplines, orders }));
    const amounts = payout.amounts[0]!;
    expect(amounts[0]).toBe(40_00);
    expect(amounts[n - 3]).toBe(20_00); // the last Gold: no Gold below her
    expect(amounts[1]).toBe(0);
    expect(payout.paid[0]).toBe((n / 3) * 20_00 + (n / 3 - 1) * 20_00);
  });
});
