import { describe, expect, it } from "vitest";
import { incomeDisclosure } from "../../src/analysis/disclosure.js";
import { disclosureMarkdown, displayMoney, markdownCell } from "../../src/output/markdown.js";
import { fixtureResult, type FixtureValues } from "./fixture.js";

// A year (12 months, the whole run) of 10 participants and a founder (company account).
// Lump sums in period 0; monthly expenses, required purchases and hours.
//   member  earnings  retail  expenses/mo  required/mo  hours/mo  title
//   1       120,000          5,000                     40        Gold (rank 2)
//   2        24,000          5,000                     20        Silver (rank 1, in period 3)
//   3         6,000   1,000  1,000                     10
//   4         3,000          1,000                     10
//   5                   500  1,000                     10
//   6–9                                    500
//   10 (quits in period 6)                 500
const monthly: Record<number, FixtureValues> = {
  0: { earnings: 100 },
  1: { expenses: 5000, hours: 40 },
  2: { expenses: 5000, hours: 20 },
  3: { expenses: 1000, hours: 10 },
  4: { expenses: 1000, hours: 10 },
  5: { expenses: 1000, hours: 10 },
  6: { required: 500 },
  7: { required: 500 },
  8: { required: 500 },
  9: { required: 500 },
  10: { required: 500 },
};
const lump: Record<number, FixtureValues> = {
  1: { earnings: 120_000, rank: 2 },
  3: { earnings: 6000, retail: 1000 },
  4: { earnings: 3000 },
  5: { retail: 500 },
};
const result = fixtureResult({
  name: "a year of ten",
  planName: "Ten-person plan",
  seed: 7,
  ranks: ["Silver", "Gold"],
  members: [{ join: -1, company: true }, ...Array.from({ length: 9 }, () => ({ join: -1 })), { join: -1, quit: 6 }],
  periods: Array.from({ length: 12 }, (_, t) => {
    const values: Record<number, FixtureValues> = {};
    for (const [i, v] of Object.entries(monthly)) values[+i] = { ...v, ...(t === 0 ? lump[+i] : {}), ...(t === 3 && +i === 2 ? { earnings: 24_000, rank: 1 } : {}) };
    return { values };
  }),
});

describe("income disclosure", () => {
  const d = incomeDisclosure(result);
  const row = (label: string) => d.rows.find((r) => r.label === label)!;

  it("everyone: zero earners included, gross and net, hours", () => {
    expect(d).toMatchObject({ plan: "Ten-person plan", scenario: "a year of ten", seed: 7, participants: 10, companyAccountsExcluded: 1, currency: "USD", digits: 2 });
    // Gross [120000, 24000, 7000, 3000, 500, 0, 0, 0, 0, 0]: 5 paid nothing. Earnings total 153,000 → mean 15,300;
    // sorted earnings [0 ×6, 3000, 6000, 24000, 120000]: median (h = 4.5) 0. Gross median: 0 + 0.5 × 500 = 250.
    // Net: 60,000; −36,000; 7,000 − 12,000 = −5,000; −9,000; −11,500; −6,000 ×4; −3,000 (six months of 500):
    // total −28,500 → mean −2,850; sorted [−36000, −11500, −9000, −6000 ×4, −5000, −3000, 60000] → median −6,000.
    // Hours (480 + 240 + 3 × 120)/10 = 108.
    expect(row("All participants")).toEqual({
      section: "all", label: "All participants", participants: 10, share: 1, zeroEarners: 5, zeroShare: 0.5,
      earningsMean: 15_300, earningsMedian: 0, earningsLow: 0, earningsHigh: 120_000,
      grossMean: 15_450, grossMedian: 250, grossLow: 0, grossHigh: 120_000,
      netMean: -2850, netMedian: -6000, netLow: -36_000, netHigh: 60_000,
      netProfitShare: 0.1, hoursMean: 108,
    });
  });

  it("by title, lowest first", () => {
    expect(d.rows.filter((r) => r.section === "title").map((r) => [r.label, r.participants])).toEqual([["No title", 8], ["Silver", 1], ["Gold", 1]]);
    // No title: members 3–10; 5 of 8 paid nothing; earnings (6000 + 3000)/8 = 1125.
    expect(row("No title")).toMatchObject({ share: 0.8, zeroEarners: 5, zeroShare: 0.625, earningsMean: 1125, earningsHigh: 6000 });
    expect(row("Gold")).toMatchObject({ earningsMean: 120_000, netMean: 60_000, netProfitShare: 1, hoursMean: 480 });
  });

  it("by percentile band: the top p holds the ⌈p·n⌉ highest", () => {
    // n = 10: edges ⌈0.1⌉ = 1, ⌈1⌉ = 1, ⌈2.5⌉ = 3, ⌈5⌉ = 5: top 1% = member 1; 1–10% nobody;
    // 10–25% = members 2, 3; 25–50% = 4, 5; bottom 50% = 6–10.
    expect(d.rows.filter((r) => r.section === "band").map((r) => [r.label, r.participants])).toEqual([
      ["Top 1%", 1], ["Top 1%–10%", 0], ["Top 10%–25%", 2], ["Top 25%–50%", 2], ["Bottom 50%", 5],
    ]);
    // 10–25%: gross (24000 + 7000)/2 = 15,500; earnings median (24000 + 6000)/2 = 15,000; net (−36000 − 5000)/2 = −20,500.
    expect(row("Top 10%–25%")).toMatchObject({ share: 0.2, grossMean: 15_500, earningsMedian: 15_000, earningsLow: 6000, earningsHigh: 24_000, netMean: -20_500 });
    expect(row("Top 1%–10%").earningsMean).toBeNaN();
    // Bottom half: nothing paid; net (4 × −6000 − 3000)/5 = −5,400.
    expect(row("Bottom 50%")).toMatchObject({ zeroShare: 1, netMean: -5400, netMedian: -6000, netProfitShare: 0 });
  });

  it("states its assumptions", () => {
    expect(d.window.label).toBe("periods 0–11 (the last 12 months)");
    expect(d.assumptions[0]).toBe('Simulated figures, not the results of any real business: plan "Ten-person plan" paid on scenario "a year of ten", seed 7, fast engine.');
    expect(d.assumptions.join(" ")).toMatch(/1 company account\(s\) \(founders\) are left out/);
    expect(d.assumptions.join(" ")).toMatch(/not annualised for part-year members/);
  });

  it("as Markdown", () => {
    const md = disclosureMarkdown(d);
    expect(md.split("\n").slice(0, 7)).toEqual([
      "## Income disclosure: Ten-person plan on a year of ten, periods 0–11 (the last 12 months)",
      "",
      "Amounts in USD, over periods 0–11 (the last 12 months): 10 participants (1 company account(s) left out).",
      "",
      "| Title | Participants | % of all | % paid nothing | Earnings: mean | median | low | high | Gross: mean | Net: mean | median | % net profit | Hours: mean |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      "| All participants | 10 | 100.0% | 50.0% | 153.00 | 0.00 | 0.00 | 1,200.00 | 154.50 | -28.50 | -60.00 | 10.0% | 108.0 |",
    ]);
    expect(md).toContain("| Top 1%–10% | 0 | 0.0% | — | — | — | — | — | — | — | — | — | — |");
    expect(md).toContain("- Title: the highest paid-as rank reached by the end of the window.");
  });

  it("display helpers", () => {
    expect(displayMoney(123_456_789.5, 2)).toBe("1,234,567.90");
    expect(displayMoney(-0.4, 2)).toBe("0.00");
    expect(displayMoney(-150, 2)).toBe("-1.50");
    expect(markdownCell("a|b\nc")).toBe("a\\|b c");
  });
});
