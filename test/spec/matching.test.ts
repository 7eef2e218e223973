/**
 * The matching bonus: hand-computed cases on both engines, and its plan
 * validation (field-path errors before any work).
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { matching } from "../../src/plan/components/matching/index.js";
import { pool } from "../../src/plan/components/pool/index.js";
import { MATCHING_CASES, MATCHING_POOL_CASES } from "./matching.cases.js";
import { MATCHING_TABLE_CASES } from "./matching-tables.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("matching", MATCHING_CASES, { components: [matching] });
runSpecCases("matching a pool", MATCHING_POOL_CASES, { components: [matching, pool] });
runSpecCases("matching by rate tables, cascading, exact", MATCHING_TABLE_CASES);

/** Compiles a plan with the matching type; returns the DownlineInputError it must throw. */
function planError(input: unknown): DownlineInputError {
  try {
    compilePlan(input as PlanInput, { components: [matching] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e;
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

function expectSingleIssue(error: DownlineInputError, path: string, ...patterns: RegExp[]): void {
  expect(error.source).toBe("plan");
  expect(error.issues.map((i) => i.path)).toEqual([path]);
  for (const pattern of patterns) expect(error.issues[0]!.message).toMatch(pattern);
}

const retail = { type: "customerCommission", name: "retail", rate: "0.2" };
const withMatching = (m: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ranks: [{ name: "Silver", pv: "100" }],
  components: [retail, { type: "matching", components: ["retail"], rates: ["0.1"], ...m }],
  ...extra,
});

describe("matching: plan validation", () => {
  it("the base plan is accepted, defaults filled in", () => {
    const plan = compilePlan(withMatching({ qualification: { minRank: "Silver" } }) as PlanInput, { components: [matching] });
    expect(plan.components[1]!.settings).toMatchObject({ components: ["retail"], requireActive: true, minRank: 1 });
  });

  it("a component that does not exist: path components[1].components[0], names the earlier ones", () => {
    expectSingleIssue(planError(withMatching({ components: ["unilevel"] })), "components[1].components[0]", /before this one/, /"retail"/, /got "unilevel"/);
  });

  it("a component that comes after it: path components[1].components[0]", () => {
    const input = {
      components: [retail, { type: "matching", components: ["team"], rates: ["0.1"] }, { type: "unilevel", name: "team", rates: ["0.05"] }],
    };
    expectSingleIssue(planError(input), "components[1].components[0]", /before this one/, /got "team"/);
  });

  it("matching itself: path components[1].components[1]", () => {
    expectSingleIssue(planError(withMatching({ name: "match", components: ["retail", "match"] })), "components[1].components[1]", /got "match"/);
  });

  it("as the first component there is nothing to match", () => {
    const e = planError({ components: [{ type: "matching", components: ["retail"], rates: ["0.1"] }, retail] });
    expectSingleIssue(e, "components[0].components[0]", /none does/);
  });

  it("empty rates: path components[1].rates", () => {
    expectSingleIssue(planError(withMatching({ rates: [] })), "components[1].rates", />=1 items/);
  });

  it("empty components: path components[1].components", () => {
    expectSingleIssue(planError(withMatching({ components: [] })), "components[1].components", />=1 items/);
  });

  it("a component listed twice: path components[1].components[1]", () => {
    expectSingleIssue(planError(withMatching({ components: ["retail", "retail"] })), "components[1].components[1]", /distinct/, /components\[0\]/);
  });

  it("a rate over 1 or negative: path components[1].rates[k]", () => {
    expectSingleIssue(planError(withMatching({ rates: ["0.1", "1.5"] })), "components[1].rates[1]", /at most 1\b/);
    expectSingleIssue(planError(withMatching({ rates: ["-0.1"] })), "components[1].rates[0]", /-0\.1/);
  });

  it("an unknown qualification.minRank: path components[1].qualification.minRank, lists the ranks", () => {
    expectSingleIssue(planError(withMatching({ qualification: { minRank: "Gold" } })), "components[1].qualification.minRank", /"Silver"/, /got "Gold"/);
    expectSingleIssue(planError(withMatching({ qualification: { minRank: "Gold" } }, { ranks: [] })), "components[1].qualification.minRank", /none defined/);
  });

  it("an unknown key and a wrong type: field paths", () => {
    expectSingleIssue(planError(withMatching({ generations: 3 })), "components[1]", /unknown key\(s\) "generations"/);
    expectSingleIssue(planError(withMatching({ qualification: { active: "yes" } })), "components[1].qualification.active", /boolean/);
  });

  it("rate tables, cascading, exact inputs and comparisons: field paths", () => {
    expectSingleIssue(planError(withMatching({ rates: [{ byRank: [{ rank: "Gold", rate: "0.1" }] }] })), "components[1].rates[0].byRank[0].rank", /got "Gold"/);
    expectSingleIssue(planError(withMatching({ rates: [{ byRank: [{ rank: "Silver", rate: "1.2" }] }] })), "components[1].rates[0].byRank[0].rate", /at most 1/);
    expectSingleIssue(planError(withMatching({ on: "rounded" })), "components[1].on", /"paid"|"exact"/);
    expectSingleIssue(planError(withMatching({ cascade: "yes" })), "components[1].cascade", /boolean/);
    expectSingleIssue(planError(withMatching({ qualification: { compare: [{ value: "retail.rate", earner: "atMost" }] } })), "components[1].qualification.compare[0].value", /got "retail.rate"/);
    expectSingleIssue(planError(withMatching({ qualification: { compare: [{ value: "rank", earner: "under" }] } })), "components[1].qualification.compare[0].earner", /"atMost"/);
    expectSingleIssue(planError(withMatching({ qualification: { compare: [{ value: "rank" }] } })), "components[1].qualification.compare[0].earner", /expected one of|Invalid/);
  });

  it("a comparison with a value published by a later component names why", () => {
    const input = {
      ranks: [{ name: "Silver" }],
      components: [retail, { type: "matching", components: ["retail"], rates: ["0.1"], qualification: { compare: [{ value: "late.rate", earner: "atMost" }] } }, { type: "differential", name: "late", rate: "0.1" }],
    };
    expectSingleIssue(planError(input), "components[1].qualification.compare[0].value", /published by this component or a later one/);
  });
});
