import { describe, expect, it } from "vitest";
import { createWorld, stepWorld, resolveScenario, type ScenarioInput, type World } from "../../src/index.js";
import { legacyRoles } from "./legacy.js";

const big = (extra: ScenarioInput = {}): ScenarioInput => ({
  start: { founders: 1, network: { distributors: 20_000, customersPerDistributor: 0 } },
  market: { prospects: 10_000_000 },
  ...extra,
});

function run(world: World, periods: number) {
  const stats = [];
  for (let t = 0; t < periods; t++) stats.push(stepWorld(world).stats);
  return stats;
}

describe("the world's dynamics match the defaults' public figures", () => {
  it("first-year attrition of a joining class is in the 50–80% band (default hazard 8%/month → 1 − 0.92^12 = 63%)", () => {
    const w = createWorld(big({ months: 13, start: { founders: 1, network: { distributors: 40_000, customersPerDistributor: 0 } } }), { seed: 1 });
    const s0 = w.size;
    stepWorld(w);
    const s1 = w.size;
    run(w, 12);
    let quit = 0;
    for (let i = s0; i < s1; i++) quit += w.alive[i] === 0 ? 1 : 0;
    const share = quit / (s1 - s0);
    expect(s1 - s0).toBeGreaterThan(3000);
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.66);
  });

  it("about 70% of distributors never sponsor anyone (30% builders)", () => {
    const w = createWorld(big({ months: 24 }), { seed: 2 });
    run(w, 24);
    let never = 0;
    for (let i = 0; i < w.size; i++) never += w.recruits[i] === 0 ? 1 : 0;
    // Non-builders never sponsor (70%); some builders quit or join too late to sponsor.
    expect(never / w.size).toBeGreaterThan(0.7);
    expect(never / w.size).toBeLessThan(0.85);
  });

  it("customers churn at the scenario's hazard (5%/month here)", () => {
    const w = createWorld(
      {
        start: { founders: 1, network: { distributors: 20_000, customersPerDistributor: 5 } },
        customers: { churn: [{ fromMonth: 0, monthly: 0.05 }] },
        distributors: { attrition: [{ fromMonth: 0, monthly: 0 }], ...legacyRoles({ acquisitionRate: 0, builderRate: 0 }) },
      },
      { seed: 1 },
    );
    let before = w.customers;
    let lost = 0;
    let exposed = 0;
    for (const s of run(w, 6)) {
      lost += s.lostCustomers;
      exposed += before;
      before = s.customers;
    }
    expect(lost / exposed).toBeGreaterThan(0.047);
    expect(lost / exposed).toBeLessThan(0.053);
  });

  it("uniform attachment: each member's recruits of a period are Poisson(rate × saturation), whatever her age", () => {
    // Splitting a Poisson(rate × A) total over A members, each newcomer's sponsor uniform, gives each member
    // Poisson(rate) recruits, independently: P(0) = e^-λ, P(1) = λe^-λ, P(2) = λ²e^-λ/2 at λ = 0.15 × saturation.
    const n = 40_000;
    const w = createWorld(
      {
        start: { founders: 1, network: { distributors: n, customersPerDistributor: 0 } },
        market: { prospects: 2_000_000_000 },
        recruitment: { model: "uniform", rate: 0.15 },
        distributors: { attrition: [{ fromMonth: 0, monthly: 0 }], ...legacyRoles({ acquisitionRate: 0, builderShare: 1 }) },
      },
      { seed: 12 },
    );
    const before = Int32Array.from(w.recruits.subarray(0, n));
    const lambda = 0.15 * (w.prospectsLeft / 2_000_000_000);
    const { stats } = stepWorld(w);
    // The total: Poisson(λ n), within 4.5 sd.
    expect(Math.abs(stats.joins - lambda * n)).toBeLessThan(4.5 * Math.sqrt(lambda * n));
    const counts = [0, 0, 0];
    // Older half (lower indices: longer tenure) against younger half.
    const halves = [0, 0];
    for (let i = 0; i < n; i++) {
      const r = w.recruits[i]! - before[i]!;
      if (r < 3) counts[r]! += 1;
      halves[i < n / 2 ? 0 : 1]! += r;
    }
    const p = [Math.exp(-lambda), lambda * Math.exp(-lambda), ((lambda * lambda) / 2) * Math.exp(-lambda)];
    // Each share within 4.5 binomial sd of its Poisson probability.
    for (let k = 0; k < 3; k++) expect(Math.abs(counts[k]! - n * p[k]!)).toBeLessThan(4.5 * Math.sqrt(n * p[k]! * (1 - p[k]!)));
    // The older half gets half the recruits: Binomial(joins, 1/2).
    expect(Math.abs(halves[0]! - stats.joins / 2)).toBeLessThan(4.5 * Math.sqrt(stats.joins / 4));
  });

  it("a cohort of customers halves in ln 2 / −ln(1 − h) months (13.5 at 5%/month): above half after 13, below after 14", () => {
    const w = createWorld(
      {
        start: { founders: 1, network: { distributors: 20_000, customersPerDistributor: 5 } },
        customers: { churn: [{ fromMonth: 0, monthly: 0.05 }] },
        distributors: { attrition: [{ fromMonth: 0, monthly: 0 }], ...legacyRoles({ acquisitionRate: 0, builderRate: 0 }) },
      },
      { seed: 13 },
    );
    const cohort = w.customers;
    const left = run(w, 14).map((s) => s.customers / cohort);
    // 0.95^13 = 0.5133, 0.95^14 = 0.4877; the sd of a share of 100,000 is about 0.0016.
    expect(left[12]).toBeGreaterThan(0.5);
    expect(left[13]).toBeLessThan(0.5);
    expect(left[12]).toBeCloseTo(0.95 ** 13, 2);
  });

  it("a finite market empties: joins and new customers stop when the prospects are gone", () => {
    const w = createWorld(
      { start: { founders: 1, network: { distributors: 500, customersPerDistributor: 1 } }, market: { prospects: 3000 }, distributors: legacyRoles({ builderRate: 3 }) },
      { seed: 4 },
    );
    const startPeople = w.size + w.customersEver;
    const stats = run(w, 60);
    const joined = stats.reduce((s, x) => s + x.joins + x.newCustomers, 0);
    expect(startPeople + joined).toBe(3000);
    expect(stats.at(-1)!.prospectsLeft).toBe(0);
    // Saturation: recruiting slows as the pool empties, so the first year out-recruits the second.
    const year = (k: number) => stats.slice(12 * k, 12 * k + 12).reduce((s, x) => s + x.joins, 0);
    expect(year(0)).toBeGreaterThan(year(1));
  });
});

describe("the tree stays a tree", () => {
  it.each(["poisson", "uniform", "preferential"] as const)("%s recruiting: uplines precede members, quitters are rolled up", (model) => {
    const w = createWorld({ start: { founders: 2, network: { distributors: 3000 } }, recruitment: { model } }, { seed: 5 });
    run(w, 24);
    for (let i = 0; i < w.size; i++) {
      const p = w.upline[i]!;
      expect(p).toBeLessThan(i);
      if (w.alive[i] === 1 && p >= 0) expect(w.alive[p]).toBe(1);
      if (i >= 2) expect(p).toBeGreaterThanOrEqual(0); // everyone but the founders has an upline
    }
    // Founders never quit.
    expect(w.alive[0]).toBe(1);
    expect(w.alive[1]).toBe(1);
  });

  it("preferential attachment concentrates recruits more than uniform attachment", () => {
    const maxRecruits = (model: "uniform" | "preferential") => {
      const w = createWorld({ start: { founders: 1, network: { distributors: 5000 } }, recruitment: { model, rate: 0.2 } }, { seed: 6 });
      run(w, 24);
      let best = 0;
      for (let i = 1; i < w.size; i++) best = Math.max(best, w.recruits[i]!);
      return best;
    };
    expect(maxRecruits("preferential")).toBeGreaterThan(2 * maxRecruits("uniform"));
  });

  it("customers follow their distributor: up the line on moveUp, gone on churn", () => {
    for (const orphans of ["moveUp", "churn"] as const) {
      const w = createWorld(
        {
          start: { founders: 1, network: { distributors: 2000, customersPerDistributor: 3 } },
          customers: { orphans, churn: [{ fromMonth: 0, monthly: 0 }] },
          distributors: legacyRoles({ acquisitionRate: 0, builderRate: 0 }),
        },
        { seed: 7 },
      );
      const start = w.customers;
      const stats = run(w, 12);
      // Every customer is owned by a current distributor, and the counts agree.
      const counted = new Int32Array(w.size);
      for (let c = 0; c < w.customers; c++) {
        expect(w.alive[w.customerOwner[c]!]).toBe(1);
        counted[w.customerOwner[c]!]! += 1;
      }
      for (let i = 0; i < w.size; i++) if (w.alive[i]) expect(w.customerCount[i]).toBe(counted[i]);
      const lost = stats.reduce((s, x) => s + x.lostCustomers, 0);
      if (orphans === "moveUp") expect(lost).toBe(0); // no churn hazard and a founder who stays: nobody is lost
      else expect(lost).toBe(start - w.customers);
      if (orphans === "churn") expect(lost).toBeGreaterThan(0);
    }
  });
});

describe("weekly periods", () => {
  it("52 weeks hold 12 monthly renewals per subscription, and 52 periods per 12 months", () => {
    expect(resolveScenario({ months: 12, period: "week" }).periods).toBe(52);
    expect(resolveScenario({ months: 36, period: "week" }).periods).toBe(156);
    const w = createWorld(
      {
        months: 12,
        period: "week",
        start: { founders: 1, network: { distributors: 200, customersPerDistributor: 2 } },
        customers: { churn: [{ fromMonth: 0, monthly: 0 }], orderValue: { kind: "fixed", value: "50.00" } },
        distributors: {
          attrition: [{ fromMonth: 0, monthly: 0 }],
          orderProbability: 1,
          orderValue: { kind: "fixed", value: "100.00" },
          ...legacyRoles({ acquisitionRate: 0, builderRate: 0 }),
        },
      },
      { seed: 8 },
    );
    const customers = w.customers;
    const members = w.size;
    const stats = run(w, 52);
    // Each customer renews 12 times in 52 weeks (once per month of tenure), each distributor orders 12 times.
    expect(stats.reduce((s, x) => s + x.revenueCustomers, 0)).toBe(customers * 12 * 50_00);
    expect(stats.reduce((s, x) => s + x.revenueDistributors, 0)).toBe(members * 12 * 100_00);
  });

  it("a monthly hazard becomes 1 − (1 − h)^(12/52) a week: yearly survival is the same", () => {
    const survivors = (period: "month" | "week") => {
      const w = createWorld(
        {
          period,
          start: { founders: 1, network: { distributors: 40_000 } },
          distributors: { attrition: [{ fromMonth: 0, monthly: 0.1 }], ...legacyRoles({ builderRate: 0 }) },
        },
        { seed: 9 },
      );
      run(w, period === "month" ? 12 : 52);
      return w.currentCount / 40_000;
    };
    // 0.9^12 = 0.2824
    expect(survivors("month")).toBeCloseTo(0.2824, 2);
    expect(survivors("week")).toBeCloseTo(0.2824, 2);
  });
});

describe("hazards by tenure month", () => {
  it.each(["month", "week"] as const)("month 0's hazard applies at the first draw, in %s periods alike", (period) => {
    // Everyone leaves after her first month (hazard 1 in tenure month 0), nobody later (0 from month 1).
    const w = createWorld(
      {
        period,
        start: { founders: 1, network: null },
        distributors: { attrition: [{ fromMonth: 0, monthly: 1 }, { fromMonth: 1, monthly: 0 }], ...legacyRoles({ builderRate: 5 }) },
      },
      { seed: 3 },
    );
    stepWorld(w); // period 0: recruits join
    const joined = w.size - 1;
    expect(joined).toBeGreaterThan(0);
    const { stats } = stepWorld(w); // period 1: their first draw, with month 0's hazard
    expect(stats.quits).toBe(joined);
  });
});

describe("starting states", () => {
  it("founders only", () => {
    const w = createWorld({ start: { founders: 3, network: null } });
    expect(w.size).toBe(3);
    expect(Array.from(w.upline.subarray(0, 3))).toEqual([-1, -1, -1]);
  });

  it("a generated mature network: its size, tenures before period 0, customers per distributor", () => {
    const w = createWorld({ start: { founders: 1, network: { distributors: 10_000, customersPerDistributor: 3 } } }, { seed: 10 });
    expect(w.size).toBe(10_000);
    expect(w.upline[0]).toBe(-1);
    for (let i = 1; i < w.size; i++) {
      expect(w.joinPeriod[i]).toBeLessThan(0);
      expect(w.joinPeriod[i]).toBeGreaterThanOrEqual(w.joinPeriod[w.upline[i]!]!);
    }
    expect(w.customers / w.size).toBeGreaterThan(2.9);
    expect(w.customers / w.size).toBeLessThan(3.1);
  });
});
