/**
 * "What if she stops": the same seeded world twice, with and without some
 * members' effort from a period on (src/run/stop-effort.ts).
 */
import { describe, expect, it } from "vitest";
import { DownlineInputError, ROLES, simulate, stopEffort, type PlanInput, type ScenarioInput } from "../../src/index.js";
import { drawnMembers } from "../world/start-order.js";

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

  it("she would quit in period 6 (a plain run): by default she keeps her account in both runs, and the base run is the plain run until then", () => {
    // Member 4, a builder of the start network, quits in period 6 of the plain run, after the stop (5).
    expect([m, cols.alive[m], cols.quitPeriod[m]]).toEqual([4, 0, 6]);
    expect([run.base.memberColumns.alive[m], run.stopped.memberColumns.alive[m]]).toEqual([1, 1]);
    // The runs before her quit are the plain run's periods; from period 6 the base run has one quit fewer.
    for (let t = 0; t < 6; t++) expect(run.base.periods[t]).toEqual(base.periods[t]);
    expect(run.base.periods[6]!.quits).toBe(base.periods[6]!.quits - 1);
  });

  it('with attrition: "hazard" the base run is the plain run, byte for byte, and she quits in period 6 in both runs', () => {
    const hazard = stopEffort({ scenario: SMALL, seed: 21 }, { members: [m], fromPeriod: FROM, attrition: "hazard" });
    expect(hazard.base.periods).toEqual(base.periods);
    expect(hazard.base.memberColumns).toEqual(base.memberColumns);
    expect([hazard.stopped.memberColumns.alive[m], hazard.stopped.memberColumns.quitPeriod[m]]).toEqual([0, 6]);
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

describe("by default the two runs differ only in her effort: a member who would quit keeps her account in both", () => {
  // Customers order 50.00 each month (CV 40.00: cvRatio 0.8) and churn 10% a month, a quitter's customers are
  // lost (no orphans move up to her); the plan pays only a 20% customer commission: her income each month is
  // 8.00 per order of her customers, 0.2 × her customers' CV. No income feedback: only her effort differs.
  const scenario: ScenarioInput = {
    months: 12,
    start: { founders: 1, network: { distributors: 300, customersPerDistributor: 3 } },
    market: { prospects: 100_000 },
    customers: { churn: [{ fromMonth: 0, monthly: 0.1 }], orphans: "churn", orderValue: { kind: "fixed", value: "50.00" } },
  };
  const plan: PlanInput = { activity: { minPv: "0" }, components: [{ type: "customerCommission", rate: "0.20" }] };
  const FROM = 3;
  // The 38th member drawn of the start network (members are numbered depth-first; she is the same person whatever her index).
  const she = drawnMembers(scenario, 3, [38])[0]!;
  /** Her income and her customers' CV, period by period. */
  const hers = () => () => {
    const income: number[] = [];
    const customerCv: number[] = [];
    return {
      period({ payout, network }: { payout: { amounts: readonly Float64Array[] }; network: { customerCv: Float64Array } }) {
        income.push(payout.amounts.reduce((t, row) => t + row[she]!, 0));
        customerCv.push(network.customerCv[she] ?? 0);
      },
      result: () => ({ income, customerCv }),
    };
  };
  const orders = (r: { income: number[] }) => r.income.map((x) => x / 800);

  it("the 38th member drawn quits in period 8 of the plain run; in both runs of the counterfactual she is still in at the end, and earns less without effort", () => {
    const plain = simulate({ scenario, plan, seed: 3, collectors: { hers: hers() } });
    expect([plain.memberColumns.alive[she], plain.memberColumns.quitPeriod[she], ROLES[plain.memberColumns.role[she]!], plain.memberColumns.joinPeriod[she]! < 0]).toEqual([0, 8, "builder", true]);
    const cf = stopEffort({ scenario, plan, seed: 3, collectors: { hers: hers() } }, { members: [she], fromPeriod: FROM });
    expect([cf.base.memberColumns.alive[she], cf.stopped.memberColumns.alive[she]]).toEqual([1, 1]);

    const base = cf.base.collected.hers;
    const stopped = cf.stopped.collected.hers;
    // Hand-checkable: each run pays her 20% of her customers' CV every month (4,000 minor units of CV an order, 800 paid).
    for (const run of [base, stopped, plain.collected.hers]) {
      run.income.forEach((x, t) => expect(x, `period ${t}`).toBe(0.2 * run.customerCv[t]!));
      run.customerCv.forEach((cv) => expect(cv % 4000).toBe(0));
    }
    // Her customers' orders month by month. The plain run: none from her quit (period 8) on. The base run: the
    // plain run's until then, and she keeps acquiring. The stopped run: from period 3 she acquires no one, and the
    // customers she had churn as in the base run (keyed draws), so she has a subset of the base run's customers.
    expect(orders(plain.collected.hers)).toEqual([8, 6, 6, 7, 6, 6, 6, 6, 0, 0, 0, 0]);
    expect(orders(base)).toEqual([8, 6, 6, 7, 6, 6, 6, 6, 6, 6, 6, 6]);
    expect(orders(stopped)).toEqual([8, 6, 6, 6, 5, 5, 5, 5, 5, 5, 4, 3]);
    // (Against the plain run, as the base run was before it kept her account, she would earn more without effort
    // from period 8 on: 5, 5, 4, 3 orders against none.)
    base.income.forEach((x, t) => expect(stopped.income[t], `period ${t}`).toBeLessThanOrEqual(x));
    // With effort 75 orders over the run, without it 63: her effort from period 3 on earned 12 × 8.00.
    expect(cf.base.members[she]!.gross - cf.stopped.members[she]!.gross).toBe(12 * 800);
  });

  it('with attrition: "hazard" she quits in period 8 in both runs: the base run is the plain run', () => {
    const cf = stopEffort({ scenario, plan, seed: 3, collectors: { hers: hers() } }, { members: [she], fromPeriod: FROM, attrition: "hazard" });
    expect([cf.base.memberColumns.quitPeriod[she], cf.stopped.memberColumns.quitPeriod[she], cf.base.memberColumns.alive[she], cf.stopped.memberColumns.alive[she]]).toEqual([8, 8, 0, 0]);
    expect(orders(cf.base.collected.hers)).toEqual([8, 6, 6, 7, 6, 6, 6, 6, 0, 0, 0, 0]);
    expect(orders(cf.stopped.collected.hers)).toEqual([8, 6, 6, 6, 5, 5, 5, 5, 0, 0, 0, 0]);
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

  it("by default no one keeps more than 100%: the 42 of the cohort who quit after the stop in a plain run keep their accounts in both runs", async () => {
    const { stopReport } = await import("../../src/index.js");
    const scenario: ScenarioInput = {
      months: 20,
      start: { founders: 1, network: { distributors: 800, customersPerDistributor: 4 } },
      market: { prospects: 1_000_000 },
      customers: { churn: [{ fromMonth: 0, monthly: 0.1 }], orphans: "churn" },
    };
    const plan: PlanInput = { activity: { minPv: "0" }, components: [{ type: "customerCommission", rate: "0.20" }] };
    // The 1st to 100th members drawn of the start network (founder 0 is the company's).
    const members = drawnMembers(scenario, 8, Array.from({ length: 100 }, (_, k) => k + 1));
    const plain = simulate({ scenario, plan, seed: 8 }).memberColumns;
    const quitters = members.filter((m) => plain.alive[m] === 0 && plain.quitPeriod[m]! >= 4);
    expect(quitters).toHaveLength(42);
    const cf = stopEffort({ scenario, plan, seed: 8, memberPeriods: true }, { members, fromPeriod: 4 });
    for (const m of quitters) expect([m, cf.base.memberColumns.alive[m], cf.stopped.memberColumns.alive[m]]).toEqual([m, 1, 1]);
    // Her customers without effort are a subset of those with it (no orphans move up; churn is keyed): kept ≤ 100%.
    // The 26 members paid anything after the stop with effort have a kept share (the others: 0 ÷ 0); the largest is 100%,
    // a member who acquired no one after the stop even with effort. (Against the plain run as the base, 9 of the
    // 26 kept more than 100%, up to 1,155%: what they earned on after their quit there.)
    const kept = stopReport(cf).members.map((r) => r.keptShare).filter((k) => !Number.isNaN(k));
    expect(kept).toHaveLength(26);
    expect(Math.max(...kept)).toBe(1);
  });
});
