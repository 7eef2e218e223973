import { describe, expect, it } from "vitest";
import { firstYearAttrition, PLAN_METRICS, planMetrics } from "../../src/analysis/plan-metrics.js";
import { fixtureResult } from "./fixture.js";

describe("plan metrics of one run", () => {
  it("over a window, by hand", () => {
    // Two periods (the whole run). Revenue 6,000 + 4,000 and 9,000 + 1,000; CV 8,000 each;
    // breakage 300 and capped 200 in period 0. Participants 1–4 (0 is the company's account).
    const r = fixtureResult({
      members: [{ join: -1, company: true }, { join: -1 }, { join: -1 }, { join: -1 }, { join: -1 }],
      periods: [
        {
          values: {
            0: { earnings: 500 },
            1: { earnings: 1000, hours: 10, income: { active: 600, residual: 400 } },
            2: { earnings: 500, expenses: 800, income: { residual: 500 } },
            3: { retail: 100, required: 300, income: { active: 100 } },
          },
          stats: { revenueCustomers: 6000, revenueDistributors: 4000, cv: 8000, breakage: 300, capped: 200 },
        },
        { values: { 1: { earnings: 2000, hours: 10, income: { leveraged: 2000 } } }, stats: { revenueCustomers: 9000, revenueDistributors: 1000, cv: 8000 } },
      ],
    });
    const m = planMetrics(r, "run");
    // Payout 500 + 1000 + 500 + 2000 = 4,000 (the company account's 500 is company payout too): 20% of 20,000, 25% of 16,000.
    // Headline 4,000 + 200 + 300 = 4,500. End customers 15,000 of 20,000.
    expect(m).toMatchObject({ revenue: 20_000, payoutRatio: 0.2, payoutShareOfCv: 0.25, endCustomerShare: 0.75, participants: 4 });
    expect(m.breakageShare).toBeCloseTo(300 / 4500, 14);
    expect(m.cappedShare).toBeCloseTo(200 / 4500, 14);
    // Gross of participants [3000, 500, 100, 0]: 1 of 4 paid nothing; median (h = 1.5) (100 + 500)/2 = 300; mean 900;
    // paid median [100, 500, 3000] → 500; top 1% and 10% = the one highest: 3000/3600.
    // Gini: sorted [0, 100, 500, 3000], Σ i·x = 200 + 1500 + 12000 = 13,700 → 2·13700/(4·3600) − 5/4 = 0.652777…
    expect(m).toMatchObject({ zeroEarnerShare: 0.25, medianGross: 300, meanGross: 900, paidMedianGross: 500 });
    expect(m.top1Share).toBeCloseTo(3000 / 3600, 14);
    expect(m.top10Share).toBeCloseTo(3000 / 3600, 14);
    expect(m.gini).toBeCloseTo(27_400 / 14_400 - 1.25, 14);
    // Net [3000, 500 − 800, 100 − 300, 0] = [3000, −300, −200, 0]: one net profit; median (−200 + 0)/2 = −100; mean 625.
    expect(m).toMatchObject({ netProfitShare: 0.25, medianNet: -100, meanNet: 625, meanHours: 5 });
    // Per hour: only member 1 worked, 3,000 in 20 hours = 150 an hour.
    expect(m.medianGrossPerHour).toBe(150);
    // Income by kind (the company's account left out): active 600 + 100 = 700, residual 400 + 500 = 900, leveraged 2,000;
    // of 3,600. Continuing (900 + 2,000) / 3,600.
    expect(m.activeShare).toBeCloseTo(700 / 3600, 14);
    expect(m.residualShare).toBe(0.25);
    expect(m.leveragedShare).toBeCloseTo(2000 / 3600, 14);
    expect(m.continuingShare).toBeCloseTo(2900 / 3600, 14);
    expect(Object.keys(m)).toEqual(PLAN_METRICS.map((x) => x.name));
  });

  it("first-year attrition: of members observed for a year after joining, those who quit within it", () => {
    // 14 months: joined 0 (quit 5), 1 (stays), 2 (quit 13 < 14: within her year), 3 (not observed a full year), a founder.
    const r = fixtureResult({
      members: [{ join: -1, company: true }, { join: 0, quit: 5 }, { join: 1 }, { join: 2, quit: 13 }, { join: 3, quit: 4 }],
      periods: Array.from({ length: 14 }, () => ({})),
    });
    expect(firstYearAttrition(r)).toBeCloseTo(2 / 3, 14);
    expect(firstYearAttrition(fixtureResult({ members: [{ join: 0 }], periods: [{}] }))).toBeNaN();
  });
});
