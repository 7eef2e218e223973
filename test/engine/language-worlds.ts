/**
 * Random small multi-period worlds and plan pieces for property tests of the
 * plan language: orders with their own QV (or none), members holding
 * enrolment packages (or none), package fees, QV-only orders; random
 * measures, ladders on QV or CV with or without their own volume and with
 * minimums on measures, and rate tables (constant, by rank, by rank × a
 * count measure, by package).
 */
import fc from "fast-check";
import { expect } from "vitest";
import { networkFromRecords, type OrderRecord, type PlanEngine, type PlanInput } from "../../src/index.js";
import { ranksArb, worldArb, type WorldPeriod } from "./multi-period-worlds.js";

/** A period with packages. */
export interface LanguagePeriod extends WorldPeriod {
  readonly packages: (string | null)[];
}

export const PACKAGE_NAMES = ["Basic", "Pro", "Max"] as const;

/** The plan's packages, lowest first, with volumes. */
export const PLAN_PACKAGES = [
  { name: "Basic", volume: "50" },
  { name: "Pro", volume: "100" },
  { name: "Max", volume: "250.5" },
];

/** `periods` periods of a world whose orders carry QV, whose members hold packages, with package fees. */
export function languageWorldArb(periods: number, maxMembers = 25): fc.Arbitrary<LanguagePeriod[]> {
  return fc
    .tuple(
      worldArb(periods, maxMembers),
      fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fc.constantFrom(...PACKAGE_NAMES) }), { minLength: maxMembers, maxLength: maxMembers }),
      // Per order: no QV (QV = CV), a QV of its own, or none at all (0).
      fc.array(fc.oneof(fc.constant(-1), fc.constant(-1), fc.integer({ min: 0, max: 30_000 }), fc.constant(0)), { minLength: 40, maxLength: 40 }),
      // Per period and member: a package fee (her package's, or another), a QV-only order.
      fc.array(fc.array(fc.nat(9), { minLength: maxMembers, maxLength: maxMembers }), { minLength: periods, maxLength: periods }),
      fc.boolean(),
    )
    .map(([world, packages, qvs, extras, anyQv]) =>
      world.map((p, t): LanguagePeriod => {
        const orders: OrderRecord[] = p.orders.map((o, k) => {
          const qv = qvs[k % qvs.length]!;
          return anyQv && qv >= 0 ? { ...o, qv } : o;
        });
        p.alive.forEach((alive, i) => {
          if (!alive) return;
          const e = extras[t]![i]!;
          const own = packages[i] ?? null;
          if (e === 1 && own) orders.push({ member: i, customer: -1, price: 5000, cv: 5000, package: own });
          if (e === 2) orders.push({ member: i, customer: -1, price: 10_000, cv: 10_000, package: PACKAGE_NAMES[i % 3]! });
          if (e === 3 && anyQv) orders.push({ member: i, customer: -1, price: 0, cv: 0, qv: 2000 + 100 * i });
        });
        return { ...p, orders, packages: packages.slice(0, p.uplines.length) };
      }),
    );
}

/** The measures every plan of these tests may read, with random settings. */
export const measuresArb = fc
  .record({
    shares: fc.array(fc.constantFrom("0.3", "0.2", "0.1", "0.05", "0.25", "0.5", "0.001"), { minLength: 1, maxLength: 4 }),
    linesKind: fc.constantFrom("qv", "cv"),
    linesOwn: fc.boolean(),
    minVolume: fc.constantFrom(undefined, "0", "50", "120.5"),
    maxShare: fc.constantFrom("0.5", "0.3", "1", "0.333"),
    cappedOwn: fc.boolean(),
  })
  .map((m) => [
    { name: "lines", kind: "qualifiedLines", shares: m.shares, volume: { kind: m.linesKind, includeOwn: m.linesOwn } },
    { name: "legs", kind: "legs", ...(m.minVolume ? { minVolume: m.minVolume } : {}) },
    { name: "activeFront", kind: "activeSponsored" },
    { name: "capped", kind: "legVolume", maxShare: m.maxShare, volume: { includeOwn: m.cappedOwn } },
  ]) as fc.Arbitrary<NonNullable<PlanInput["measures"]>>;

/** A ladder as ranksArb's, each rank on QV or CV, with or without her own volume, sometimes with a minimum on a measure. */
export function languageRanksArb(minLength = 0) {
  return ranksArb(minLength).chain((ranks) =>
    fc
      .tuple(
        fc.array(
          fc.record({
            kind: fc.constantFrom("qv", "cv", undefined),
            includeOwn: fc.constantFrom(true, false, undefined),
            measure: fc.option(fc.record({ name: fc.constantFrom("lines", "legs", "activeFront", "capped"), min: fc.integer({ min: 0, max: 3 }) }), { freq: 2 }),
          }),
          { minLength: ranks.length, maxLength: ranks.length },
        ),
        fc.boolean(),
      )
      .map(([extra, rankLegsMeasure]) =>
        ranks.map((r, i) => {
          const e = extra[i]!;
          const measures: { measure: string; min: number | string }[] = e.measure ? [{ measure: e.measure.name, min: e.measure.name === "capped" ? String(e.measure.min * 100) : e.measure.min }] : [];
          // A rank above the first may ask for a leg holding the rank below it.
          if (rankLegsMeasure && i > 0) measures.push({ measure: "r1Legs", min: 1 });
          return {
            ...r,
            ...(e.kind || e.includeOwn !== undefined ? { volume: { ...(e.kind ? { kind: e.kind } : {}), ...(e.includeOwn !== undefined ? { includeOwn: e.includeOwn } : {}) } } : {}),
            ...(measures.length > 0 ? { measures } : {}),
          };
        }),
      ),
  );
}

/** The measure of legs holding the first rank, for ladders that ask for it. */
export const R1_LEGS = { name: "r1Legs", kind: "legs", rank: "R1" } as const;

/** A ladder as {@link languageRanksArb} draws it. */
export type LanguageLadder = ReturnType<typeof languageRanksArb> extends fc.Arbitrary<infer L> ? L : never;

/** The draws every plan of {@link languagePlanArb} makes. */
export interface LanguagePlanDraws {
  readonly measures: NonNullable<PlanInput["measures"]>;
  readonly rounding: "halfEven" | "halfUp" | "down";
  readonly minPv: string;
}

/**
 * Plans on a random ladder (at least `minRanks` ranks, default 1): random
 * rounding, PV minimum and measures (with {@link R1_LEGS} when there are
 * ranks), the packages (default: the names only); `fields` draws the rest
 * from the ladder, and `components` makes the plan's components of the draws.
 */
export function languagePlanArb<T extends object>(
  fields: (ranks: LanguageLadder) => { [K in keyof T]: fc.Arbitrary<T[K]> },
  components: (r: T & LanguagePlanDraws, ranks: LanguageLadder) => unknown[],
  options: { readonly minRanks?: number; readonly packages?: readonly { readonly name: string; readonly volume?: string }[] } = {},
): fc.Arbitrary<PlanInput> {
  const { minRanks = 1, packages = PACKAGE_NAMES.map((name) => ({ name })) } = options;
  return languageRanksArb(minRanks).chain((ranks) =>
    fc
      .record({
        measures: measuresArb,
        rounding: fc.constantFrom("halfEven" as const, "halfUp" as const, "down" as const),
        minPv: fc.constantFrom("0", "0", "50"),
        ...fields(ranks),
      } as { [K in keyof (T & LanguagePlanDraws)]: fc.Arbitrary<(T & LanguagePlanDraws)[K]> })
      .map((r) => ({
        rounding: r.rounding,
        activity: { minPv: r.minPv },
        measures: ranks.length > 0 ? [...r.measures, R1_LEGS] : r.measures,
        ranks,
        packages,
        components: components(r, ranks),
      })),
  ) as fc.Arbitrary<PlanInput>;
}

/** A rate with few decimals, often 0 (zeros allowed in tables). */
export const cellArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant("0") },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => (n / 100).toFixed(2)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => (n / 10_000).toFixed(4)) },
);

/**
 * A rate table for a ladder of `rankCount` ranks: a constant, by rank, by
 * rank × a count measure, a row by a measure, or by package (of the earner,
 * or, where `buyer` is allowed, the buyer or the lower).
 */
export function rateTableArb(rankCount: number, buyer = false): fc.Arbitrary<unknown> {
  const ranks = Array.from({ length: rankCount }, (_, i) => `R${i + 1}`);
  const rows = (values: fc.Arbitrary<unknown>) => fc.subarray(ranks, { minLength: 1 }).chain((listed) => fc.tuple(...listed.map(() => values)).map((v) => listed.map((rank, k) => ({ rank, ...(v[k] as object) }))));
  const column = fc.constantFrom("lines", "legs", "activeFront", "r1Legs");
  const byRank: fc.Arbitrary<unknown>[] =
    rankCount === 0
      ? []
      : [
          fc.record({ byRank: rows(fc.record({ rate: cellArb })), base: fc.option(cellArb, { nil: undefined }) }).map((t) => (t.base === undefined ? { byRank: t.byRank } : t)),
          fc.record({ byRank: rows(fc.record({ rates: fc.array(cellArb, { minLength: 1, maxLength: 5 }) })), column, base: fc.array(cellArb, { minLength: 1, maxLength: 3 }) }),
        ];
  const options: fc.Arbitrary<unknown>[] = [
    cellArb,
    ...byRank,
    fc.record({ rates: fc.array(cellArb, { minLength: 1, maxLength: 5 }), column: rankCount === 0 ? fc.constantFrom("lines", "legs", "activeFront") : column }),
    fc.record({
      byPackage: fc.subarray([...PACKAGE_NAMES], { minLength: 1 }).chain((listed) => fc.tuple(...listed.map(() => cellArb)).map((v) => listed.map((p, k) => ({ package: p, rate: v[k] })))),
      of: buyer ? fc.constantFrom("earner", "buyer", "lower") : fc.constant("earner"),
    }),
  ];
  return fc.oneof(...options);
}

/** What the generators reached, across runs (coverage: lines of 2 or more, ranks held). */
export const reached = { lines2: 0, ranked: 0, paidBy: new Map<string, number>() };

/** Pays each period on both engines and expects the same ranks, measures, amounts, totals and breakage. */
export function expectSameLanguagePayouts(fast: PlanEngine, reference: PlanEngine, world: readonly LanguagePeriod[]): number {
  let paid = 0;
  for (const period of world) {
    const network = networkFromRecords(period);
    const f = fast.pay(network);
    const r = reference.pay(network);
    expect(Array.from(f.rank.subarray(0, f.size))).toEqual(Array.from(r.rank));
    expect(Array.from(f.active.subarray(0, f.size))).toEqual(Array.from(r.active));
    for (const [name, values] of f.measures) expect(Array.from(values.subarray(0, f.size)), name).toEqual(Array.from(r.measures.get(name)!));
    expect(f.paid).toEqual(r.paid);
    expect(f.breakage).toEqual(r.breakage);
    for (let k = 0; k < f.amounts.length; k++) expect(Array.from(f.amounts[k]!.subarray(0, f.size)), f.components[k]).toEqual(Array.from(r.amounts[k]!));
    paid += f.paid.reduce((s, x) => s + x, 0);
    if (Array.from(f.measures.get("lines") ?? []).some((v) => v >= 2)) reached.lines2 += 1;
    if (Array.from(f.rank.subarray(0, f.size)).some((v) => v > 0)) reached.ranked += 1;
    f.components.forEach((name, k) => {
      if (f.paid[k]! > 0) reached.paidBy.set(name, (reached.paidBy.get(name) ?? 0) + 1);
    });
  }
  return paid;
}
