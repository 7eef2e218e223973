/**
 * "What if she stops": the same seeded world twice, with and without some
 * members' effort from a period on (src/run/stop-effort.ts).
 */
import { describe, expect, it } from "vitest";
import { DownlineInputError, simulate, stopEffort, type PlanInput, type ScenarioInput } from "../../src/index.js";

const SMALL: ScenarioInput = { months: 14, start: { founders: 1, network: { distributors: 600, customersPerDistributor: 2 } }, market: { prospects: 200_000 } };

/** Everyone below `m` in a run's sponsor tree (sponsors have lower indices: one forward pass). */
function downline(sponsor: Int32Array, m: number): Set<number> {
  const below = new Set<number>([m]);
  for (let i = m + 1; i < sponsor.length; i++) if (below.has(sponsor[i]!)) below.add(i);
  below.delete(m);
  return below;
}

function inputError(step: () => unknown): DownlineInputError {
  try {
    step();
  } catch (e) {
    if (e instanceof DownlineInputError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("stopEffort: the same world with and without her effort", () => {
  const FROM = 5;
  const base = simulate({ scenario: SMALL, seed: 21 });
  // A builder of the start network who recruits after the stop in the base run: her effort visibly matters.
  const cols = base.memberColumns;
  const m = Array.from({ length: cols.size }, (_, i) => i).find(
    (i) => cols.company[i] === 0 && cols.joinPeriod[i]! < 0 && Array.from(cols.sponsor).some((s, j) => s === i && cols.joinPeriod[j]! >= FROM),
  )!;
  const run = stopEffort({ scenario: SMALL, seed: 21 }, { members: [m], fromPeriod: FROM });

  it("the base run is the plain run, byte for byte", () => {
    expect(run.base.periods).toEqual(base.periods);
    expect(run.base.memberColumns).toEqual(base.memberColumns);
  });

  it("from her stop on she recruits nobody and gains no customer; before it, everything is the same", () => {
    const recruitsBefore = Array.from(cols.sponsor).filter((s, j) => s === m && cols.joinPeriod[j]! < FROM).length;
    expect(recruitsBefore).toBeLessThan(cols.recruits[m]!); // the base run has recruits after the stop
    expect(run.stopped.memberColumns.recruits[m]).toBe(recruitsBefore);
    for (let t = 0; t < FROM; t++) expect(run.stopped.periods[t]).toEqual(run.base.periods[t]);
    // She keeps her account and, by default, her own monthly order.
    expect(run.stopped.memberColumns.alive[m]).toBe(1);
    expect(run.stopped.memberColumns.hours[m]).toBeLessThan(run.base.memberColumns.hours[m]!);
  });

  it("every member outside her downline and customer base sees identical events: joins, quits, orders, recruits", () => {
    const twin = run.stopped.memberColumns;
    // Members who joined before the stop are the same people (indices) in both runs.
    const known = Array.from({ length: cols.size }, (_, i) => i).filter((i) => cols.joinPeriod[i]! < FROM);
    const hers = downline(cols.sponsor, m);
    let compared = 0;
    for (const i of known) {
      if (i === m || hers.has(i)) continue;
      compared += 1;
      expect([i, twin.joinPeriod[i], twin.quitPeriod[i], twin.alive[i], twin.purchases[i], twin.recruits[i]]).toEqual([
        i,
        cols.joinPeriod[i],
        cols.quitPeriod[i],
        cols.alive[i],
        cols.purchases[i],
        cols.recruits[i],
      ]);
    }
    expect(compared).toBeGreaterThan(400);
  });

  it("refuses, with field paths: a founder, a member who joined after the stop, bad shapes", () => {
    expect(inputError(() => stopEffort({ scenario: SMALL }, { members: [0], fromPeriod: 3 })).issues[0]!.message).toMatch(/company account/);
    const late = Array.from({ length: cols.size }, (_, i) => i).find((i) => cols.joinPeriod[i]! >= 3)!;
    expect(inputError(() => stopEffort({ scenario: SMALL, seed: 21 }, { members: [late], fromPeriod: 3 })).issues).toEqual([
      { path: "stop.members[0]", message: `expected a member who joined before period 3 (the same person in both runs), got member ${late}, who joined in period ${cols.joinPeriod[late]}` },
    ]);
    expect(inputError(() => stopEffort({ scenario: SMALL }, { members: [1.5], fromPeriod: -1 })).issues.map((i) => i.path)).toEqual(["stop.members[0]", "stop.fromPeriod"]);
    expect(inputError(() => stopEffort({ scenario: SMALL }, { members: [], fromPeriod: 1 })).issues.map((i) => i.path)).toEqual(["stop.members"]);
  });
});

describe("her residual income after she stops decays as her customers churn", () => {
  it("with churn p a month and no new customers, it halves in about ln 2 / −ln(1 − p) months (p = 0.1: 6.58)", () => {
    // Customers churn at a constant 10% a month; orphaned customers churn (none move in to her); the plan
    // pays only a customer commission, so her income is her surviving customers' orders.
    const scenario: ScenarioInput = {
      months: 24,
      start: { founders: 1, network: { distributors: 1500, customersPerDistributor: 4 } },
      market: { prospects: 2_000_000 },
      customers: { churn: [{ fromMonth: 0, monthly: 0.1 }], orphans: "churn", orderValue: { kind: "fixed", value: "50.00" } },
    };
    const plan: PlanInput = { activity: { minPv: "0" }, components: [{ type: "customerCommission", rate: "0.20" }] };
    // The cohort: 400 members of the start network stop at period 0 (founder 0 is the company's).
    const members = Array.from({ length: 400 }, (_, k) => k + 1);
    const { stopped } = stopEffort({ scenario, plan, seed: 5, collectors: { cohort: cohortIncome(members) } }, { members, fromPeriod: 0 });
    const income = stopped.collected.cohort;
    // A log-linear fit of the cohort's income over the months after the stop: its slope is ln(1 − p).
    const months = income.map((_, t) => t).slice(1, 19);
    const logs = months.map((t) => Math.log(income[t]!));
    const mt = months.reduce((s, t) => s + t, 0) / months.length;
    const ml = logs.reduce((s, l) => s + l, 0) / logs.length;
    const slope = months.reduce((s, t, k) => s + (t - mt) * (logs[k]! - ml), 0) / months.reduce((s, t) => s + (t - mt) ** 2, 0);
    const halfLife = Math.log(2) / -slope;
    const expected = Math.log(2) / -Math.log(1 - 0.1); // 6.58 months
    expect(Math.abs(halfLife / expected - 1)).toBeLessThan(0.1);
    // And the first month it is below half of what it was at the stop: 0.9^6 = 0.53, 0.9^7 = 0.48.
    const firstBelowHalf = income.findIndex((x) => x < income[0]! / 2);
    expect(firstBelowHalf).toBeGreaterThanOrEqual(6);
    expect(firstBelowHalf).toBeLessThanOrEqual(8);
  });
});

/** A collector of what a cohort of members was paid each period. */
function cohortIncome(members: readonly number[]) {
  return () => {
    const income: number[] = [];
    return {
      period({ payout }: { payout: { amounts: readonly Float64Array[] } }) {
        income.push(members.reduce((s, i) => s + payout.amounts.reduce((t, row) => t + row[i]!, 0), 0));
      },
      result: () => income,
    };
  };
}

describe("the what-if-I-stop report on a real counterfactual", () => {
  it("stopReport reads both runs: her income with and without effort, month by month, and its half-life", async () => {
    const { stopReport } = await import("../../src/index.js");
    const scenario: ScenarioInput = {
      months: 20,
      start: { founders: 1, network: { distributors: 800, customersPerDistributor: 4 } },
      market: { prospects: 1_000_000 },
      customers: { churn: [{ fromMonth: 0, monthly: 0.1 }], orphans: "churn" },
    };
    const plan: PlanInput = { activity: { minPv: "0" }, components: [{ type: "customerCommission", rate: "0.20" }] };
    const members = Array.from({ length: 100 }, (_, k) => k + 1);
    const cf = stopEffort({ scenario, plan, seed: 8, memberPeriods: true }, { members, fromPeriod: 4 });
    const report = stopReport(cf);
    expect(report.fromPeriod).toBe(4);
    expect(report.members).toHaveLength(100);
    // Before the stop both runs are one: with and without effort are equal, member by member.
    for (const row of report.periods.filter((r) => r.period < 4)) expect(row.withoutEffort).toBe(row.withEffort);
    // After it, without her effort she gains no customer: her income falls to about half in ln 2 / −ln 0.9 ≈ 6.6 months.
    expect(report.halfLife.median).not.toBeNull();
    expect(report.halfLife.median!).toBeGreaterThanOrEqual(4);
    expect(report.halfLife.median!).toBeLessThanOrEqual(10);
  });
});
