/**
 * Each world step on a tiny world built by hand, with its result computed by
 * hand (or, for counts that are draws, recomputed from the draw's definition:
 * the keyed uniform of the documented key through the documented sampler).
 */
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { deriveKey, keyedDraws, keyedUniform, poisson } from "../../src/random/index.js";
import { addCustomer, addMember } from "../../src/world/state.js";
import { BUILDER, SELLER } from "../../src/world/roles.js";
import {
  WORLD_STEPS,
  acquisition,
  attrition,
  effort,
  existingCustomers,
  expenses,
  ownOrders,
  placementVolume,
  recruiting,
  rollUp,
} from "../../src/world/steps/index.js";
import { members, open, tiny } from "./by-hand.js";
import { legacyRoles } from "./legacy.js";

const NONE = {};

describe("the step order", () => {
  it("is attrition, roll-up, effort, existing customers, recruiting, acquisition, own orders, expenses, placement volume", () => {
    expect(WORLD_STEPS.map((s) => s.name)).toEqual([
      "attrition",
      "rollUp",
      "effort",
      "existingCustomers",
      "recruiting",
      "acquisition",
      "ownOrders",
      "expenses",
      "placementVolume",
    ]);
    expect(WORLD_STEPS.map((s) => s.run)).toEqual([attrition, rollUp, effort, existingCustomers, recruiting, acquisition, ownOrders, expenses, placementVolume]);
  });
});

describe("attrition", () => {
  it("hazard 0 for tenure months 0–2, 1 from month 3: exactly those with 4+ periods of tenure quit", () => {
    const w = tiny({ distributors: { attrition: [{ fromMonth: 0, monthly: 0 }, { fromMonth: 3, monthly: 1 }] } }, 10);
    // Joined in periods 10 (this one: no draw), 9, 8, 7 (tenure 1–3: months 0–2 just completed), 6 and 2 (months 3 and 7).
    const [p10, p9, p8, p7, p6, p2] = members(w, [[0, 10], [0, 9], [0, 8], [0, 7], [0, 6], [0, 2]]);
    attrition(w, NONE);
    expect([0, p10, p9, p8, p7, p6, p2].map((i) => w.alive[i!])).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(w.quitPeriod[p6!]).toBe(10);
    expect(w.tally.quits).toBe(2);
  });

  it("in weeks, the boundary is the week a new tenure month starts (week w is in month ⌊3w/13⌋)", () => {
    // Hazard 1 from tenure month 1: the draw after tenure week 4 (month 0) keeps her, after week 5 (month 1) she quits.
    const w = tiny({ period: "week", distributors: { attrition: [{ fromMonth: 0, monthly: 0 }, { fromMonth: 1, monthly: 1 }] } }, 20);
    const [stays, leaves] = members(w, [[0, 15], [0, 14]]);
    attrition(w, NONE);
    expect([w.alive[stays!], w.alive[leaves!]]).toEqual([1, 0]);
  });

  it("founders never quit, whatever the hazard", () => {
    const w = tiny({ start: { founders: 2, network: null }, distributors: { attrition: [{ fromMonth: 0, monthly: 1 }] } }, 5);
    w.joinPeriod[0] = -3;
    w.joinPeriod[1] = -3;
    attrition(w, NONE);
    expect([w.alive[0], w.alive[1], w.tally.quits]).toEqual([1, 1, 0]);
  });

  it("a member quits when her keyed draw (her key, period, 0) is below the hazard", () => {
    const w = tiny({ distributors: { attrition: [{ fromMonth: 0, monthly: 0.5 }] } }, 3);
    const list = members(w, Array.from({ length: 40 }, () => [0, 0] as [number, number]));
    attrition(w, NONE);
    for (const i of list) expect(w.alive[i]).toBe(keyedUniform(w.keys.attrition, w.keyHi[i]!, w.keyLo[i]!, 3, 0) < 0.5 ? 0 : 1);
  });
});

describe("roll-up", () => {
  it("a 4-member chain 0 ← 1 ← 2 ← 3 with 1 and 2 quitting: 3 (and the quitters) point at 0; the list drops 1 and 2", () => {
    const w = tiny();
    const [m1, m2, m3] = members(w, [[0, -5], [1, -4], [2, -3]]);
    w.alive[m1!] = 0;
    w.alive[m2!] = 0;
    rollUp(w, NONE);
    expect(Array.from(w.upline.subarray(0, 4))).toEqual([-1, 0, 0, 0]);
    expect(Array.from(w.sponsor.subarray(0, 4))).toEqual([-1, 0, 1, 2]);
    expect(Array.from(w.current.subarray(0, w.currentCount))).toEqual([0, m3]);
  });

  it("the top of a chain quitting leaves her downline at the top", () => {
    const w = tiny({ start: { founders: 2, network: null } });
    const [m2] = members(w, [[1, -2]]);
    w.alive[1] = 0; // a founder never quits by attrition; forced here to see the top case
    rollUp(w, NONE);
    expect(w.upline[m2!]).toBe(-1);
  });
});

describe("existing customers", () => {
  const scenario = (orphans: "moveUp" | "churn"): ScenarioInput => ({
    customers: { orphans, churn: [{ fromMonth: 0, monthly: 0 }], orderValue: { kind: "fixed", value: "50.00" } },
    distributors: legacyRoles({ acquisitionRate: 0 }),
    cvRatio: "0.8",
  });

  it("orphans move up to the quitter's upline, keeping their keys, and renew there", () => {
    const w = tiny(scenario("moveUp"), 4);
    const [m1, m2] = members(w, [[0, -3], [1, -2]]);
    const a = addCustomer(w, m1!, 1, 0);
    const b = addCustomer(w, m2!, 2, 0);
    const c = addCustomer(w, m2!, 3, 0);
    const keys = [a, b, c].map((x) => [w.customerKeyHi[x], w.customerKeyLo[x]]);
    w.alive[m2!] = 0;
    rollUp(w, NONE);
    existingCustomers(w, NONE);
    expect(Array.from(w.customerOwner.subarray(0, 3))).toEqual([m1, m1, m1]);
    expect([w.customerCount[m1!], w.customerCount[m2!]]).toEqual([3, 0]);
    expect([0, 1, 2].map((x) => [w.customerKeyHi[x], w.customerKeyLo[x]])).toEqual(keys);
    // Three renewals of 50.00 (CV 40.00) credited to 1.
    expect(w.customerCv[m1!]).toBe(3 * 40_00);
    expect([w.tally.revenueCustomers, w.tally.cv, w.tally.lostCustomers, w.orderColumns.orderCount]).toEqual([150_00, 120_00, 0, 3]);
  });

  it("with orphans: churn, a quitter's customers are lost; the survivors are compacted in order", () => {
    const w = tiny(scenario("churn"), 4);
    const [m1, m2] = members(w, [[0, -3], [1, -2]]);
    addCustomer(w, m2!, 1, 0);
    const kept = addCustomer(w, m1!, 2, 0);
    addCustomer(w, m2!, 3, 0);
    const key = [w.customerKeyHi[kept], w.customerKeyLo[kept], w.customerId[kept]];
    w.alive[m2!] = 0;
    rollUp(w, NONE);
    existingCustomers(w, NONE);
    expect(w.customers).toBe(1);
    expect([w.customerKeyHi[0], w.customerKeyLo[0], w.customerId[0]]).toEqual(key);
    expect([w.customerCount[m1!], w.customerCount[m2!], w.tally.lostCustomers]).toEqual([1, 0, 2]);
  });

  it("churn: hazard 1 in tenure month 0, 0 after: a customer acquired last period leaves, older ones stay", () => {
    const w = tiny({ customers: { churn: [{ fromMonth: 0, monthly: 1 }, { fromMonth: 1, monthly: 0 }] }, distributors: legacyRoles({ acquisitionRate: 0 }) }, 6);
    addCustomer(w, 0, 5, 0); // tenure 1: month 0 just completed
    addCustomer(w, 0, 4, 0); // tenure 2: month 1
    existingCustomers(w, NONE);
    expect([w.customers, w.customerJoin[0], w.tally.lostCustomers]).toEqual([1, 4, 1]);
  });

  it("in weeks a subscription renews only in the week a new tenure month starts", () => {
    const w = tiny({ ...scenario("moveUp"), period: "week" }, 10);
    addCustomer(w, 0, 5, 0); // tenure 5: week 5 starts month 1 → renews
    addCustomer(w, 0, 6, 0); // tenure 4: still month 0 → no order
    existingCustomers(w, NONE);
    expect([w.customers, w.orderColumns.orderCount, w.tally.revenueCustomers]).toEqual([2, 1, 50_00]);
  });
});

describe("recruiting", () => {
  it("a sponsor's count is Poisson from her keyed draws (her key, period, k); each recruit's key from (sponsor's key, period, rank)", () => {
    const w = tiny({ distributors: legacyRoles({ builderRate: 3, builderShare: 0.5 }) }, 2);
    w.joinPeriod[0] = -1;
    const sat = w.prospectsLeft / 1_000_000;
    const expected = poisson(keyedDraws(w.draws.recruiting.key).at(w.keyHi[0]!, w.keyLo[0]!, 2), 3 * sat);
    expect(expected).toBeGreaterThan(1); // the seed gives the founder several recruits: the ranks are seen
    open(w);
    recruiting(w, NONE);
    expect(w.size).toBe(1 + expected);
    expect(w.tally.joins).toBe(expected);
    const hi = new Int32Array(1);
    const lo = new Int32Array(1);
    for (let rank = 0; rank < expected; rank++) {
      const i = 1 + rank;
      deriveKey(w.keys.member, w.keyHi[0]!, w.keyLo[0]!, 2, rank, hi, lo, 0);
      expect([w.keyHi[i], w.keyLo[i], w.sponsor[i], w.joinPeriod[i], w.upline[i]]).toEqual([hi[0], lo[0], 0, 2, 0]);
      // Her role is her own attribute, from her key: builder below the builders' share (0.5), else seller.
      expect(w.role[i]).toBe(keyedUniform(w.keys.traits, hi[0]!, lo[0]!, 0, 0) < 0.5 ? BUILDER : SELLER);
      // Her effort for the period is set as she joins (tenure 0: no fade).
      expect(w.effort[i]).toBe(1);
    }
    expect(w.recruits[0]).toBe(expected);
  });

  it("non-builders at rate 0 and an empty market recruit no one; this period's recruits wait for the next", () => {
    const w = tiny({ distributors: legacyRoles({ builderRate: 50, otherRate: 0 }) });
    members(w, [[0, -1]]);
    w.role[1] = SELLER;
    open(w);
    recruiting(w, NONE);
    const after = w.size;
    expect(w.recruits[1]).toBe(0);
    // The founder's recruits joined now; they are current but did not sponsor in this step.
    for (let i = 2; i < after; i++) expect(w.recruits[i]).toBe(0);
    const empty = tiny({ distributors: legacyRoles({ builderRate: 50 }) });
    empty.prospectsLeft = 0;
    open(empty);
    recruiting(empty, NONE);
    expect(empty.size).toBe(1);
  });

  it("preferential attachment: each member's mean is rate × A × (1 + frontline) / (A + C)", () => {
    // 0 ← 1, 0 ← 2, 1 ← 3: A = 4 current members, frontlines 2, 1, 0, 0, C = 3. Rate 2 a month, saturation s:
    // means 2·4·3/7·s, 2·4·2/7·s, 2·4/7·s, 2·4/7·s.
    const w = tiny({ recruitment: { model: "preferential", rate: 2 }, distributors: legacyRoles({ builderShare: 1 }) }, 1);
    members(w, [[0, -2], [0, -2], [1, -1]]);
    const s = w.prospectsLeft / 1_000_000;
    open(w);
    const cursor = keyedDraws(w.draws.recruiting.key);
    const counts = [3, 2, 1, 1].map((weight, i) => poisson(cursor.at(w.keyHi[i]!, w.keyLo[i]!, 1), ((2 * 4 * weight) / 7) * s));
    const before = Array.from(w.recruits.subarray(0, 4));
    recruiting(w, NONE);
    expect(Array.from(w.recruits.subarray(0, 4)).map((r, i) => r - before[i]!)).toEqual(counts);
    expect(w.size).toBe(4 + counts.reduce((a, b) => a + b, 0));
  });
});

describe("acquisition", () => {
  it("a distributor's count is Poisson from her keyed draws; each customer's key from (her key, period, rank), her value from her own key", () => {
    const w = tiny({ customers: { orderValue: { kind: "choice", values: ["10.00", "20.00"] } }, distributors: legacyRoles({ acquisitionRate: 4 }), cvRatio: "0.5" }, 3);
    const s = w.prospectsLeft / 1_000_000;
    const k = poisson(keyedDraws(w.draws.acquisition.key).at(w.keyHi[0]!, w.keyLo[0]!, 3), 4 * s);
    expect(k).toBeGreaterThan(1);
    open(w);
    acquisition(w, NONE);
    expect([w.customers, w.customerCount[0], w.tally.newCustomers, w.orderColumns.orderCount]).toEqual([k, k, k, k]);
    const hi = new Int32Array(1);
    const lo = new Int32Array(1);
    let revenue = 0;
    for (let rank = 0; rank < k; rank++) {
      deriveKey(w.keys.customer, w.keyHi[0]!, w.keyLo[0]!, 3, rank, hi, lo, 0);
      const price = keyedUniform(w.draws.customerValue.key, hi[0]!, lo[0]!, 0, 0) < 0.5 ? 10_00 : 20_00;
      expect([w.customerKeyHi[rank], w.customerKeyLo[rank], w.customerJoin[rank], w.customerPrice[rank], w.customerCvEach[rank]]).toEqual([
        hi[0],
        lo[0],
        3,
        price,
        price / 2,
      ]);
      revenue += price;
    }
    expect([w.tally.revenueCustomers, w.customerCv[0]]).toEqual([revenue, revenue / 2]);
    expect(w.prospectsLeft).toBe(1_000_000 - 1 - k);
  });

  it("the market's last prospects go to the first distributors in index order, then acquisition stops", () => {
    // A market of 5: three members leave 2 prospects (saturation 0.4), and 30 a month gives the founder more than 2.
    const w = tiny({ market: { prospects: 5 }, distributors: legacyRoles({ acquisitionRate: 30 }) });
    members(w, [[0, -1], [0, -1]]);
    expect(poisson(w.draws.acquisition.at(w.keyHi[0]!, w.keyLo[0]!, 0), 30 * 0.4)).toBeGreaterThan(2);
    open(w);
    acquisition(w, NONE);
    expect([w.customers, w.prospectsLeft, w.customerCount[0]]).toEqual([2, 0, 2]);
  });
});

describe("own orders", () => {
  it("probability 1: every member on a renewal period orders the fixed value; probability 0: nobody", () => {
    const scenario = (orderProbability: number): ScenarioInput => ({
      period: "week",
      distributors: { orderProbability, orderValue: { kind: "fixed", value: "100.00" } },
      cvRatio: "0.9",
    });
    const w = tiny(scenario(1), 10);
    w.joinPeriod[0] = 10; // tenure 0: her first week renews
    const [renewing, between] = members(w, [[0, 5], [0, 6]]); // tenures 5 (starts month 1) and 4 (inside month 0)
    ownOrders(w, NONE);
    expect([w.ownSpend[0], w.ownSpend[renewing!], w.ownSpend[between!]]).toEqual([100_00, 100_00, 0]);
    expect([w.ownCv[0], w.tally.revenueDistributors, w.tally.cv, w.orderColumns.orderCount]).toEqual([90_00, 200_00, 180_00, 2]);
    expect(w.orderColumns.orderCustomer[0]).toBe(-1);
    const none = tiny(scenario(0), 10);
    ownOrders(none, NONE);
    expect(none.orderColumns.orderCount).toBe(0);
  });

  it("whether she orders is her draw (her key, period, 0), the value her next draws", () => {
    const w = tiny({ distributors: { orderProbability: 0.5, orderValue: { kind: "choice", values: ["75.00", "125.00"] } } }, 4);
    const list = [0, ...members(w, Array.from({ length: 30 }, () => [0, 0] as [number, number]))];
    ownOrders(w, NONE);
    for (const i of list) {
      const u = (k: number) => keyedUniform(w.draws.orders.key, w.keyHi[i]!, w.keyLo[i]!, 4, k);
      expect(w.ownSpend[i]).toBe(u(0) >= 0.5 ? 0 : u(1) < 0.5 ? 75_00 : 125_00);
    }
  });
});

describe("placement volume", () => {
  it("weaker leg by volume: the period's CV reaches every placement ancestor; other modes keep no volume", () => {
    const w = tiny({ placement: { kind: "binary", mode: "weakerLegVolume" } });
    const [a, b] = members(w, [[0, -1], [0, -1]]);
    const [c] = members(w, [[a!, -1]]);
    w.ownCv[a!] = 100;
    w.customerCv[b!] = 30;
    w.ownCv[c!] = 5;
    placementVolume(w, NONE);
    expect(Array.from(w.placement!.volume.subarray(0, 4))).toEqual([135, 105, 30, 5]);
    const other = tiny({ placement: { kind: "binary", mode: "spillover" } });
    other.ownCv[0] = 100;
    placementVolume(other, NONE);
    expect(other.placement!.volume[0]).toBe(0);
  });
});

describe("helpers used by the steps", () => {
  it("addMember makes a founder a company-held builder; otherwise her key decides her role, under every recruitment model", () => {
    const w = tiny({ recruitment: { model: "uniform" } });
    const i = addMember(w, 0, 0, 123, 456);
    const u = keyedUniform(w.keys.traits, 123, 456, 0, 0);
    // Default shares: builder below 0.3, seller below 0.4, else consumer.
    expect(w.role[i]).toBe(u < 0.3 ? BUILDER : u < 0.4 ? SELLER : 0);
    expect([w.role[0], w.company[0], w.company[i]]).toEqual([BUILDER, 1, 0]);
  });
});
