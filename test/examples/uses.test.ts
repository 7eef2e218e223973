/**
 * The examples for each use, run on small worlds: one plan, a disclosure,
 * what if I stop, a sweep, plans from JSON files. (Comparing plans and a
 * custom component have test files of their own.)
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as simulateOnePlan } from "../../examples/simulate-one-plan.js";
import { main as disclosure } from "../../examples/disclosure.js";
import { main as whatIfIStop } from "../../examples/what-if-i-stop.js";
import { main as sweep } from "../../examples/sweep.js";
import { EXAMPLE_PLANS, loadPlan, main as planFromJson } from "../../examples/plan-from-json.js";
import { simulate, stopEffort, PRESETS } from "../../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "downline-plans-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `f` with console.log and console.table silenced; returns what it returned and what was logged. */
function quietly<T>(f: () => T): { value: T; logged: string } {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const table = vi.spyOn(console, "table").mockImplementation(() => {});
  try {
    const value = f();
    return { value, logged: log.mock.calls.map((c) => c.join(" ")).join("\n") };
  } finally {
    log.mockRestore();
    table.mockRestore();
  }
}

describe("examples for each use", () => {
  it("simulate-one-plan: one plan's run, its payout by component adding up, and what it prints", () => {
    const { value, logged } = quietly(() => simulateOnePlan({ months: 4, distributors: 150 }));
    const { result, summary } = value;
    expect(summary.months).toBe(4);
    expect(summary.plan).toBe("Wellness unilevel");
    expect(Object.values(summary.byComponent).reduce((s, x) => s + x, 0)).toBe(summary.payout);
    expect(summary.paidNothingShare).toBeGreaterThan(0);
    expect(summary.paidNothingShare).toBeLessThan(1);
    expect(result.members.length).toBeGreaterThan(150);
    expect(logged).toMatch(/^Wellness unilevel, 4 months: revenue [\d.]+, payout [\d.]+ \(\d+\.\d% of revenue\)$/m);
    expect(logged).toMatch(/The ledger's first lines/);
  });

  it("disclosure: the statement over the last 12 months, with its assumptions, and the end-customer tests", () => {
    const { value } = quietly(() => disclosure({ months: 13, distributors: 150, print: false }));
    expect(value.disclosure.window.label).toMatch(/last 12 months/);
    expect(value.disclosure.rows[0]!.label).toBe("All participants");
    expect(value.metrics.tests.map((t) => t.test)).toEqual(["endCustomers80", "endUse80", "endCustomerMajority", "participant50"]);
    expect(value.metrics.tests.every((t) => t.passes !== null)).toBe(true);
    expect(value.markdown).toContain("| Percentile band | Participants |");
    expect(value.markdown).toContain("Assumptions:");
    expect(value.markdown).toContain("| endCustomers80:");
  });

  it("what-if-i-stop: the stopping members are the best-paid before the stop, and the report follows the best-paid of them", () => {
    const { value, logged } = quietly(() => whatIfIStop({ months: 10, distributors: 200, fromPeriod: 5, members: 4, followed: 3 }));
    const { members, followed, report } = value;
    expect(members).toHaveLength(4);
    expect(followed).toEqual(members.slice(0, 3));
    // Each keeps her account from the stop on in both runs (the default), whether or not she would quit as is.
    const { base, stopped } = stopEffort({ scenario: { name: "a wellness business", months: 10, start: { founders: 1, network: { distributors: 200, customersPerDistributor: 1.5 } }, market: { prospects: 10_000 } }, plan: PRESETS["wellness-unilevel"], seed: 7, ledger: false }, { members, fromPeriod: 5 });
    for (const m of members) expect([m, base.members[m]!.status, stopped.members[m]!.status]).toEqual([m, "current", "current"]);
    expect(report.members.map((m) => m.member).sort((a, b) => a - b)).toEqual([...followed].sort((a, b) => a - b));
    expect(report.fromPeriod).toBe(5);
    // Five periods after the stop, for each member followed.
    expect(report.periods.filter((p) => p.sinceStop >= 1)).toHaveLength(5 * followed.length);
    // Who stops: the 4 best-paid current members of the months before the stop (run alone: the same seeded months).
    const before = simulate({ scenario: { name: "a wellness business", months: 5, start: { founders: 1, network: { distributors: 200, customersPerDistributor: 1.5 } }, market: { prospects: 10_000 } }, plan: PRESETS["wellness-unilevel"], seed: 7, ledger: false });
    const current = before.members.filter((m) => !m.company && m.status === "current").map((m) => m.gross).sort((a, b) => b - a);
    expect(members.map((m) => before.members[m]!.gross)).toEqual(current.slice(0, 4));
    // Before the stop the two runs are one: with and without effort agree.
    const beforeRows = report.periods.filter((row) => row.sinceStop < 1);
    expect(beforeRows.length).toBeGreaterThan(0);
    for (const p of beforeRows) expect(p.withoutEffort).toBe(p.withEffort);
    expect(logged).toMatch(/^Half-life across the \d+: median /m);
  });

  it("sweep: three market sizes × two plans × seeds, each metric with its interval", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { sweep: s, table } = await sweep({ months: 13, distributors: 100, seeds: 2 });
    log.mockRestore();
    expect(s.points.map((p) => p.parameters["market.prospects"])).toEqual([500, 2500, 12_500]);
    expect(s.seeds).toEqual([1, 2]);
    // 3 points × 2 plans rows, plus the header and its rule.
    expect(table.split("\n")).toHaveLength(2 + 6);
    expect(table).toMatch(/^\| 2500 \| Default unilevel \| \d+\.\d% \(/m);
  });

  it("plan-from-json: every example plan file compiles and runs; a bad file gives one line per bad field", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ components: [{ type: "unilevel", rates: ["0.1"], compresion: "none" }, { type: "megaBonus" }] }));
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ components: [");
    expect(loadPlan(bad)).toEqual({
      file: bad,
      problems: ['components[0]: unknown key(s) "compresion"', expect.stringMatching(/^components\[1\]\.type: expected a component type \(.*\), got "megaBonus"$/)],
    });
    expect(loadPlan(notJson)).toMatchObject({ problems: [expect.stringMatching(/^not JSON: /)] });
    const { value, logged } = quietly(() => planFromJson({ months: 3, distributors: 120 }));
    expect(value.rows.map((r) => r.file).sort()).toEqual(["amway-bracket.json", "binary-2-1.json", "lines-differential.json", "two-packages.json"]);
    expect(value.problems).toEqual([]);
    // Each plan paid something on its world (the packages plan on a world selling its packages, the binary on its tree).
    for (const row of value.rows) expect(Number(row.payout)).toBeGreaterThan(0);
    expect(logged).toMatch(/^two-packages\.json: "Two enrolment packages/m);
    expect(EXAMPLE_PLANS).toMatch(/examples[\\/]plans$/);
  });
});
