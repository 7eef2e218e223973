import { describe, expect, it } from "vitest";
import { describeDistribution, distributions } from "../../src/analysis/distributions.js";
import { resolveWindow, windowTotals } from "../../src/analysis/windows.js";
import { DownlineInputError } from "../../src/validate/errors.js";
import { fixtureResult, type Fixture, type FixturePeriod } from "./fixture.js";

// 14 months; the last year is periods 2–13.
// 0 founder (company, paid 1,000 a month) · 1 joined before the run, builder, quits in period 13 ·
// 2 joins in 0, seller · 3 joins in 1, consumer, quits in 2 · 4 joins in 12, builder ·
// 5 joined before the run, consumer, quits in 1 · 6 joins in 13, builder.
const periods: FixturePeriod[] = Array.from({ length: 14 }, (_, t) => {
  const v: Record<number, object> = { 0: { earnings: 1000 } };
  if (t === 0) Object.assign(v, { 1: { earnings: 999 }, 2: { expenses: 3500 } });
  if (t >= 2 && t <= 12) v[1] = { hours: 10, ...(t === 2 ? { earnings: 500, rank: 2 } : t === 5 ? { earnings: 300 } : {}) };
  if (t === 3) v[2] = { retail: 200 };
  if (t === 5) v[2] = { expenses: 2000 };
  if (t === 6) v[2] = { required: 1000 };
  if (t === 12) v[4] = { expenses: 13500 };
  if (t === 13) v[6] = { earnings: 100, rank: 1 };
  return { values: v };
});
const FIXTURE: Fixture = {
  members: [
    { join: -5, company: true },
    { join: -3, quit: 13, role: "builder" },
    { join: 0, role: "seller" },
    { join: 1, quit: 2, role: "consumer" },
    { join: 12, role: "builder" },
    { join: -1, quit: 1, role: "consumer" },
    { join: 13, role: "builder" },
  ],
  periods,
  ranks: ["Bronze", "Silver"],
};
const result = fixtureResult(FIXTURE);

describe("windows", () => {
  it("resolve against the run", () => {
    expect(resolveWindow(result, "lastYear")).toMatchObject({ kind: "calendar", from: 2, to: 14, periods: 12, complete: true });
    expect(resolveWindow(result, { year: 0 })).toMatchObject({ from: 0, to: 12 });
    expect(resolveWindow(result, "firstYear")).toMatchObject({ kind: "tenure", periods: 12 });
    const short = fixtureResult({ ...FIXTURE, periods: periods.slice(0, 6) });
    expect(resolveWindow(short, "lastYear")).toMatchObject({ from: 0, to: 6, complete: false, label: "periods 0–5 (the whole run, shorter than a year)" });
    const weekly = fixtureResult({ ...FIXTURE, period: "week", periods: Array.from({ length: 60 }, () => ({})) });
    expect(resolveWindow(weekly, "lastYear")).toMatchObject({ from: 8, to: 60, periods: 52, months: 12 });
    expect(() => resolveWindow(result, { year: 1 })).toThrow(/window\.year: expected a whole year of the run \(0 … 0\), got 1/);
    expect(() => resolveWindow(result, { from: 3, to: 2 })).toThrow(DownlineInputError);
  });

  it("participants of the last year: present in one of its periods, the company account left out and counted", () => {
    const w = windowTotals(result, "lastYear");
    // 3 (present in period 1 only) and 5 (period 0 only) were not members in periods 2–13.
    expect(Array.from(w.members)).toEqual([1, 2, 4, 6]);
    expect(w.companyAccountsExcluded).toBe(1);
    // Member 1: 500 (period 2) + 300 (period 5); her 999 of period 0 is outside. Member 2: retail 200.
    expect(Array.from(w.gross)).toEqual([800, 200, 0, 100]);
    // Member 2: 200 − 2,000 expenses − 1,000 required purchases; member 4: −13,500 (sign-up and kit).
    expect(Array.from(w.net)).toEqual([800, -2800, -13500, 100]);
    expect(Array.from(w.hours!)).toEqual([110, 0, 0, 0]); // 10 h × periods 2–12
    expect(Array.from(w.periodsPresent)).toEqual([11, 12, 2, 1]);
    expect(Array.from(w.title)).toEqual([2, 0, 0, 1]);
  });

  it("the whole run reads the member totals when periods were not kept, with the same result", () => {
    const withPeriods = windowTotals(result, "run");
    const withoutPeriods = windowTotals(fixtureResult({ ...FIXTURE, memberPeriods: false }), "run");
    expect(Array.from(withoutPeriods.members)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const key of ["members", "gross", "net", "hours", "periodsPresent", "title"] as const) {
      expect(Array.from(withoutPeriods[key]!)).toEqual(Array.from(withPeriods[key]!));
    }
    expect(Array.from(withPeriods.gross)).toEqual([1799, 200, 0, 0, 0, 100]);
    // Any other window needs the kept periods, and says how to get them.
    expect(() => windowTotals(fixtureResult({ ...FIXTURE, memberPeriods: false }), "lastYear")).toThrow(/run with memberPeriods: true \(or memberPeriods: \{ from: 2, to: 14 \}\)/);
  });

  it("each member's first periods: only members whose window lies in the run", () => {
    const w = windowTotals(result, { firstPeriods: 2 });
    // 2 (periods 0–1), 3 (1–2, a member in 1 only), 4 (12–13); 6 joined in 13: her 2 periods end after the run.
    expect(Array.from(w.members)).toEqual([2, 3, 4]);
    expect(Array.from(w.expenses)).toEqual([3500, 0, 13500]);
    expect(Array.from(w.periodsPresent)).toEqual([2, 1, 2]);
  });
});

describe("distributions", () => {
  it("of eight values, by hand", () => {
    const d = describeDistribution([4800, 0, 150, 0, 300, 0, 1200, 0]);
    // Sorted [0, 0, 0, 0, 150, 300, 1200, 4800]: total 6450, mean 806.25; type-7 percentiles as in statistics.test.ts.
    expect(d).toMatchObject({ participants: 8, total: 6450, mean: 806.25, min: 0, median: 75, p75: 525, max: 4800, zeroCount: 4, zeroShare: 0.5, positiveCount: 4, negativeCount: 0 });
    // Paid only: [150, 300, 1200, 4800]: mean 1612.5, median 750 (h = 1.5: 300 + 0.5 × 900).
    expect(d.positiveMean).toBe(1612.5);
    expect(d.positiveMedian).toBe(750);
    // Top 1% and top 10% of 8 are one person: 4800 / 6450.
    expect(d.top1Share).toBeCloseTo(4800 / 6450, 14);
    expect(d.top10Mean).toBe(4800);
    expect(d.gini).toBeCloseTo(0.7877906976744186, 14);
  });

  it("of the last year, for everyone and by title, role and cohort", () => {
    const rows = distributions(result);
    const row = (measure: string, groupBy: string, group: string) => rows.find((r) => r.measure === measure && r.groupBy === groupBy && r.group === group)!;
    // Gross of the 4 participants: [0, 100, 200, 800]. Total 1100, mean 275; median h = 1.5 → 150;
    // p90 h = 2.7 → 200 + 0.7 × 600 = 620; top 10% = ⌈0.4⌉ = 1 person: 800/1100.
    // Gini: Σ i·x = 0 + 200 + 600 + 3200 = 4000 → 2·4000/(4·1100) − 5/4 = 0.5681818…
    // (pairwise: Σ|xi − xj| over ordered pairs = 2 × 2500 = 5000; / (2 × 16 × 275) = 0.5681818)
    const all = row("gross", "all", "all");
    expect(all).toMatchObject({ participants: 4, companyAccountsExcluded: 1, total: 1100, mean: 275, median: 150, zeroShare: 0.25, currency: "USD", digits: 2 });
    expect(all.p90).toBeCloseTo(620, 9);
    expect(all.top10Share).toBeCloseTo(800 / 1100, 14);
    expect(all.gini).toBeCloseTo(0.5681818181818182, 14);
    expect(all.window).toBe("periods 2–13 (the last 12 months)");
    // Net [800, −2800, −13500, 100]: half made a net profit, half lost money; Gini not defined.
    const net = row("net", "all", "all");
    expect(net).toMatchObject({ positiveShare: 0.5, negativeCount: 2, total: -15400, median: -1350 });
    expect(net.gini).toBeNaN();
    // By title (the highest rank reached by the end of the window): Silver = member 1, Bronze = member 6.
    expect(row("gross", "title", "no title")).toMatchObject({ participants: 2, mean: 100 });
    expect(row("gross", "title", "Bronze")).toMatchObject({ participants: 1, total: 100 });
    expect(row("gross", "title", "Silver")).toMatchObject({ participants: 1, total: 800 });
    // By role: builders 1, 4, 6 → [800, 0, 100]; one seller; no consumer was a member in the window (no row).
    expect(row("gross", "role", "builder")).toMatchObject({ participants: 3, total: 900, median: 100 });
    expect(row("gross", "role", "seller")).toMatchObject({ participants: 1, total: 200 });
    expect(rows.some((r) => r.group === "consumer")).toBe(false);
    // By cohort: before the run (1), year 1 (2, joined in 0), year 2 (4 and 6, joined in 12 and 13).
    expect(row("gross", "cohort", "joined before the run")).toMatchObject({ participants: 1, total: 800 });
    expect(row("gross", "cohort", "joined in year 1")).toMatchObject({ participants: 1, total: 200 });
    expect(row("gross", "cohort", "joined in year 2")).toMatchObject({ participants: 2, total: 100, zeroShare: 0.5 });
    expect(rows.map((r) => r.groupBy + ":" + r.group).filter((g, k, a) => a.indexOf(g) === k)).toEqual([
      "all:all", "title:no title", "title:Bronze", "title:Silver", "role:seller", "role:builder",
      "cohort:joined before the run", "cohort:joined in year 1", "cohort:joined in year 2",
    ]);
  });
});
