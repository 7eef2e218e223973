/**
 * Random small networks where paid-as ranks come out often, for property tests
 * of rank-driven components (stairstep, generation): ladders by PV and GV only
 * (rarely a legs rule), thresholds of the same size as orders, long chains as
 * well as bushes, quitters rolled up, only current members ordering.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { networkFromRecords, type OrderRecord, type PeriodNetwork, type PlanEngine } from "../../src/index.js";
import { ascendingLadder } from "./ladders.js";
import { expectInvariants } from "./invariants.js";

/** A rate with 0–6 decimals in [0, 1], as a string or a number. */
export const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constantFrom("0", "1", "0.05", "0.125"),
);

/** A ladder of 1–5 ranks R1, R2, … with ascending PV and GV thresholds (major units). */
export const ladderArb = fc
  .array(
    fc.record({
      pv: fc.integer({ min: 0, max: 60 }),
      gv: fc.integer({ min: 0, max: 200 }),
      legs: fc.option(fc.record({ count: fc.integer({ min: 1, max: 2 }), minGv: fc.integer({ min: 0, max: 100 }) }), { freq: 4 }),
      active: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map(ascendingLadder);

/** One period's network: up to 30 members, sponsors often the member just before (long chains). */
export const networkArb: fc.Arbitrary<PeriodNetwork> = fc.integer({ min: 1, max: 30 }).chain((size) =>
  fc
    .record({
      sponsors: fc.tuple(
        ...Array.from({ length: size }, (_, i) =>
          i === 0
            ? fc.constant(-1)
            : fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 4, arbitrary: fc.constant(i - 1) }, { weight: 5, arbitrary: fc.integer({ min: 0, max: i - 1 }) }),
        ),
      ),
      alive: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { minLength: size, maxLength: size }),
      orders: fc.array(
        fc.record({
          member: fc.nat(),
          customer: fc.integer({ min: -1, max: 5 }),
          // Multiples of 10 cents make half-cent ties frequent; any cents otherwise.
          cv: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 3000 }).map((x) => x * 10), fc.constant(1010)),
        }),
        // About one to two orders a member, so that most members hold a rank.
        { minLength: size, maxLength: 2 * size, size: "max" },
      ),
    })
    .map(({ sponsors, alive, orders }) => {
      // As the world does: a quitter's downline is rolled up to her nearest current upline.
      const uplines: number[] = [];
      for (let i = 0; i < size; i++) {
        const s = sponsors[i]!;
        uplines.push(s >= 0 && !alive[s] ? uplines[s]! : s);
      }
      const current = alive.flatMap((a, i) => (a ? [i] : []));
      const credited: OrderRecord[] =
        current.length === 0 ? [] : orders.map((o) => ({ member: current[o.member % current.length]!, customer: o.customer, price: o.cv, cv: o.cv }));
      return networkFromRecords({ uplines, alive, orders: credited });
    }),
);

/** Pays each network on both engines in turn and expects the same amounts, totals and breakage to the cent. */
export function expectSamePayouts(fast: PlanEngine, reference: PlanEngine, networks: readonly PeriodNetwork[]): void {
  for (const network of networks) {
    const f = fast.pay(network);
    const r = reference.pay(network);
    expectInvariants(network, fast.plan, f, r);
    expect(Array.from(f.rank.subarray(0, f.size))).toEqual(Array.from(r.rank));
    expect(f.paid).toEqual(r.paid);
    expect(f.breakage).toEqual(r.breakage);
    for (let k = 0; k < f.amounts.length; k++) {
      expect(Array.from(f.amounts[k]!.subarray(0, f.size))).toEqual(Array.from(r.amounts[k]!));
    }
  }
}
