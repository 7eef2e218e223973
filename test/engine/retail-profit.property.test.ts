/**
 * Retail profit: the fast and reference engines agree to the cent on random
 * networks (prices apart from CV, own and customers' orders) and on random
 * small simulated worlds (the fast engine reads the world's order columns, the
 * reference engine its order records or, without records, the columns).
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/engine/retail-profit.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePlan, createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";
import { retailProfit } from "../../src/plan/components/retail-profit/index.js";
import { customerOrdersArb, expectAgreement, expectWorldAgreement, planBaseArb, rateArb, scenarioArb } from "./customer-orders.js";
import { expectInvariants } from "./invariants.js";

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const RUNS = Number(process.env.RETAIL_PROFIT_RUNS ?? 400);

const componentArb = fc.record({
  type: fc.constant("retailProfit"),
  discount: rateArb,
  qualification: fc.option(fc.record({ active: fc.boolean() }), { nil: undefined }),
});

const planArb: fc.Arbitrary<PlanInput> = fc
  .record({ base: planBaseArb, components: fc.array(componentArb, { minLength: 1, maxLength: 3 }) })
  .map(({ base, components }) => ({
    rounding: base.rounding,
    activity: { minPv: base.minPv },
    // A customer commission first: retail profit must not depend on what ran before it.
    components: [{ type: "customerCommission", name: "cc", rate: "0.1" }, ...components.map((c, i) => ({ ...c, name: `retail${i}` }))],
  })) as fc.Arbitrary<PlanInput>;

const options = { components: [retailProfit] };


describe("retailProfit: fast and reference engines agree", () => {
  it(`on ${RUNS} random networks and settings, to the cent`, () => {
    fc.assert(
      fc.property(customerOrdersArb(), planArb, (net, plan) => {
        const network = networkFromRecords(net);
        const compiled = compilePlan(plan, options);
        const fast = createFastEngine(compiled).pay(network);
        const reference = createReferenceEngine(compilePlan(plan, options)).pay(network);
        expectAgreement(fast, reference);
        expectInvariants(network, compiled, fast, reference);
        // Without qualification.active nothing is forfeited: breakage is rounding residue only, under a
        // cent for each member who accrued anything — a seller whose accrual rounds down to 0.00 is paid
        // nothing and still leaves her fraction (so the bound counts sellers, not members paid).
        const sellers = new Set(net.orders.map((o) => o.member)).size;
        plan.components.forEach((c, k) => {
          if (k > 0 && !(c as { qualification?: { active: boolean } }).qualification?.active) expect(Math.abs(fast.breakage[k]!)).toBeLessThanOrEqual(Math.max(1, sellers));
        });
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
