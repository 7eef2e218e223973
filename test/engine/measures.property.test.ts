/**
 * Measures, rank rules that read them, and volume kinds: the fast and
 * reference engines agree on paid-as ranks, activity, every measure and the
 * group volume bonus (rate tables by rank × measure), on random multi-period
 * worlds whose orders carry their own QV.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/measures.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, type PlanInput } from "../../src/index.js";
import { expectSameLanguagePayouts, languageRanksArb, languageWorldArb, measuresArb, R1_LEGS, rateTableArb, reached } from "./language-worlds.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.MEASURES_RUNS ?? 300);

const planArb: fc.Arbitrary<PlanInput> = languageRanksArb().chain((ranks) =>
  fc
    .record({
      measures: measuresArb,
      minPv: fc.constantFrom("0", "0", "50", "100"),
      activityKind: fc.constantFrom("qv", "cv", undefined),
      rate: rateTableArb(ranks.length),
      basis: fc.constantFrom("cv", "qv"),
      includeOwn: fc.boolean(),
      active: fc.boolean(),
    })
    .map((r) => ({
      activity: { minPv: r.minPv, ...(r.activityKind ? { volume: { kind: r.activityKind } } : {}) },
      measures: ranks.length > 0 ? [...r.measures, R1_LEGS] : r.measures,
      ranks,
      packages: [{ name: "Basic" }, { name: "Pro" }, { name: "Max" }],
      components: [{ type: "groupVolume", name: "group", rate: r.rate, basis: r.basis, includeOwn: r.includeOwn, qualification: { active: r.active } }],
    })),
) as fc.Arbitrary<PlanInput>;

describe("measures, ranks and volume kinds: fast and reference engines agree", () => {
  it(`on ${RUNS} random 1–3-period worlds: ranks, activity, every measure, a group volume bonus by table`, () => {
    let paying = 0;
    let ranked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => languageWorldArb(n)), planArb, (world, plan) => {
        const compiled = compilePlan(plan);
        const fast = createFastEngine(compiled);
        const reference = createReferenceEngine(compiled);
        if (expectSameLanguagePayouts(fast, reference, world) > 0) paying += 1;
        if ((plan.ranks ?? []).length > 0) ranked += 1;
      }),
      { numRuns: RUNS, ...replay },
    );
    expect(paying).toBeGreaterThan(RUNS / 5);
    expect(ranked).toBeGreaterThan(RUNS / 3);
    // The generators reach members with several lines and members holding ranks.
    expect(reached.lines2).toBeGreaterThan(RUNS / 10);
    expect(reached.ranked).toBeGreaterThan(RUNS / 10);
  });
});
