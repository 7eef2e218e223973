import { describe, expect, it } from "vitest";
import { calibrationFigures, REFERENCE_RANGES } from "../../src/analysis/calibration.js";
import { fixtureResult, type FixtureValues } from "./fixture.js";

// 13 monthly periods: the last year is periods 1–12. Member 0 is the company's account.
// Members 1 (from before the run), 2 (joins 0, quits in 5), 3 (joins 0), 4 (joins 1, quits in 12), 5 (joins 2).
const stats = (t: number) => ({
  revenueCustomers: 600,
  revenueDistributors: 400,
  cv: 800,
  // 100 customers at each period's end; 10 new and 5 lost in period 0, 5 lost in every later one.
  customers: 100,
  newCustomers: t === 0 ? 10 : 0,
  lostCustomers: 5,
  ...(t === 0 ? { breakage: 100 } : {}),
});
// Paid: member 2 300 in period 0; member 1 1,000 in period 3; the company account 200 in period 5; member 3 500 in period 12 (and 600 of expenses).
const PAID: Record<number, Record<number, FixtureValues>> = {
  0: { 2: { earnings: 300 } },
  3: { 1: { earnings: 1000 } },
  5: { 0: { earnings: 200 } },
  12: { 3: { earnings: 500, expenses: 600 } },
};
const result = fixtureResult({
  members: [{ join: -1, company: true }, { join: -1 }, { join: 0, quit: 5 }, { join: 0 }, { join: 1, quit: 12 }, { join: 2 }],
  periods: Array.from({ length: 13 }, (_, t) => ({
    values: PAID[t] ?? {},
    stats: stats(t),
  })),
});

describe("calibration figures", () => {
  const f = calibrationFigures(result);

  it("the last year's earnings over its participants: 1, 2, 3, 4 and 5 (the company account left out)", () => {
    // Earned in periods 1–12: member 1 1,000, member 3 500; 2, 4 and 5 nothing (2's 300 was in period 0).
    expect(f.zeroShare).toBe(3 / 5);
    // Mean 1,500 / 5 = 300; median of [0, 0, 0, 500, 1,000] = 0; of those paid, (500 + 1,000) / 2 = 750.
    expect(f.meanEarnings).toBe(300);
    expect(f.medianEarnings).toBe(0);
    expect(f.paidMedianEarnings).toBe(750);
    // Top ⌈0.01 × 5⌉ = 1 and ⌈0.1 × 5⌉ = 1 earner: 1,000 of 1,500.
    expect(f.top1Share).toBeCloseTo(2 / 3, 15);
    expect(f.top10Share).toBeCloseTo(2 / 3, 15);
    // Net: member 1 +1,000, member 3 500 − 600 = −100: one of five in profit.
    expect(f.netProfitShare).toBe(1 / 5);
  });

  it("first-year attrition: of joiners with a whole year of the run after joining (2, 3, 4), those who quit within it (2, 4)", () => {
    // Member 5 joined in 2: 2 + 12 > 13 periods, not counted; member 1 joined before the run.
    expect(f.firstYearAttrition).toBe(2 / 3);
  });

  it("customer churn: lost over customers at each period's start, as a monthly rate", () => {
    // Start of period 0: 100 − 10 new + 5 lost = 95; of later periods, the 100 of the period before.
    // p = 13 × 5 / (95 + 12 × 100) = 65 / 1,295; monthly periods: the rate itself.
    expect(f.customerChurnMonthly).toBeCloseTo(65 / 1295, 15);
  });

  it("the company's figures over the run: end customers, participants' payout of CV, breakage", () => {
    // Revenue 13 × 1,000, 600 of each from end customers.
    expect(f.endCustomerShare).toBeCloseTo(0.6, 15);
    // Payout 300 + 1,000 + 200 + 500 = 2,000, of which 200 to the company account: 1,800 / (13 × 800).
    expect(f.participantPayoutShareOfCv).toBeCloseTo(1800 / 10_400, 15);
    // Headline 2,000 + 100 breakage: 100 / 2,100.
    expect(f.breakageShare).toBeCloseTo(100 / 2100, 15);
  });

  it("weekly periods: churn converted to a month of 52/12 weeks", () => {
    const weekly = fixtureResult({ period: "week", members: [{ join: -1 }], periods: Array.from({ length: 52 }, () => ({ stats: { customers: 100, lostCustomers: 1 } })) });
    // p = 52 / (101 + 51 × 100) = 52 / 5,201 a week; a month: 1 − (1 − p)^(52/12).
    expect(calibrationFigures(weekly).customerChurnMonthly).toBeCloseTo(1 - Math.pow(1 - 52 / 5201, 52 / 12), 15);
  });

  it("every reference range names its source and has low ≤ high", () => {
    for (const r of REFERENCE_RANGES) {
      expect(r.source.length).toBeGreaterThan(20);
      if (r.low !== null && r.high !== null) expect(r.low).toBeLessThanOrEqual(r.high);
      expect(Object.keys(f)).toContain(r.figure);
    }
  });
});
