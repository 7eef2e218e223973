/**
 * Members as people: roles and effort, stopping, expenses and required
 * purchases, attrition multipliers, orphans that move to a working upline,
 * company-held founders — each on a tiny world built by hand with its result
 * worked out by hand (or, for counts that are draws, from the draw's
 * documented key through the documented sampler).
 */
import { describe, expect, it } from "vitest";
import { createWorld, memberRowsOf, resolveScenario, simulate, stepWorld, DownlineInputError, type ScenarioInput } from "../../src/index.js";
import { keyedDraws, keyedUniform, poisson } from "../../src/random/index.js";
import { addCustomer, type WorldState } from "../../src/world/state.js";
import { BUILDER, CONSUMER, SELLER } from "../../src/world/roles.js";
import { NEVER } from "../../src/world/people.js";
import { acquisition, attrition, existingCustomers, expenses, ownOrders, recruiting, rollUp } from "../../src/world/steps/index.js";
import { members, open, tiny } from "./by-hand.js";
import { legacyRoles, NO_EXPENSES } from "./legacy.js";

const NONE = {};

describe("effort", () => {
  it("a member whose effort is 0 recruits no one and gains no customers; her rates are scaled by her effort", () => {
    // Fade: full effort in tenure months 0–1, 0.5 in month 2, none from month 3. Builders recruit 50 and acquire 50 a month.
    const scenario: ScenarioInput = {
      distributors: {
        roles: { consumer: { share: 0 }, seller: { share: 0 }, builder: { share: 1, recruitRate: 50, acquisitionRate: 50 } },
        effortFade: [
          { fromMonth: 0, factor: 1 },
          { fromMonth: 2, factor: 0.5 },
          { fromMonth: 3, factor: 0 },
        ],
      },
    };
    const w = tiny(scenario, 10);
    // Tenures 1 (month 1: effort 1), 2 (month 2: 0.5), 3 and 7 (months 3 and 7: 0).
    const [full, half, none, old] = members(w, [[0, 9], [0, 8], [0, 7], [0, 3]]);
    open(w);
    expect([0, full, half, none, old].map((i) => w.effort[i!])).toEqual([1, 1, 0.5, 0, 0]);
    const s = w.saturationNow;
    const means = new Map([
      [full!, 50 * s],
      [half!, 50 * 0.5 * s],
    ]);
    const recruitsOf = (i: number) => poisson(keyedDraws(w.draws.recruiting.key).at(w.keyHi[i]!, w.keyLo[i]!, 10), means.get(i)!);
    const expectedRecruits = [recruitsOf(full!), recruitsOf(half!)];
    recruiting(w, NONE);
    expect([w.recruits[full!], w.recruits[half!]]).toEqual(expectedRecruits);
    expect(expectedRecruits[0]).toBeGreaterThan(20);
    // Zero effort: no recruits, whatever the rate.
    expect([w.recruits[none!], w.recruits[old!]]).toEqual([0, 0]);
    acquisition(w, NONE);
    expect([w.customerCount[none!], w.customerCount[old!]]).toEqual([0, 0]);
    expect(w.customerCount[full!]).toBeGreaterThan(20);
  });

  it("a consumer (no rates) recruits and acquires no one at full effort; hours are her role's hours × effort", () => {
    const w = tiny({}, 20);
    const [a, b] = members(w, [[0, 19], [0, 6]]);
    w.role[a!] = CONSUMER;
    w.role[b!] = BUILDER;
    open(w);
    recruiting(w, NONE);
    acquisition(w, NONE);
    expect([w.effort[a!], w.recruits[a!], w.customerCount[a!], w.hours[a!]]).toEqual([1, 0, 0, 0]);
    // The default builder: 10 hours a week at full effort; tenure month 14 is in the default fade's 0.8 step.
    expect(w.effort[b!]).toBe(0.8);
    expect(w.hours[b!]).toBeCloseTo((10 * 52) / 12 * 0.8, 12); // 34.67 hours a month
    // The default builder's recruiting mean: 0.42 × 0.8 × saturation.
    const k = poisson(keyedDraws(w.draws.recruiting.key).at(w.keyHi[b!]!, w.keyLo[b!]!, 20), 0.42 * 0.8 * w.saturationNow);
    expect(w.recruits[b!]).toBe(k);
  });

  it("under uniform attachment only recruiting roles recruit, at rate × effort", () => {
    const w = tiny({ recruitment: { model: "uniform", rate: 40 } }, 5);
    const [seller, builder] = members(w, [[0, 4], [0, 4]]);
    w.role[seller!] = SELLER;
    w.role[builder!] = BUILDER;
    open(w);
    const k = poisson(keyedDraws(w.draws.recruiting.key).at(w.keyHi[builder!]!, w.keyLo[builder!]!, 5), 40 * w.saturationNow);
    recruiting(w, NONE);
    expect([w.recruits[seller!], w.recruits[builder!]]).toEqual([0, k]);
  });
});

describe("stopping", () => {
  it("rules set each member's stop period when she joins: tenure (months and weeks), cohort, listed; the earliest wins", () => {
    const scenario: ScenarioInput = {
      stopping: [
        { kind: "tenure", share: 1, atMonth: 2 },
        { kind: "cohort", joinedFrom: 0, joinedTo: 2, fromPeriod: 1 },
        { kind: "members", members: [4], fromPeriod: 0, ownOrder: "stop" },
      ],
    };
    const w = tiny(scenario);
    // Joined in 5 (tenure rule: 5 + 2 = 7), 1 (cohort: from 1, before 1 + 2 = 3), 0 (cohort from 1; tenure 2), index 4 (listed: from her join 3).
    const [a, b, c, d] = members(w, [[0, 5], [0, 1], [0, 0], [0, 3]]);
    expect(d).toBe(4);
    expect([a, b, c, d].map((i) => w.stopPeriod[i!])).toEqual([7, 1, 1, 3]);
    expect(w.stopFlags[d!]).toBe(1); // ownOrder: "stop"
    expect([w.stopPeriod[0], w.stopFlags[a!]]).toEqual([NEVER, 0]); // the founder never stops
    // In weeks, tenure month 2 starts at week ⌈13 × 2 / 3⌉ = 9.
    const weeks = tiny({ period: "week", stopping: [{ kind: "tenure", share: 1, atMonth: 2 }] });
    const [e] = members(weeks, [[0, 5]]);
    expect(weeks.stopPeriod[e!]).toBe(14);
  });

  it("a share picks a member when her keyed draw (her key, 0, the rule's index) is below it", () => {
    const w = tiny({ stopping: [{ kind: "cohort", joinedFrom: 0, joinedTo: 0, fromPeriod: 0 }, { kind: "tenure", share: 0.3, atMonth: 5 }] });
    const list = members(w, Array.from({ length: 60 }, () => [0, 10] as [number, number]));
    let picked = 0;
    for (const i of list) {
      const u = keyedUniform(w.keys.stopping, w.keyHi[i]!, w.keyLo[i]!, 0, 1);
      expect(w.stopPeriod[i]).toBe(u < 0.3 ? 15 : NEVER);
      picked += u < 0.3 ? 1 : 0;
    }
    expect(picked).toBeGreaterThan(5);
    expect(picked).toBeLessThan(35);
  });

  it("from her stop on, her own recruiting and acquisition are zero; she keeps her account, customers and downline", () => {
    const scenario: ScenarioInput = {
      months: 10,
      start: { founders: 1, network: { distributors: 400, customersPerDistributor: 2 } },
      market: { prospects: 2_000_000_000 },
      // Few builders, who recruit fast (3 a month), and sellers: the world stays small.
      distributors: { roles: { consumer: { share: 0 }, seller: { share: 0.95, acquisitionRate: 1 }, builder: { share: 0.05, recruitRate: 3, acquisitionRate: 1 } } },
    };
    const plain = createWorld(scenario, { seed: 3 });
    let she = 1;
    while (plain.role[she] !== BUILDER) she += 1;
    const stopped = createWorld(scenario, { seed: 3, stop: { members: [she], fromPeriod: 4 } });
    expect(stopped.stopPeriod[she]).toBe(4);
    let recruitsAt4 = 0;
    let customersAt4 = 0;
    for (let t = 0; t < 10; t++) {
      const { network } = stepWorld(stopped);
      stepWorld(plain);
      if (t === 3) {
        recruitsAt4 = stopped.recruits[she]!;
        customersAt4 = stopped.customerCount[she]!;
        // Up to her stop she is the same member in both worlds.
        expect(recruitsAt4).toBe(plain.recruits[she]);
      }
      if (t >= 4) {
        expect([stopped.effort[she], stopped.hours[she], stopped.alive[she]]).toEqual([0, 0, 1]);
        expect(stopped.recruits[she]).toBe(recruitsAt4);
        // No first order of a new customer is credited to her.
        for (let k = 0; k < network.orderCount!; k++) {
          if (network.orderMember![k] === she && network.orderCustomer![k]! >= 0) expect(network.orderCustomerJoin![k]).toBeLessThan(t);
        }
      }
    }
    // She kept her customers (they churn and renew as anyone's).
    expect(stopped.customerCount[she]).toBeGreaterThan(0);
    expect(customersAt4).toBeGreaterThan(0);
    // While the plain world's she went on recruiting (rate 3 a month: 18 expected over 6 periods).
    expect(plain.recruits[she]! - recruitsAt4).toBeGreaterThan(5);
  });

  it("a stopped member is exempt from attrition by default; `attrition: \"hazard\"` keeps it; `ownOrder: \"stop\"` stops her orders", () => {
    const scenario = (attrition: "exempt" | "hazard", ownOrder: "keep" | "stop"): ScenarioInput => ({
      distributors: { attrition: [{ fromMonth: 0, monthly: 1 }], orderProbability: 1 },
      stopping: [{ kind: "members", members: [1], fromPeriod: 0, attrition, ownOrder }],
    });
    for (const [rule, order] of [["exempt", "keep"], ["hazard", "stop"]] as const) {
      const w = tiny(scenario(rule, order), 4);
      const [stoppedOne, other] = members(w, [[0, 1], [0, 1]]);
      expect(stoppedOne).toBe(1);
      attrition(w, NONE);
      rollUp(w, NONE);
      open(w);
      ownOrders(w, NONE);
      // Hazard 1: the working member quits; the stopped one stays unless she keeps the hazard.
      expect(w.alive[other!]).toBe(0);
      expect(w.alive[stoppedOne!]).toBe(rule === "exempt" ? 1 : 0);
      if (rule === "exempt") expect(w.ownSpend[stoppedOne!]).toBeGreaterThan(0);
    }
    // ownOrder "stop" while she stays: no order.
    const w = tiny({ distributors: { orderProbability: 1 }, stopping: [{ kind: "members", members: [1], fromPeriod: 0, ownOrder: "stop" }] }, 4);
    const [s, o] = members(w, [[0, 1], [0, 1]]);
    open(w);
    ownOrders(w, NONE);
    expect([w.ownSpend[s!], w.ownSpend[o!]! > 0]).toEqual([0, true]);
  });

  it("the run's stop option is checked: founders and bad periods are errors", () => {
    expect(() => createWorld({}, { stop: { members: [0], fromPeriod: 2 } })).toThrow(/options\.stop\.members\[0\].*founders are company-held/);
    expect(() => createWorld({}, { stop: { members: [3], fromPeriod: -1 } })).toThrow(/downline\/options: stop\.fromPeriod: .*>=0/);
    expect(() => createWorld({}, { stop: { members: [2.5], fromPeriod: 1 } })).toThrow(/members\[0\]/);
  });
});

describe("expenses and required purchases", () => {
  it("worked out by hand, member by member, in a monthly run", () => {
    // Default expenses: sign-up 35.00, kit 100.00, renewal 25.00 a year, business costs consumer 0 / seller 20.00 / builder 50.00 a month;
    // would buy anyway: consumer 1, builder 0.5, seller 0.25 here. Every member orders 125.01 every month.
    const w = tiny(
      {
        distributors: { orderProbability: 1, orderValue: { kind: "fixed", value: "125.01" } },
        expenses: { requiredPurchases: { wouldBuyAnyway: { seller: "0.25" } } },
      },
      30,
    );
    const [fresh, year, seller, consumer, stopped] = members(w, [[0, 30], [0, 18], [0, 25], [0, 18], [0, 6]]);
    [fresh, year, stopped].forEach((i) => (w.role[i!] = BUILDER));
    w.role[seller!] = SELLER;
    w.role[consumer!] = CONSUMER;
    w.stopPeriod[stopped!] = 20;
    open(w);
    ownOrders(w, NONE);
    expenses(w, NONE);
    const row = (i: number) => [w.expenses[i], w.requiredPurchases[i]];
    // Joins now (tenure 0): 35.00 + 100.00 + 50.00 (month 0's costs); required 12501 × 0.5 = 6250.5 → 6250 (half-even).
    expect(row(fresh!)).toEqual([185_00, 6250]);
    // Tenure 12: the renewal 25.00 + 50.00; required 6250.
    expect(row(year!)).toEqual([75_00, 6250]);
    // A seller at tenure 5: 20.00; required 12501 × 0.75 = 9375.75 → 9376.
    expect(row(seller!)).toEqual([20_00, 9376]);
    // A consumer at tenure 12: the renewal only; she would have bought it all anyway.
    expect(row(consumer!)).toEqual([25_00, 0]);
    // Stopped since period 20, tenure 24: the renewal (she keeps her account), no business costs; she still orders.
    expect(row(stopped!)).toEqual([25_00, 6250]);
    // The founder is the company: nothing.
    expect(row(0)).toEqual([0, 0]);
    expect(w.tally.expenses).toBe(185_00 + 75_00 + 20_00 + 25_00 + 25_00);
    expect(w.tally.requiredPurchases).toBe(6250 * 3 + 9376);
  });

  it("in weeks: the renewal and the month's costs fall in the week a new tenure month starts", () => {
    const w = tiny({ period: "week", distributors: { orderProbability: 0 }, expenses: { monthlyCosts: { builder: "50.00" } } }, 100);
    // Tenure 52 (week 52 starts tenure month 12: a new year), 53 (inside month 12), 4 (inside month 0), 5 (starts month 1).
    const list = members(w, [[0, 48], [0, 47], [0, 96], [0, 95]]);
    list.forEach((i) => (w.role[i] = BUILDER));
    open(w);
    expenses(w, NONE);
    expect(list.map((i) => w.expenses[i])).toEqual([75_00, 0, 0, 50_00]);
  });

  it("a single wouldBuyAnyway share applies to every role; amounts finer than the currency are field-path errors", () => {
    const s = resolveScenario({ expenses: { requiredPurchases: { wouldBuyAnyway: 0.2 } } });
    expect(Array.from(s.people.requiredUnits)).toEqual([800_000, 800_000, 800_000]);
    const e = (() => {
      try {
        resolveScenario({ currency: "JPY", expenses: { signUpFee: "3500.5", monthlyCosts: { seller: "0.1" } } });
      } catch (x) {
        return x as DownlineInputError;
      }
    })()!;
    expect(e.issues.map((i) => i.path).sort()).toEqual(["expenses.monthlyCosts.seller", "expenses.signUpFee"]);
    expect(e.message).toMatch(/at most 0 decimals for JPY/);
  });
});

describe("attrition multipliers (income feedback)", () => {
  // Hazard 0.1 a month throughout; net income of 0.01 or more halves it, below −50.00 doubles it... from −50.00 up to 0.00 leaves it; rank 2+ × 0.7.
  const scenario: ScenarioInput = {
    distributors: {
      attrition: [{ fromMonth: 0, monthly: 0.1 }],
      attritionMultipliers: {
        byNetIncome: [
          { minNet: "-50.00", multiplier: 1 },
          { minNet: "0.01", multiplier: 0.5 },
        ],
        byRank: [{ minRank: 2, multiplier: 0.7 }],
      },
    },
  };
  const u = (w: WorldState, i: number) => keyedUniform(w.keys.attrition, w.keyHi[i]!, w.keyLo[i]!, 7, 0);

  it("hazard 0.1 × 0.5 = 0.05 at the draw: a member drawing in [0.05, 0.1) quits with no input and stays with a net income of 0.01", () => {
    const build = () => {
      const w = tiny(scenario, 7);
      const list = members(w, Array.from({ length: 400 }, () => [0, 2] as [number, number]));
      // Last period: expenses 75.00 and required purchases 24.99 each.
      for (const i of list) {
        w.expenses[i] = 75_00;
        w.requiredPurchases[i] = 24_99;
      }
      return { w, list };
    };
    const { w: bare, list } = build();
    const between = list.filter((i) => u(bare, i) >= 0.05 && u(bare, i) < 0.1);
    const below = list.filter((i) => u(bare, i) < 0.05);
    expect(between.length).toBeGreaterThan(5);
    attrition(bare, NONE);
    for (const i of between) expect(bare.alive[i]).toBe(0);

    // Income 100.00: net = 100.00 − 75.00 − 24.99 = 0.01, which reaches 0.01: hazard 0.1 × 0.5 = 0.05.
    const { w: told } = build();
    const income = new Float64Array(told.size).fill(100_00);
    attrition(told, { income });
    for (const i of list) expect(told.alive[i]).toBe(u(told, i) < 0.05 ? 0 : 1);
    for (const i of between) expect(told.alive[i]).toBe(1);

    // Rank 2 as well: 0.1 × 0.5 × 0.7 = 0.035.
    const { w: ranked } = build();
    const rank = new Uint8Array(ranked.size).fill(2);
    attrition(ranked, { income, rank });
    for (const i of below) expect(ranked.alive[i]).toBe(u(ranked, i) < 0.1 * 0.5 * 0.7 ? 0 : 1);

    // Income 99.99: net 0.00, below 0.01, at or above −50.00: multiplier 1, hazard 0.1.
    const { w: zero } = build();
    attrition(zero, { income: new Float64Array(zero.size).fill(99_99) });
    for (const i of list) expect(zero.alive[i]).toBe(u(zero, i) < 0.1 ? 0 : 1);
  });

  it("the product is capped at 1; members past the input's end read 0; weekly thresholds are per month × 12/52", () => {
    const w = tiny({ distributors: { attrition: [{ fromMonth: 0, monthly: 0.1 }], attritionMultipliers: { byRank: [{ minRank: 1, multiplier: 50 }] } } }, 7);
    const list = members(w, Array.from({ length: 50 }, () => [0, 2] as [number, number]));
    const rank = new Uint8Array(list[25]!).fill(1); // ranks for members below index list[25] only
    attrition(w, { rank });
    for (const i of list) expect(w.alive[i]).toBe(i < list[25]! ? 0 : u(w, i) < 0.1 ? 0 : 1);
    // Weeks: a threshold of 52.00 a month is 12.00 a week.
    const weekly = resolveScenario({ period: "week", distributors: { attritionMultipliers: { byNetIncome: [{ minNet: "52.00", multiplier: 0.5 }] } } });
    expect(Array.from(weekly.people.netThresholds)).toEqual([12_00]);
  });

  it("the multiplier lists must be in increasing order; minNet may be negative but fits the currency", () => {
    const bad = () =>
      resolveScenario({
        distributors: {
          attritionMultipliers: {
            byNetIncome: [
              { minNet: "0", multiplier: 1 },
              { minNet: "-1", multiplier: 2 },
            ],
            byRank: [
              { minRank: 2, multiplier: 1 },
              { minRank: 2, multiplier: 1 },
            ],
          },
        },
      });
    expect(bad).toThrow(/byNetIncome\[1\]\.minNet: expected a minNet above 0/);
    expect(bad).toThrow(/byRank\[1\]\.minRank: expected a minRank above 2/);
    expect(() => resolveScenario({ distributors: { attritionMultipliers: { byNetIncome: [{ minNet: "-0.001", multiplier: 1 }] } } })).toThrow(
      /byNetIncome\[0\]\.minNet: expected an amount with at most 2 decimals for USD, got -0.001/,
    );
  });
});

describe("orphans", () => {
  const scenario = (orphans: "moveUp" | "moveUpToWorking", roles?: ScenarioInput["distributors"]): ScenarioInput => ({
    customers: { orphans, churn: [{ fromMonth: 0, monthly: 0 }] },
    ...(roles ? { distributors: roles } : {}),
  });

  /** Chain 0 ← 1 ← 2 ← 3; 3 quits with two customers; roles and stops set by `set`. */
  function chain(s: ScenarioInput, set: (w: WorldState, m: number[]) => void): { w: WorldState; m: number[] } {
    const w = tiny(s, 6);
    const m = members(w, [[0, -3], [1, -2], [2, -1]]);
    set(w, m);
    addCustomer(w, m[2]!, 1, 0);
    addCustomer(w, m[2]!, 2, 0);
    w.alive[m[2]!] = 0;
    rollUp(w, NONE);
    open(w);
    existingCustomers(w, NONE);
    return { w, m };
  }

  it("moveUpToWorking: to the nearest upline working this period (effort > 0, a role that does business)", () => {
    const set = (w: WorldState, m: number[]) => {
      w.role[m[0]!] = BUILDER;
      w.role[m[1]!] = BUILDER;
      w.stopPeriod[m[1]!] = 5; // 2 has stopped: effort 0
    };
    expect(chain(scenario("moveUp"), set).w.customerOwner[0]).toBe(2);
    const { w, m } = chain(scenario("moveUpToWorking"), set);
    expect([w.customerOwner[0], w.customerOwner[1], w.customerCount[m[0]!], w.customerCount[m[1]!]]).toEqual([1, 1, 2, 0]);
    // A consumer is not working either: with 1 a consumer, they go to the founder (effort 1, a builder).
    const consumer = chain(scenario("moveUpToWorking"), (w2, m2) => {
      set(w2, m2);
      w2.role[m2[0]!] = CONSUMER;
    });
    expect(consumer.w.customerOwner[0]).toBe(0);
  });

  it("moveUpToWorking with no working upline at all: to the nearest remaining upline", () => {
    // No role does business (builders, founders included, neither recruit nor acquire): nobody is working.
    const none = legacyRoles({ builderRate: 0, acquisitionRate: 0 });
    const { w } = chain(scenario("moveUpToWorking", none), () => {});
    expect(w.customerOwner[0]).toBe(2);
  });
});

describe("founders are the company", () => {
  it("flagged company-held in the world, the member columns and rows; never stop; effort 1 whatever the fade", () => {
    const r = simulate({
      scenario: {
        months: 3,
        start: { founders: 2, network: { distributors: 50 } },
        distributors: { effortFade: [{ fromMonth: 0, factor: 0 }] },
      },
      seed: 4,
    });
    expect(Array.from(r.memberColumns.company.subarray(0, 4))).toEqual([1, 1, 0, 0]);
    const rows = memberRowsOf(r.memberColumns);
    expect(rows.slice(0, 3).map((m) => [m.company, m.role])).toEqual([
      [true, "builder"],
      [true, "builder"],
      [false, rows[2]!.role],
    ]);
    // Fade 0 for everyone: only the founders recruit.
    const joined = rows.filter((m) => m.joinPeriod >= 0);
    expect(joined.length).toBeGreaterThan(0);
    for (const m of joined) expect(m.sponsor).toBeLessThan(2);
    const w = createWorld({ start: { founders: 2, network: { distributors: 50 } }, distributors: { effortFade: [{ fromMonth: 0, factor: 0 }] } });
    stepWorld(w);
    expect([w.effort[0], w.effort[1], w.effort[2], w.expenses[0]]).toEqual([1, 1, 0, 0]);
    expect(() => resolveScenario({ start: { founders: 2, network: null }, stopping: [{ kind: "members", members: [5, 1], fromPeriod: 0 }] })).toThrow(
      /stopping\[0\]\.members\[1\]: expected a member who is not a founder/,
    );
  });
});

describe("the generated start network has roles", () => {
  it("by the shares, from each member's key; starting customers go by role acquisition rate (consumers have none)", () => {
    const w = createWorld({ start: { founders: 1, network: { distributors: 20_000, customersPerDistributor: 1.5 } } }, { seed: 5 }) as WorldState;
    const counts = [0, 0, 0];
    const customers = [0, 0, 0];
    for (let i = 1; i < w.size; i++) {
      const u = keyedUniform(w.keys.traits, w.keyHi[i]!, w.keyLo[i]!, 0, 0);
      expect(w.role[i]).toBe(u < 0.3 ? BUILDER : u < 0.4 ? SELLER : CONSUMER);
      counts[w.role[i]!]! += 1;
      customers[w.role[i]!]! += w.customerCount[i]!;
      // Sponsors are members whose role recruits (builders) or the founder.
      if (w.sponsor[i]! > 0) expect(w.role[w.sponsor[i]!]).toBe(BUILDER);
    }
    const n = w.size - 1;
    // Shares within 4.5 binomial sd: 0.6, 0.1, 0.3.
    [0.6, 0.1, 0.3].forEach((p, r) => expect(Math.abs(counts[r]! - n * p)).toBeLessThan(4.5 * Math.sqrt(n * p * (1 - p))));
    expect(customers[CONSUMER]).toBe(0);
    // Mean acquisition 0.1 × 0.6 + 0.3 × 0.28 = 0.144: a seller's mean is 1.5 × 0.6 / 0.144 = 6.25, a builder's 2.917.
    expect(customers[SELLER]! / counts[SELLER]!).toBeCloseTo(6.25, 0);
    expect(customers[BUILDER]! / counts[BUILDER]!).toBeCloseTo(1.5 * (0.28 / 0.144), 0);
    expect(w.customers / w.size).toBeCloseTo(1.5, 1);
  });
});

describe("the saturation of a period", () => {
  it("is reported in the stats, one number for recruiting and acquisition; an override replaces it", () => {
    const w = createWorld({ start: { founders: 1, network: { distributors: 300 } }, market: { prospects: 1000 } }, { seed: 6 });
    const before = w.prospectsLeft / 1000;
    const { stats } = stepWorld(w);
    expect(stats.saturation).toBe(before);
    const frozen = stepWorld(w, { saturation: 0 }).stats;
    expect([frozen.saturation, frozen.joins, frozen.newCustomers]).toEqual([0, 0, 0]);
    expect(() => stepWorld(w, { saturation: 1.5 })).toThrow(/input\.saturation: expected a number in \[0, 1\], got 1\.5/);
  });
});

describe("old scenarios", () => {
  it("fields removed with roles are field-path errors naming their replacement", () => {
    const e = (() => {
      try {
        resolveScenario({
          recruitment: { model: "poisson", builderShare: 0.3, builderRate: 0.35, otherRate: 0 },
          customers: { acquisitionRate: 0.12 },
        } as unknown as ScenarioInput);
      } catch (x) {
        return x as DownlineInputError;
      }
    })()!;
    expect(e).toBeInstanceOf(DownlineInputError);
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      ["recruitment.builderShare", expect.stringMatching(/removed in 0\.2\.0: .*write distributors\.roles\.builder\.share/)],
      ["recruitment.builderRate", expect.stringMatching(/write distributors\.roles\.builder\.recruitRate/)],
      ["recruitment.otherRate", expect.stringMatching(/write distributors\.roles\.<role>\.recruitRate/)],
      ["customers.acquisitionRate", expect.stringMatching(/write distributors\.roles\.<role>\.acquisitionRate/)],
    ]);
  });

  it("the migration recipe reproduces 0.1.0's world: counts pinned from 0.1.0 (commit 37930a0) on the same seed", () => {
    // 0.1.0 scenario: recruitment { model: "poisson", builderShare: 0.3, builderRate: 0.35 }, customers { acquisitionRate: 0.12 }.
    // A vast market keeps the saturation the same to 1e-7 (0.1.0 read acquisition's after recruiting).
    const w = createWorld(
      {
        months: 24,
        start: { founders: 2, network: { distributors: 3000, customersPerDistributor: 1.5 } },
        market: { prospects: 2_000_000_000 },
        distributors: legacyRoles({ builderShare: 0.3, builderRate: 0.35, acquisitionRate: 0.12 }),
        expenses: NO_EXPENSES,
      },
      { seed: 9 },
    );
    const totals = { joins: 0, quits: 0, newCustomers: 0, lostCustomers: 0, orders: 0, revenueCustomers: 0, revenueDistributors: 0, cv: 0 };
    let last = stepWorld(w).stats;
    const add = () => {
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += last[k];
    };
    add();
    for (let t = 1; t < 24; t++) {
      last = stepWorld(w).stats;
      add();
    }
    expect({ members: last.members, customers: last.customers, ...totals }).toEqual({
      members: 7200,
      customers: 9737,
      joins: 11577,
      quits: 7377,
      newCustomers: 14224,
      lostCustomers: 9091,
      orders: 244485,
      revenueCustomers: 1016261700,
      revenueDistributors: 971342500,
      cv: 1590083360,
    });
  });
});
