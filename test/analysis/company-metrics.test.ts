import { describe, expect, it } from "vitest";
import { companyMetrics, rankCountRows } from "../../src/analysis/company-metrics.js";
import { simulate, PRESETS } from "../../src/index.js";
import { fixtureResult } from "./fixture.js";

// Two periods. Member 0 is the company's account; 1–4 participants.
// Period 0: revenue 6,000 from end customers + 4,000 from distributors' own orders (1,500 of it required), CV 8,000;
//   paid: company account 500, member 1 1,000, member 2 500 (payout 2,000); breakage 300, caps removed 200.
//   Member 1's group: GV 4,000 of which 3,000 from end customers (75%: passes); member 2's: 1,000 of 2,000 (50%: fails, not more than half).
// Period 1: revenue 9,000 + 1,000 (none required), CV 8,000; member 1 paid 2,000, group 4,500 of 5,000 (passes).
const result = fixtureResult({
  ranks: ["Silver", "Gold"],
  members: [{ join: -1, company: true }, { join: -1 }, { join: -1 }, { join: -1 }, { join: -1 }],
  periods: [
    {
      values: {
        0: { earnings: 500, rank: 2 },
        1: { earnings: 1000, gv: 4000, groupCustomerCv: 3000, rank: 1 },
        2: { earnings: 500, gv: 2000, groupCustomerCv: 1000, rank: 1 },
        3: { gv: 1000, groupCustomerCv: 900, required: 1500 },
      },
      stats: { revenueCustomers: 6000, revenueDistributors: 4000, cv: 8000, breakage: 300, capped: 200 },
    },
    {
      values: { 1: { earnings: 2000, gv: 5000, groupCustomerCv: 4500, rank: 1 } },
      stats: { revenueCustomers: 9000, revenueDistributors: 1000, cv: 8000 },
    },
  ],
});

describe("company metrics", () => {
  const m = companyMetrics(result);

  it("per period: payout ratios, breakage and caps of the headline, revenue by source", () => {
    const [p0, p1] = m.periods;
    // Payout 2,000: 20% of revenue, 25% of CV. Headline = 2,000 + 200 + 300 = 2,500: breakage 12%, caps 8%.
    expect(p0).toMatchObject({ revenue: 10_000, payout: 2000, payoutRatio: 0.2, payoutShareOfCv: 0.25, headline: 2500, breakageShare: 0.12, cappedShare: 0.08 });
    // End customers 6,000/10,000 = 60%; end use (10,000 − 1,500 required)/10,000 = 85%.
    expect(p0!.endCustomerShare).toBe(0.6);
    expect(p0!.endUseShare).toBe(0.85);
    // The company account's 500 is the company paying itself: participants got 1,500, 1,500 / 8,000 = 18.75% of CV.
    expect(p0).toMatchObject({ companyAccountsPaid: 500, participantPayoutShareOfCv: 0.1875 });
    expect(p1).toMatchObject({ companyAccountsPaid: 0, participantPayoutShareOfCv: 0.25 });
    // Paid participants 1 and 2 (the company account is not one); only 1 passes: 1,000 of 1,500 paid.
    expect(p0).toMatchObject({ paidParticipants: 2, paidPassing50: 1 });
    expect(p0!.payoutPassing50Share).toBeCloseTo(2 / 3, 14);
    // Rank counts of participants, every rank of the ladder: none 2 (3, 4), Silver 2 (1, 2), Gold 0 (the company's Gold is left out).
    expect(p0!.rankCounts).toEqual({ "": 2, Silver: 2, Gold: 0 });
    expect(p1).toMatchObject({ endCustomerShare: 0.9, endUseShare: 1, paidParticipants: 1, paidPassing50: 1, payoutPassing50Share: 1, breakageShare: 0 });
  });

  it("over the window, with the end-customer tests", () => {
    // Revenue 20,000; payout 4,000 (20%) of CV 16,000 (25%); end customers 15,000 (75%); end use 18,500 (92.5%).
    expect(m.totals).toMatchObject({ revenue: 20_000, payout: 4000, payoutRatio: 0.2, payoutShareOfCv: 0.25, headline: 4500, breakage: 300, capped: 200, endCustomerShare: 0.75, endUseShare: 0.925 });
    expect(m.totals.cappedByComponent).toEqual({ commission: 200, retail: 0 });
    // Participants: (4,000 − 500) / 16,000 = 21.875% of CV.
    expect(m.totals).toMatchObject({ companyAccountsPaid: 500, participantPayoutShareOfCv: 0.21875 });
    const test = (name: string) => m.tests.find((t) => t.test === name)!;
    // 75% < 80%: fails over the window; passes in period 1 only (90%).
    expect(test("endCustomers80")).toMatchObject({ value: 0.75, threshold: 0.8, passes: false, periodsPassing: 1, periods: 2 });
    expect(test("endUse80")).toMatchObject({ value: 0.925, passes: true, periodsPassing: 2 });
    expect(test("endCustomerMajority")).toMatchObject({ value: 0.75, passes: true, periodsPassing: 2 });
    // Participant test: (1,000 + 2,000) passed of (1,500 + 2,000) paid = 6/7; period 1 alone passes.
    const p = test("participant50");
    expect(p.value).toBeCloseTo(6 / 7, 14);
    expect(p).toMatchObject({ passes: false, periodsPassing: 1 });
    expect(rankCountRows(m).filter((r) => r.period === 1)).toEqual([
      { period: 1, rank: "", count: 3 },
      { period: 1, rank: "Silver", count: 1 },
      { period: 1, rank: "Gold", count: 0 },
    ]);
  });

  it("without per-member results: company figures only, participant figures null", () => {
    const bare = companyMetrics(fixtureResult({ members: [{ join: 0 }], periods: [{ stats: { revenueCustomers: 100, cv: 80 } }], memberPeriods: false }));
    expect(bare.periods[0]).toMatchObject({ paidParticipants: null, paidPassing50: null, rankCounts: null, endCustomerShare: 1 });
    expect(bare.tests.find((t) => t.test === "participant50")).toMatchObject({ value: null, passes: null });
  });

  it("on a run: the payout matches the period rows and the tests are computed", () => {
    const r = simulate({ scenario: { months: 3, start: { founders: 1, network: { distributors: 300 } }, market: { prospects: 10_000 } }, plan: PRESETS["wellness-unilevel"], seed: 5, ledger: false, memberPeriods: { columns: ["earnings", "rank", "gv", "groupCustomerCv"] } });
    const c = companyMetrics(r);
    expect(c.totals.payout).toBe(r.periods.reduce((s, p) => s + p.payout, 0));
    expect(c.tests.every((t) => t.passes !== null)).toBe(true);
    c.periods.forEach((p, t) => expect(Object.values(p.rankCounts!).reduce((a, b) => a + b, 0)).toBe(r.periods[t]!.members - 1)); // the founder left out
  });

  it("on a run: what the founders earn is counted apart (two founders, the only sellers, paid 25% of their customers' $10 orders)", () => {
    // Two company accounts sell 30 customers a month each; nobody else joins; the SaaS plan pays level 1
    // 25% of the price: each $10.00 order pays $2.50 to its founder, level 2 has no one (breakage).
    const r = simulate({
      scenario: {
        months: 3,
        start: { founders: 2, network: null, company: { acquisitionRate: 30, recruitRate: 0 } },
        customers: { orderValue: { kind: "fixed", value: "10.00" } },
        distributors: { orderProbability: 0 },
      },
      plan: PRESETS["saas-affiliate"],
      seed: 4,
      ledger: false,
    });
    for (const p of r.periods) {
      expect(p.revenueCustomers).toBe(p.orders * 1000);
      expect(p.payout).toBe(p.orders * 250);
      expect(p.companyAccountsPaid).toBe(p.payout);
    }
    const c = companyMetrics(r);
    expect(c.totals.payoutShareOfCv).toBeGreaterThan(0.3);
    expect(c.totals.participantPayoutShareOfCv).toBe(0);
  });
});
