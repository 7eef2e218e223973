/**
 * The two engines agree to the cent on random networks and random plans.
 *
 * A failing case prints fast-check's seed and path; replay it with
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/agreement.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  createFastEngine,
  createReferenceEngine,
  networkFromRecords,
  simulate,
  ledgerLines,
  type OrderRecord,
  type PlanInput,
} from "../../src/index.js";
import { ascendingLadder } from "./ladders.js";
import { expectInvariants, expectRunInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.AGREEMENT_RUNS ?? 1000);

/** A rate with 0–6 decimals in [0, 1], as a string or a number. */
const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constantFrom("0", "1", "0.5", "0.05", "0.125"),
);

const componentArb = fc.oneof(
  fc.record({
    type: fc.constant("customerCommission"),
    rate: rateArb,
    qualification: fc.record({ active: fc.boolean() }),
  }),
  fc.record({
    type: fc.constant("unilevel"),
    rates: fc.array(rateArb, { minLength: 1, maxLength: 8 }),
    compression: fc.constantFrom("dynamic", "none"),
    // Payable depth by rank, resolved against the plan's ladder below (dropped when it has no ranks).
    depth: fc.option(fc.record({ base: fc.integer({ min: 0, max: 8 }), byRank: fc.uniqueArray(fc.record({ rank: fc.integer({ min: 1, max: 4 }), levels: fc.integer({ min: 0, max: 8 }) }), { maxLength: 2, selector: (d) => d.rank }) })),
  }),
);

/** A ladder of 0–4 ranks with ascending PV/GV, legs by GV or by a lower rank, and max-share rules. */
const ranksArb = fc
  .array(
    fc.record({
      pv: fc.integer({ min: 0, max: 150 }),
      gv: fc.integer({ min: 0, max: 800 }),
      legs: fc.array(fc.record({ count: fc.integer({ min: 1, max: 3 }), minGv: fc.integer({ min: 0, max: 300 }), byRank: fc.boolean() }), { maxLength: 2 }),
      share: fc.option(fc.integer({ min: 1, max: 100 }).map((n) => (n / 100).toFixed(2))),
      active: fc.boolean(),
    }),
    { maxLength: 4 },
  )
  .map(ascendingLadder);

export const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    rounding: fc.constantFrom("halfEven", "halfUp", "down"),
    minPv: fc.oneof(fc.constantFrom("0", "50", "100"), fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2))),
    ranks: ranksArb,
    components: fc.array(componentArb, { minLength: 1, maxLength: 4 }),
    caps: fc.record({
      payout: fc.option(fc.record({ share: fc.integer({ min: 0, max: 60 }).map((n) => (n / 100).toFixed(2)), only: fc.option(fc.nat()) })),
      perMember: fc.option(fc.integer({ min: 0, max: 5000 }).map((c) => (c / 100).toFixed(2))),
    }),
  })
  .map(({ rounding, minPv, ranks, components, caps }) => ({
    rounding,
    activity: { minPv },
    ranks,
    caps: {
      ...(caps.payout
        ? { payout: { share: caps.payout.share, ...(caps.payout.only !== null ? { components: [`${components[caps.payout.only % components.length]!.type}${caps.payout.only % components.length}`] } : {}) } }
        : {}),
      ...(caps.perMember !== null ? { perMember: { amount: caps.perMember } } : {}),
    },
    components: components.map((c, i) => {
      const { depth, ...rest } = c as typeof c & { depth?: { base: number; byRank: { rank: number; levels: number }[] } | null };
      const byRank = (depth?.byRank ?? []).filter((d) => d.rank <= ranks.length).map((d) => ({ rank: `R${d.rank}`, levels: d.levels }));
      return { ...rest, ...(depth ? { depth: { base: depth.base, byRank } } : {}), name: `${c.type}${i}` };
    }),
  })) as fc.Arbitrary<PlanInput>;

const networkArb = fc.integer({ min: 1, max: 40 }).chain((size) =>
  fc.record({
    uplines: fc.tuple(
      ...Array.from({ length: size }, (_, i) => (i === 0 ? fc.constant(-1) : fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 9, arbitrary: fc.integer({ min: 0, max: i - 1 }) }))),
    ),
    // Mostly alive; a few members who quit and still hold a place in the tree.
    alive: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { minLength: size, maxLength: size }),
    orders: fc.array(
      fc.record({
        member: fc.integer({ min: 0, max: size - 1 }),
        customer: fc.integer({ min: -1, max: 20 }),
        // Multiples of 10 cents make half-cent ties frequent; any cents otherwise.
        cv: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 3000 }).map((x) => x * 10), fc.constant(1010)),
      }),
      { maxLength: 80 },
    ),
  }),
);

describe("fast and reference engines agree", () => {
  it(`on ${RUNS} random networks and plans, to the cent`, () => {
    fc.assert(
      fc.property(networkArb, planArb, (net, plan) => {
        // As the world does: a quitter's downline is rolled up to her nearest current upline,
        // and a member who quit places no orders.
        const uplines = [...net.uplines];
        for (let i = 0; i < uplines.length; i++) {
          const p = uplines[i]!;
          if (p >= 0 && !net.alive[p]) uplines[i] = uplines[p]!;
        }
        const orders: OrderRecord[] = net.orders
          .filter((o) => net.alive[o.member])
          .map((o) => ({ ...o, price: o.cv }));
        const network = networkFromRecords({ uplines, alive: net.alive, orders });
        const fastEngine = createFastEngine(plan);
        const fast = fastEngine.pay(network);
        const reference = createReferenceEngine(plan).pay(network);
        expectInvariants(network, fastEngine.plan, fast, reference);
        expect(fast.paid).toEqual(reference.paid);
        expect(fast.breakage).toEqual(reference.breakage);
        expect(fast.capped).toEqual(reference.capped);
        expect(fast.activeCount).toBe(reference.activeCount);
        const view = (a: Float64Array | Int32Array | Uint8Array) => Array.from(a.subarray(0, fast.size));
        expect(view(fast.pv)).toEqual(view(reference.pv));
        expect(view(fast.gv)).toEqual(view(reference.gv));
        expect(view(fast.largestLeg)).toEqual(view(reference.largestLeg));
        expect(view(fast.frontline)).toEqual(view(reference.frontline));
        expect(view(fast.active)).toEqual(view(reference.active));
        expect(view(fast.rank)).toEqual(view(reference.rank));
        expect(view(fast.title)).toEqual(view(reference.title));
        for (let k = 0; k < fast.amounts.length; k++) {
          expect(Array.from(fast.amounts[k]!.subarray(0, fast.size))).toEqual(Array.from(reference.amounts[k]!));
        }
      }),
      { numRuns: RUNS, ...replay },
    );
  });

  it("on random small simulated worlds, ledger line by ledger line", () => {
    const scenarioArb = fc.record({
      months: fc.integer({ min: 1, max: 5 }),
      period: fc.constantFrom("month", "week"),
      founders: fc.integer({ min: 1, max: 3 }),
      distributors: fc.integer({ min: 3, max: 60 }),
      model: fc.constantFrom("poisson", "uniform", "preferential"),
      orphans: fc.constantFrom("moveUp", "churn"),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(scenarioArb, planArb, (s, plan) => {
        const scenario = {
          months: s.months,
          period: s.period as "month" | "week",
          start: { founders: s.founders, network: { distributors: s.distributors, customersPerDistributor: 1 } },
          market: { prospects: 500 },
          recruitment: { model: s.model } as { model: "poisson" },
          customers: { orphans: s.orphans as "moveUp" },
        };
        const fast = simulate({ scenario, plan, seed: s.seed });
        const reference = simulate({ scenario, plan, seed: s.seed, engine: "reference" });
        expectRunInvariants(fast);
        expectRunInvariants(reference);
        expect(ledgerLines(fast.ledger)).toEqual(ledgerLines(reference.ledger));
        expect(fast.periods).toEqual(reference.periods);
      }),
      { numRuns: 60, ...replay },
    );
  });
});
