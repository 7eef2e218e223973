/**
 * Affiliate tiers: the fast and reference engines agree to the cent on random
 * networks whose customers were acquired in random periods (renewals, first
 * orders, step-downs), and on random small simulated worlds, where the fast
 * engine reads the world's order columns and the reference engine its order
 * records (or, without records, the columns).
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/affiliate.property.test.ts`.
 */
import { describe, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { affiliate } from "../../src/plan/components/affiliate/index.js";
import { customerOrdersArb, expectAgreement, expectWorldAgreement, planBaseArb, rateArb, scenarioArb } from "./customer-orders.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.AFFILIATE_RUNS ?? 400);

const componentArb = fc
  .record({
    levels: fc.integer({ min: 1, max: 2 }),
    rates: fc.tuple(rateArb, rateArb),
    mode: fc.constantFrom("recurring", "firstOrder", undefined),
    basis: fc.constantFrom("price", "cv", undefined),
    stepDown: fc.option(fc.record({ afterPeriods: fc.integer({ min: 1, max: 12 }), rates: fc.tuple(rateArb, rateArb) }), { nil: undefined }),
    requiresActive: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ levels, rates, mode, basis, stepDown, requiresActive }) => ({
    type: "affiliate",
    rates: rates.slice(0, levels),
    ...(mode ? { mode } : {}),
    ...(basis ? { basis } : {}),
    // A step-down only where it can apply (recurring), with a rate per level.
    ...(stepDown && mode !== "firstOrder" ? { stepDown: { afterPeriods: stepDown.afterPeriods, rates: stepDown.rates.slice(0, levels) } } : {}),
    ...(requiresActive === undefined ? {} : { qualification: { active: requiresActive } }),
  }));

const planArb: fc.Arbitrary<PlanInput> = fc
  .record({ base: planBaseArb, components: fc.array(componentArb, { minLength: 1, maxLength: 3 }) })
  .map(({ base, components }) => ({
    rounding: base.rounding,
    activity: { minPv: base.minPv },
    // A unilevel first: the affiliate must not depend on what ran before it.
    components: [{ type: "unilevel", name: "team", rates: ["0.05"] }, ...components.map((c, i) => ({ ...c, name: `affiliate${i}` }))],
  })) as fc.Arbitrary<PlanInput>;

const options = { components: [affiliate] };


describe("affiliate: fast and reference engines agree", () => {
  it(`on ${RUNS} random networks, customer tenures and settings, to the cent`, () => {
    fc.assert(
      fc.property(customerOrdersArb(), planArb, (net, plan) => {
        const network = networkFromRecords(net);
        const compiled = compilePlan(plan, options);
        const fast = createFastEngine(compiled).pay(network);
        const reference = createReferenceEngine(compilePlan(plan, options)).pay(network);
        expectAgreement(fast, reference);
        expectInvariants(network, compiled, fast, reference);
      }),
      { numRuns: RUNS, ...replay },
    );
  });

  it("on random small simulated worlds, period after period, from records and from columns", () => {
    fc.assert(
      fc.property(scenarioArb, planArb, ({ scenario, seed }, plan) => expectWorldAgreement(plan, options, scenario, seed)),
      { numRuns: 60, ...replay },
    );
  });
});
