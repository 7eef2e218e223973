/**
 * Enrolment packages in a unilevel: the fast engine (level passes, walks up
 * from each buyer when rates depend on her package, walks up from each
 * package fee) agrees with the reference definition (order by order) to the
 * cent, on random worlds whose members hold random packages (or none) and pay
 * random package fees (their own package's, or another's), with rates by the
 * earner's, the buyer's or the lower package, fees counted as a package's
 * volume, eligibility by package, compression and payable depth.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/packages.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, type PlanInput } from "../../src/index.js";
import { expectSameLanguagePayouts, languagePlanArb, languageWorldArb, PACKAGE_NAMES, PLAN_PACKAGES, rateTableArb, reached } from "./language-worlds.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.PACKAGES_RUNS ?? 400);

const planArb: fc.Arbitrary<PlanInput> = languagePlanArb(
  (ranks) => ({
    rates: fc.array(rateTableArb(ranks.length, true), { minLength: 1, maxLength: 4 }),
    compression: fc.constantFrom("dynamic", "none"),
    packageVolume: fc.constantFrom(undefined, "buyer", "earner", "lower"),
    basis: fc.constantFrom("cv", "qv", undefined),
    eligible: fc.option(fc.subarray([...PACKAGE_NAMES], { minLength: 1 }), { freq: 3 }),
    depth: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 3 }),
  }),
  (r) => [
    {
      type: "unilevel",
      name: "enrolment",
      rates: r.rates,
      compression: r.compression,
      ...(r.packageVolume ? { packageVolume: r.packageVolume } : {}),
      ...(r.basis ? { basis: r.basis } : {}),
      ...(r.eligible ? { qualification: { packages: r.eligible } } : {}),
      ...(r.depth !== null ? { depth: { base: r.depth } } : {}),
    },
  ],
  { minRanks: 0, packages: PLAN_PACKAGES },
);

describe("enrolment packages: fast and reference engines agree", () => {
  it(`on ${RUNS} random 1–3-period worlds with packages and package fees, to the cent`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => languageWorldArb(n)), planArb, (world, plan) => {
        const compiled = compilePlan(plan);
        expectSameLanguagePayouts(createFastEngine(compiled), createReferenceEngine(compiled), world);
      }),
      { numRuns: RUNS, ...replay },
    );
    expect(reached.paidBy.get("enrolment") ?? 0).toBeGreaterThan(RUNS / 5);
  });
});
