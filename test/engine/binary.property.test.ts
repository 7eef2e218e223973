/**
 * Binary: the fast and reference engines agree to the cent, period after
 * period on the same engine instances (carryover is carried state), on random
 * small worlds with random binary placement trees (often placed under the
 * sponsor, as "sponsor's choice" would, so that members qualify), random pay
 * rules, caps, carryover and qualification rules, and currencies (0, 2 or 3
 * decimals: a volume or amount finer than the currency must fail alike on both).
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/binary.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { binary } from "../../src/plan/components/binary/index.js";
import { rateArb, ranksArb, worldArb, type WorldPeriod } from "./multi-period-worlds.js";
import { currencyWithDigits } from "./ladders.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.BINARY_RUNS ?? 400);
const options = { components: [binary] };

/** A world of 2–4 periods with a placement tree of width 2 on every period. */
const placedWorldArb = fc
  .integer({ min: 2, max: 4 })
  .chain((periods) =>
    fc.tuple(
      // At least 3 members by the last period: fewer cannot have two legs.
      worldArb(periods, 20).filter((w) => w[w.length - 1]!.uplines.length >= 3),
      fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
      fc.array(fc.nat({ max: 9 }), { minLength: 20, maxLength: 20 }),
      // Extra own orders per period and member, so that both legs of many members carry volume.
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 300 }).map((x) => x * 100)), { minLength: 20, maxLength: 20 }), {
        minLength: periods,
        maxLength: periods,
      }),
    ),
  )
  .map(([world, picks, modes, extra]) => {
    const last = world[world.length - 1]!;
    const n = last.uplines.length;
    const parents: number[] = [];
    const slots: number[] = [];
    for (let i = 0; i < n; i++) {
      // Her sponsor when she first appears (rolled up to a current member then).
      const first = world.find((p) => p.uplines.length > i)!;
      const sponsor = first.uplines[i]!;
      const inSubtree = (j: number, top: number) => {
        for (let k = j; k >= 0; k = parents[k]!) if (k === top) return true;
        return false;
      };
      const free: [number, number][] = [];
      for (let j = 0; j < i; j++) for (const s of [0, 1]) if (!parents.some((q, k) => q === j && slots[k] === s)) free.push([j, s]);
      // Mode 0: a new top; 1–6: a free slot in her sponsor's placement subtree (if any); else anywhere.
      const mine = sponsor >= 0 ? free.filter(([j]) => inSubtree(j, sponsor)) : [];
      const from = modes[i]! >= 1 && modes[i]! <= 6 && mine.length > 0 ? mine : free;
      if (i === 0 || modes[i] === 0 || from.length === 0) {
        parents.push(-1);
        slots.push(0);
      } else {
        const [j, s] = from[picks[i]! % from.length]!;
        parents.push(j);
        slots.push(s);
      }
    }
    return world.map((p: WorldPeriod, t) => ({
      ...p,
      orders: [...p.orders, ...p.alive.flatMap((a, i) => (a && extra[t]![i]! > 0 ? [{ member: i, customer: -1, price: extra[t]![i]!, cv: extra[t]![i]! }] : []))],
      placement: { width: 2, parent: parents.slice(0, p.uplines.length), slot: slots.slice(0, p.uplines.length) },
    }));
  });

/** A volume in major units: whole, with cents, or finer (failing in a 0- or 2-decimal currency). */
const volumeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("1", "5", "10", "20", "50", "100", "200", "0.5", "2.5", "7", "0.07", "150.25") },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40_000 }).map((c) => (c / 100).toFixed(2)) },
  { weight: 1, arbitrary: fc.constant("0.125") },
);
/** An amount in major units, mostly non-zero; "3.333" fails in a 0- or 2-decimal currency. */
const amountArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("20.00", "15", "10", "0.5", "1", "3.333") },
  { weight: 1, arbitrary: fc.constant("0") },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((c) => (c / 100).toFixed(2)) },
);

/** A setting given one time in four (null otherwise). */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** Mostly non-zero rates (a zero rate pays nothing to compare). */
const payRateArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("0.1", "0.05", "0.125", "0.333333", "1", "0.07") }, { weight: 2, arbitrary: rateArb });

const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    rounding: fc.constantFrom("halfEven", "halfUp", "down"),
    minPv: fc.constantFrom("0", "0", "0", "20", "100", "150.5"),
    ranks: ranksArb(1),
    kind: fc.constantFrom("weakLeg", "cycles", "cycles"),
    left: volumeArb,
    right: volumeArb,
    byValue: fc.boolean(),
    value: amountArb,
    rate: payRateArb,
    byRank: fc.option(fc.array(fc.record({ pick: fc.nat(3), value: amountArb, rate: payRateArb }), { minLength: 1, maxLength: 3 }), { freq: 2 }),
    // Without a base in pay when payByRank lists ranks: members below them are not qualified.
    noBase: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    firstCycle: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(volumeArb, volumeArb) }),
    capCycles: sometimes(fc.integer({ min: 0, max: 30 })),
    capPaired: sometimes(volumeArb),
    capAmount: sometimes(amountArb),
    overCap: fc.constantFrom("carry", "flush", undefined),
    carryCap: sometimes(volumeArb),
    flushWhenInactive: fc.constantFrom(true, false, undefined),
    flushAfterPeriods: sometimes(fc.integer({ min: 1, max: 3 })),
    active: fc.constantFrom(true, false, undefined),
    sponsoredEachSide: fc.constantFrom(true, false, false, undefined),
  })
  .map((r) => {
    const cycles = r.kind === "cycles";
    const byValue = cycles && r.byValue;
    // Each rank at most once.
    const listed = r.byRank ? [...new Map(r.byRank.map((b) => [b.pick % r.ranks.length, b])).entries()] : [];
    const base = listed.length > 0 && r.noBase ? {} : byValue ? { value: r.value } : { rate: r.rate };
    const sides = r.firstCycle ? [...r.firstCycle].sort((a, b) => Number(a) - Number(b)) : undefined;
    const first = sides ? { firstCycle: { larger: sides[1]!, smaller: sides[0]! } } : {};
    const pay = cycles ? { kind: "cycles", left: r.left, right: r.right, ...base, ...first } : { kind: "weakLeg", ...base };
    const cap = {
      ...(cycles && r.capCycles !== null ? { cycles: r.capCycles } : {}),
      ...(!cycles && r.capPaired !== null ? { maxPaired: r.capPaired } : {}),
      ...(r.capAmount !== null ? { amount: r.capAmount } : {}),
    };
    return {
      rounding: r.rounding,
      activity: { minPv: r.minPv },
      ranks: r.ranks,
      components: [
        {
          type: "binary",
          pay,
          ...(listed.length > 0 ? { payByRank: listed.map(([k, b]) => ({ rank: r.ranks[k]!.name, ...(byValue ? { value: b.value } : { rate: b.rate }) })) } : {}),
          ...(Object.keys(cap).length > 0 ? { cap } : {}),
          ...(r.overCap ? { overCap: r.overCap } : {}),
          carryover: {
            ...(r.carryCap !== null ? { cap: r.carryCap } : {}),
            ...(r.flushWhenInactive !== undefined ? { flushWhenInactive: r.flushWhenInactive } : {}),
            ...(r.flushAfterPeriods !== null ? { flushAfterPeriods: r.flushAfterPeriods } : {}),
          },
          qualification: {
            ...(r.active !== undefined ? { active: r.active } : {}),
            ...(r.sponsoredEachSide !== undefined ? { sponsoredEachSide: r.sponsoredEachSide } : {}),
          },
        },
      ],
    };
  }) as fc.Arbitrary<PlanInput>;

/** What a step returned, or the error it threw, by class and message (both engines must throw alike). */
function outcome<T>(step: () => T): T | { thrown: string } {
  try {
    return step();
  } catch (e) {
    return { thrown: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

describe("binary: fast and reference engines agree", () => {
  it(`on ${RUNS} random 2–4-period worlds with binary placement trees, pay rules, caps and carryover, to the cent, each period`, () => {
    let paying = 0;
    // Coverage counts (print them with BINARY_STATS=1).
    const seen = { thrown: 0, periods: 0, headline: 0 };
    fc.assert(
      fc.property(placedWorldArb, planArb, fc.constantFrom(2, 2, 2, 0, 3), (world, plan, digits) => {
        // The activity threshold finer than the currency fails when the engine is created, alike on both.
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
            seen.thrown += 1;
            return;
          }
          seen.periods += 1;
          expectInvariants(network, fast.plan, f, r);
          expect(f.paid).toEqual(r.paid);
          expect(f.breakage).toEqual(r.breakage);
          expect(Array.from(f.amounts[0]!.subarray(0, f.size))).toEqual(Array.from(r.amounts[0]!));
          if (f.paid[0]! > 0) paying += 1;
          if (f.paid[0]! + f.breakage[0]! > 0) seen.headline += 1;
        }

      }),
      { numRuns: RUNS, ...replay },
    );
    if (process.env.BINARY_STATS) console.log(JSON.stringify({ ...seen, paying }));
    // The generators must reach paying members, not only empty payouts.
    expect(paying).toBeGreaterThan(RUNS / 5);
  });

  it("a compiled plan paid by a second engine after a first run starts afresh", () => {
    fc.assert(
      fc.property(placedWorldArb, planArb, (world, plan) => {
        // A plan with money finer than cents is refused when compiled (other properties check that).
        const compiledOrError = outcome(() => compilePlan(plan, options));
        if ("thrown" in compiledOrError) return;
        const compiled = compiledOrError;
        const run = () => {
          const engine = createFastEngine(compiled);
          return world.map((p) => {
            const payout = outcome(() => engine.pay(networkFromRecords(p)));
            return "thrown" in payout ? payout : { paid: payout.paid, breakage: payout.breakage };
          });
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 100, ...replay },
    );
  });
});
