import { describe, expect, it } from "vitest";
import { stopReport } from "../../src/analysis/stop-report.js";
import { DownlineInputError } from "../../src/validate/errors.js";
import { fixtureResult, type FixtureMember, type FixtureValues } from "./fixture.js";

// Eight periods; members 1–4 stop all effort from period 4 in the stopped run (k = 1 is period 4).
// Their gross income (earnings), period by period:
//             0     1     2     3   |  4     5     6     7
//   A (1)     0  1000  1000  1000   | base 1000  1100  1200  1300 · stopped 800  600  450  300
//   B (2)     0   200   400   600   | base  500   500   500   500 · stopped 300  250  210  200
//   C (3)     —     —   100   300   | base  300   300   300   300 · stopped 150, quits in period 5
//   D (4)     0     0     0     0   | nothing either way
const BEFORE: Record<number, number[]> = { 1: [0, 1000, 1000, 1000], 2: [0, 200, 400, 600], 3: [0, 0, 100, 300], 4: [0, 0, 0, 0] };
const BASE_AFTER: Record<number, number[]> = { 1: [1000, 1100, 1200, 1300], 2: [500, 500, 500, 500], 3: [300, 300, 300, 300], 4: [0, 0, 0, 0] };
const STOPPED_AFTER: Record<number, number[]> = { 1: [800, 600, 450, 300], 2: [300, 250, 210, 200], 3: [150, 0, 0, 0], 4: [0, 0, 0, 0] };

function run(after: Record<number, number[]>, cQuits?: number) {
  const members: FixtureMember[] = [{ join: -1, company: true }, { join: -1 }, { join: -1 }, { join: 2, ...(cQuits ? { quit: cQuits } : {}) }, { join: -1 }];
  return fixtureResult({
    members,
    periods: Array.from({ length: 8 }, (_, t) => {
      const values: Record<number, FixtureValues> = {};
      for (const m of [1, 2, 3, 4]) values[m] = { earnings: t < 4 ? BEFORE[m]![t]! : after[m]![t - 4]! };
      return { values };
    }),
  });
}
const base = run(BASE_AFTER);
const stopped = run(STOPPED_AFTER, 5);
const report = stopReport({ base, stopped, members: [4, 2, 1, 3], fromPeriod: 4 });

describe("what if I stop", () => {
  it("her income month by month, with and without her effort", () => {
    const a = report.periods.filter((r) => r.member === 1);
    expect(a.map((r) => r.sinceStop)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4]);
    expect(a.map((r) => r.withEffort)).toEqual([0, 1000, 1000, 1000, 1000, 1100, 1200, 1300]);
    expect(a.map((r) => r.withoutEffort)).toEqual([0, 1000, 1000, 1000, 800, 600, 450, 300]);
    expect(a.map((r) => r.difference)).toEqual([0, 0, 0, 0, 200, 500, 750, 1000]);
    expect(a[6]!.retained).toBe(0.45); // 450 of her reference 1,000
  });

  it("half-life: the first period without effort with income below half the reference", () => {
    const by = new Map(report.members.map((m) => [m.member, m]));
    // A: reference (1000 + 1000 + 1000)/3 = 1000; half 500: 800, 600, then 450 < 500 in the 3rd period → 3.
    expect(by.get(1)).toMatchObject({ reference: 1000, referencePeriods: 3, halfLife: 3, periodsObserved: 4, totalWith: 4600, totalWithout: 2150 });
    expect(by.get(1)!.keptShare).toBeCloseTo(2150 / 4600, 14);
    // B: reference (200 + 400 + 600)/3 = 400; half 200: 300, 250, 210, 200 — never below 200 → censored.
    expect(by.get(2)).toMatchObject({ reference: 400, halfLife: null, totalWithout: 960 });
    // C: a member in periods 2 and 3 only before the stop: reference (100 + 300)/2 = 200; 150, then 0 (she quit) → 2.
    expect(by.get(3)).toMatchObject({ reference: 200, referencePeriods: 2, halfLife: 2, totalWithout: 150 });
    // D earned nothing: no half-life, and she is left out of the cohort's figures.
    expect(by.get(4)).toMatchObject({ reference: 0, halfLife: null });
  });

  it("the cohort: quartiles across members, per period and of the half-lives", () => {
    // Half-lives of A, B, C: [2, 3, ∞]. Type 7 on 3 values: q1 at h = 0.5 → 2.5; median h = 1 → 3; q3 h = 1.5 → among the censored → null.
    expect(report.halfLife).toEqual({ members: 3, reached: 2, q1: 2.5, median: 3, q3: null });
    expect(report.cohort.map((c) => c.sinceStop)).toEqual([1, 2, 3, 4]);
    // First period without effort: retained A 0.8, B 0.75, C 0.75 → q1 0.75, median 0.75, q3 (h = 1.5) 0.775.
    expect(report.cohort[0]).toMatchObject({ period: 4, members: 3, retainedQ1: 0.75, retainedMedian: 0.75 });
    expect(report.cohort[0]!.retainedQ3).toBeCloseTo(0.775, 14);
    // With effort, in money: A 1000, B 500, C 300 → median 500. Without: 800, 300, 150 → median 300.
    expect(report.cohort[0]).toMatchObject({ withMedian: 500, withoutMedian: 300, withoutQ1: 225, withoutQ3: 550 });
    // Third: A 0.45, B 0.525, C 0 → sorted [0, 0.45, 0.525]: q1 0.225, median 0.45, q3 0.4875.
    expect(report.cohort[2]!.retainedQ1).toBeCloseTo(0.225, 14);
    expect(report.cohort[2]!.retainedMedian).toBe(0.45);
    expect(report.cohort[2]!.retainedQ3).toBeCloseTo(0.4875, 14);
    expect(report.definition).toMatch(/first falls below half her reference/);
  });

  it("net income, and what it needs", () => {
    const net = stopReport({ base, stopped, members: [1], fromPeriod: 4 }, { measure: "net", referencePeriods: 1 });
    expect(net.members[0]).toMatchObject({ reference: 1000, referencePeriods: 1, halfLife: 3 });
    const bare = fixtureResult({ members: [{ join: 0 }], periods: [{}, {}], memberPeriods: false });
    expect(() => stopReport({ base: bare, stopped: bare, members: [0], fromPeriod: 1 })).toThrow(DownlineInputError);
    expect(() => stopReport({ base, stopped, members: [1], fromPeriod: 0 })).toThrow(/fromPeriod: expected a period ≥ 1/);
  });
});
