/**
 * The world's features for businesses other than a wellness network: the
 * company accounts' own rates (`start.company`: an info product's creator),
 * weekly-billed subscriptions (`customers.renewEvery: "week"`: a SaaS
 * affiliate program), and one-time buyers (`customers.oneTime`: a
 * high-ticket offer, a course) — each on a small world with its numbers
 * worked out by hand, or from the documented keyed draw.
 */
import { describe, expect, it } from "vitest";
import { createWorld, DownlineInputError, PRESET_SCENARIOS, PRESETS, resolveScenario, simulate, stepWorld, type ScenarioInput, type World } from "../../src/index.js";
import { keyedDraws, keyedUniform, poisson } from "../../src/random/index.js";
import type { WorldState } from "../../src/world/state.js";

/** Nobody but the company sells; nobody recruits; no own orders, no churn, no attrition; prices $10 fixed. */
const QUIET: ScenarioInput = {
  start: { founders: 1, network: null, company: { acquisitionRate: 0, recruitRate: 0, hoursPerWeek: 0 } },
  market: { prospects: 1_000_000_000 },
  customers: { churn: [{ fromMonth: 0, monthly: 0 }], orderValue: { kind: "fixed", value: "10.00" } },
  distributors: { orderProbability: 0, attrition: [{ fromMonth: 0, monthly: 0 }] },
};

function run(world: World, periods: number) {
  return Array.from({ length: periods }, () => stepWorld(world).stats);
}

describe("start.company: the company accounts' own business", () => {
  it("founders acquire and recruit at the company's rates and work its hours; members keep their roles' rates", () => {
    // The creator sells 40 a month at full effort, recruits 2, works 30 h a week; builders 0.5 and 0.1.
    const scenario: ScenarioInput = {
      ...QUIET,
      start: { founders: 1, network: null, company: { acquisitionRate: 40, recruitRate: 2, hoursPerWeek: 30 } },
      distributors: { ...QUIET.distributors, roles: { consumer: { share: 0 }, seller: { share: 0 }, builder: { share: 1, acquisitionRate: 0.5, recruitRate: 0.1, hoursPerWeek: 10 } } },
    };
    const world = createWorld(scenario, { seed: 3 }) as WorldState;
    const { stats } = stepWorld(world);
    // Period 0: the founder alone recruits (newcomers start next period); both acquire.
    // Saturation s = 1 (nobody used up the market yet): her means are 2 recruits and 40 customers.
    const s = 1;
    const recruits = poisson(keyedDraws(world.draws.recruiting.key).at(world.keyHi[0]!, world.keyLo[0]!, 0), 2 * s);
    expect(stats.joins).toBe(recruits);
    const founderCustomers = poisson(keyedDraws(world.draws.acquisition.key).at(world.keyHi[0]!, world.keyLo[0]!, 0), 40 * s);
    expect(world.customerCount[0]).toBe(founderCustomers);
    expect(founderCustomers).toBeGreaterThan(20);
    // Her hours: 30 a week × 52/12 weeks a month = 130 a month; the builders' 10 × 52/12 each at effort 1.
    expect(world.hours[0]).toBeCloseTo(130, 12);
    for (let i = 1; i < world.size; i++) expect(world.hours[i]).toBeCloseTo(10 * 52 / 12, 12);
    // The company rates do not leak into the roles: a builder's rate stays 0.5.
    expect(world.scenario.people.acquisitionRate[2]).toBe(0.5);
    expect(world.scenario.people.acquisitionRate[3]).toBe(40);
  });

  it("defaults to the builder's rates and hours", () => {
    const people = resolveScenario({ distributors: { roles: { builder: { acquisitionRate: 0.7, recruitRate: 0.2, hoursPerWeek: 12 } } } }).people;
    expect([people.acquisitionRate[3], people.recruitRate[3], people.hoursPerPeriod[3]]).toEqual([0.7, 0.2, people.hoursPerPeriod[2]]);
    // One field given, the others the builder's.
    const some = resolveScenario({ start: { company: { acquisitionRate: 9 } } }).people;
    expect([some.acquisitionRate[3], some.recruitRate[3]]).toEqual([9, 0.42]);
  });
});

describe("customers.renewEvery: weekly-billed subscriptions", () => {
  const weekly = (renewEvery: "week" | "month"): ScenarioInput => ({
    ...QUIET,
    period: "week",
    months: 12,
    // 100 distributors with 3 subscribers each on average, all current for the whole run.
    start: { founders: 1, network: { distributors: 100, customersPerDistributor: 3 }, company: { acquisitionRate: 0, recruitRate: 0 } },
    distributors: { ...QUIET.distributors, roles: { consumer: { share: 1 }, seller: { share: 0 }, builder: { share: 0 } } },
    customers: { ...QUIET.customers, renewEvery },
  });

  it("renew every week: each customer orders in every one of the 52 weeks, $10 each", () => {
    const world = createWorld(weekly("week"), { seed: 5 });
    const n = world.customers;
    expect(n).toBeGreaterThan(200);
    const stats = run(world, 52);
    // No churn, no acquisition: n customers × 52 weeks orders, n × $10.00 = n × 1,000 minor units a week.
    expect(stats.every((s) => s.orders === n && s.revenueCustomers === n * 1000 && s.customers === n)).toBe(true);
    expect(stats.reduce((sum, s) => sum + s.orders, 0)).toBe(52 * n);
  });

  it("renew every month (the default): the same customers order 12 times in the 52 weeks", () => {
    const world = createWorld(weekly("month"), { seed: 5 });
    const n = world.customers;
    const stats = run(world, 52);
    // Each renews in the week a new month of her tenure starts: 12 of any 52 consecutive weeks.
    expect(stats.reduce((sum, s) => sum + s.orders, 0)).toBe(12 * n);
  });

  it("a weekly renewal needs weekly periods: one error naming the field", () => {
    try {
      resolveScenario({ customers: { renewEvery: "week" } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DownlineInputError);
      expect((e as Error).message).toBe('downline/scenario: customers.renewEvery: expected "month" when period is "month" (a weekly renewal needs period: "week"), got "week"');
    }
  });
});

describe("customers.oneTime: buyers who buy once", () => {
  const oneTime = (share: number): ScenarioInput => ({
    ...QUIET,
    start: { ...QUIET.start, company: { acquisitionRate: 200, recruitRate: 0, hoursPerWeek: 0 } },
    customers: { ...QUIET.customers, oneTime: { share, orderValue: { kind: "fixed", value: "497.00" } } },
  });

  it("share 1: every new customer pays $497 once, is counted as a one-time sale, and is gone next period", () => {
    const world = createWorld(oneTime(1), { seed: 9 });
    const [first, second] = run(world, 2);
    // Period 0: the founder's Poisson(200 × s) sales, s = 1 at the start.
    const k = poisson(keyedDraws((world as WorldState).draws.acquisition.key).at(world.keyHi[0]!, world.keyLo[0]!, 0), 200);
    expect(first!.newCustomers).toBe(k);
    expect(first!.oneTimeSales).toBe(k);
    expect(first!.orders).toBe(k);
    expect(first!.revenueCustomers).toBe(k * 49_700);
    // CV: $497.00 × the default CV ratio 0.8 = $397.60 each.
    expect(first!.cv).toBe(k * 39_760);
    // Nobody subscribed: no customers kept, none lost (they were never customers after their purchase).
    expect(first!.customers).toBe(0);
    expect(second!.lostCustomers).toBe(0);
    // Next period only next period's new buyers order; each took a prospect (as did the founder).
    expect(second!.orders).toBe(second!.oneTimeSales);
    expect(world.prospectsLeft).toBe(1_000_000_000 - 1 - first!.newCustomers - second!.newCustomers);
  });

  it("share 0.25: each new customer's choice is her own keyed draw (one-time when u < 0.25); the rest subscribe at $10", () => {
    const world = createWorld(oneTime(0.25), { seed: 11 }) as WorldState;
    const { stats } = stepWorld(world);
    // Re-derive the period's customers from their keys: the subscribers are kept, in order.
    for (let c = 0; c < world.customers; c++) expect(keyedUniform(world.keys.oneTime, world.customerKeyHi[c]!, world.customerKeyLo[c]!, 0, 0)).toBeGreaterThanOrEqual(0.25);
    const once = stats.oneTimeSales;
    expect(once).toBeGreaterThan(0);
    expect(stats.newCustomers).toBe(once + world.customers);
    // Revenue: $497 per one-time sale and $10 per first subscription order.
    expect(stats.revenueCustomers).toBe(once * 49_700 + world.customers * 1000);
    // About a quarter of ~200 (a binomial: 4 standard deviations is ±24).
    expect(Math.abs(once - stats.newCustomers / 4)).toBeLessThan(4 * Math.sqrt(stats.newCustomers * 0.25 * 0.75));
  });

  it("without oneTime the world's draws are those of before (no extra draw per customer)", () => {
    const a = createWorld({ ...QUIET, start: { ...QUIET.start, company: { acquisitionRate: 50 } } }, { seed: 2 });
    const b = createWorld({ ...QUIET, start: { ...QUIET.start, company: { acquisitionRate: 50 } }, customers: { ...QUIET.customers, oneTime: { share: 0, orderValue: { kind: "fixed", value: "1.00" } } } }, { seed: 2 });
    expect(JSON.stringify(run(a, 3))).toBe(JSON.stringify(run(b, 3)));
  });
});

describe("the preset businesses that use them", () => {
  it("info product: one-time course sales beside membership renewals, the creator's commissions counted apart", () => {
    const r = simulate({ scenario: { ...PRESET_SCENARIOS["info-product"], months: 3 }, plan: PRESETS["info-product"], seed: 1, ledger: false });
    for (const p of r.periods) {
      expect(p.oneTimeSales).toBeGreaterThan(0);
      // Renewals and first membership orders are the orders that are not one-time sales.
      expect(p.orders).toBeGreaterThan(p.oneTimeSales);
      expect(p.companyAccountsPaid).toBeGreaterThan(0);
      expect(p.companyAccountsPaid).toBeLessThan(p.payout);
    }
  });

  it("SaaS affiliate: weekly billing, so a week's orders are about every subscriber", () => {
    const r = simulate({ scenario: { ...PRESET_SCENARIOS["saas-affiliate"], months: 1 }, plan: PRESETS["saas-affiliate"], seed: 1, ledger: false });
    // Every customer at the start of week 1 who did not churn renews, plus the new ones: orders = end customers (no own orders).
    for (const p of r.periods) expect(p.orders).toBe(p.customers);
  });
});
