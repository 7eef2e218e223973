/**
 * Random small multi-period worlds for property tests of components whose pay
 * depends on time or on state kept across periods: members join in index order
 * (some before period 0), some quit for good, a quitter's downline is rolled up
 * to her nearest current upline, and only current members order.
 */
import fc from "fast-check";
import type { OrderRecord } from "../../src/index.js";
import { ascendingLadder } from "./ladders.js";

/** One period as `networkFromRecords` takes it. */
export interface WorldPeriod {
  readonly period: number;
  readonly uplines: number[];
  readonly alive: boolean[];
  readonly joinPeriods: number[];
  readonly orders: OrderRecord[];
}

/** `periods` consecutive periods (0, 1, ...) of one random world of up to `maxMembers` members. */
export function worldArb(periods: number, maxMembers = 25): fc.Arbitrary<WorldPeriod[]> {
  return fc.integer({ min: 1, max: maxMembers }).chain((size) =>
    fc
      .record({
        // Sorted, so that members join in index order; member 0 is there from period 0 at the latest.
        joins: fc.array(fc.integer({ min: -3, max: periods - 1 }), { minLength: size, maxLength: size }),
        sponsors: fc.tuple(
          ...Array.from({ length: size }, (_, i) =>
            i === 0 ? fc.constant(-1) : fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 9, arbitrary: fc.integer({ min: 0, max: i - 1 }) }),
          ),
        ),
        // The period a member quits in (she is gone from it on), or never.
        quits: fc.array(fc.option(fc.integer({ min: 0, max: periods - 1 }), { freq: 3 }), { minLength: size, maxLength: size }),
        orders: fc.array(
          fc.array(
            fc.record({
              member: fc.nat(),
              customer: fc.integer({ min: -1, max: 5 }),
              // Multiples of 10 cents make half-cent ties frequent; any cents otherwise.
              cv: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 3000 }).map((x) => x * 10), fc.constant(1010)),
            }),
            { maxLength: 30 },
          ),
          { minLength: periods, maxLength: periods },
        ),
      })
      .map(({ joins, sponsors, quits, orders }) => {
        const joinPeriods = [...joins].sort((a, b) => a - b);
        joinPeriods[0] = Math.min(joinPeriods[0]!, 0);
        return Array.from({ length: periods }, (_, t): WorldPeriod => {
          const n = joinPeriods.filter((j) => j <= t).length;
          const alive = Array.from({ length: n }, (_, i) => quits[i] === null || quits[i]! > t);
          const uplines: number[] = [];
          for (let i = 0; i < n; i++) {
            const s = sponsors[i]!;
            // Her sponsor's entry is already rolled up to a current member (or -1).
            uplines.push(s >= 0 && !alive[s] ? uplines[s]! : s);
          }
          const current = alive.flatMap((a, i) => (a ? [i] : []));
          const periodOrders =
            current.length === 0 ? [] : orders[t]!.map((o) => ({ member: current[o.member % current.length]!, customer: o.customer, price: o.cv, cv: o.cv }));
          return { period: t, uplines, alive, joinPeriods: joinPeriods.slice(0, n), orders: periodOrders };
        });
      }),
  );
}

/** A rate with 0–6 decimals in [0, 1], as a string or a number. */
export const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constantFrom("0", "1", "0.5", "0.05", "0.125"),
);

/** A ladder of `minLength`–4 ranks R1, R2, ... with ascending PV/GV, legs by GV or by a lower rank, and max-share rules. */
export function ranksArb(minLength = 0) {
  return fc
    .array(
      fc.record({
        // Often no PV requirement: with \`active: false\`, inactive members then reach ranks too.
        pv: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150 })),
        gv: fc.integer({ min: 0, max: 400 }),
        // Leg requirements on half the ranks: with them, few members of a small world advance.
        legs: fc.oneof(
          fc.constant<{ count: number; minGv: number; byRank: boolean }[]>([]),
          fc.array(fc.record({ count: fc.integer({ min: 1, max: 2 }), minGv: fc.integer({ min: 0, max: 300 }), byRank: fc.boolean() }), { minLength: 1, maxLength: 2 }),
        ),
        share: fc.option(fc.integer({ min: 1, max: 100 }).map((n) => (n / 100).toFixed(2))),
        active: fc.boolean(),
      }),
      { minLength, maxLength: 4 },
    )
    .map(ascendingLadder);
}
