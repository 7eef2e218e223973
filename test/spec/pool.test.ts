/**
 * The leadership pool: hand-computed cases on both engines, and its plan
 * validation (field-path errors before any work).
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { pool } from "../../src/plan/components/pool/index.js";
import { POOL_CASES } from "./pool.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("pool", POOL_CASES, { components: [pool] });

function planError(input: unknown): DownlineInputError {
  try {
    compilePlan(input as PlanInput, { components: [pool] });
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

const withPool = (p: Record<string, unknown>) => ({
  ranks: [
    { name: "Silver", pv: "100" },
    { name: "Gold", pv: "200" },
  ],
  components: [{ type: "pool", rate: "0.01", shares: [{ rank: "Gold", shares: 2 }], ...p }],
});

describe("pool: plan validation", () => {
  it("the base plan is accepted; ranks become numbers", () => {
    const plan = compilePlan(withPool({}) as PlanInput, { components: [pool] });
    expect(plan.components[0]!.settings).toMatchObject({ sharesByRank: [0, 0, 2], requireActive: true, rounding: "halfEven" });
    expect(plan.components[0]!.writes).toBe("minor");
  });

  it("an unknown rank: path components[0].shares[k].rank, lists the ranks", () => {
    const e = planError(withPool({ shares: [{ rank: "Gold", shares: 2 }, { rank: "Diamond", shares: 3 }] }));
    expectSingleIssue(e, "components[0].shares[1].rank", /"Silver", "Gold"/, /got "Diamond"/);
  });

  it("shares 0, fractional, or over the maximum: path components[0].shares[0].shares", () => {
    expectSingleIssue(planError(withPool({ shares: [{ rank: "Gold", shares: 0 }] })), "components[0].shares[0].shares", />=1/);
    expectSingleIssue(planError(withPool({ shares: [{ rank: "Gold", shares: 1.5 }] })), "components[0].shares[0].shares", /int/);
    // Shares are unbounded below 2^53 (the split is exact past it); 2^53 itself is refused at the field.
    const tooMany = planError(withPool({ shares: [{ rank: "Gold", shares: 2 ** 53 }] }));
    expect(new Set(tooMany.issues.map((i) => i.path))).toEqual(new Set(["components[0].shares[0].shares"]));
  });

  it("no shares at all: path components[0].shares", () => {
    expectSingleIssue(planError(withPool({ shares: [] })), "components[0].shares", />=1 items/);
  });

  it("a rank listed twice: path components[0].shares[1].rank", () => {
    const e = planError(withPool({ shares: [{ rank: "Gold", shares: 2 }, { rank: "Gold", shares: 3 }] }));
    expectSingleIssue(e, "components[0].shares[1].rank", /once/, /shares\[0\]/);
  });

  it("a bad rate, an unknown key: field paths", () => {
    expectSingleIssue(planError(withPool({ rate: "1.01" })), "components[0].rate", /at most 1\b/);
    expectSingleIssue(planError(withPool({ rate: -1 })), "components[0].rate", /-1/);
    expectSingleIssue(planError(withPool({ shares: [{ rank: "Gold", shares: 1, weight: 2 }] })), "components[0].shares[0]", /unknown key/);
    expectSingleIssue(planError(withPool({ cap: "100" })), "components[0]", /unknown key\(s\) "cap"/);
  });
});

describe("pool: rounding mode of P", () => {
  const plan = (rounding: "halfEven" | "halfUp") =>
    compilePlan({ rounding, ranks: [{ name: "Gold" }], components: [{ type: "pool", rate: "0.01", shares: [{ rank: "Gold", shares: 1 }] }] });
  it.each(["halfEven", "halfUp"] as const)("P is rounded by the plan's mode (%s)", (mode) => {
    expect(plan(mode).components[0]!.settings).toMatchObject({ rounding: mode });
  });
});

describe("shares by rank", () => {
  const sharesOf = (shares: { rank: string; shares: number }[]) =>
    (compilePlan({ ranks: ["R1", "R2", "R3", "R4", "R5"].map((name) => ({ name })), components: [{ type: "pool", rate: "0.01", shares }] }).components[0]!.settings as { sharesByRank: number[] }).sharesByRank;
  it("an unlisted rank takes the shares of the highest listed rank below it; below every listed rank, none", () => {
    expect(sharesOf([{ rank: "R4", shares: 3 }, { rank: "R2", shares: 1 }])).toEqual([0, 0, 1, 1, 3, 3]);
  });
  it("a listed rank keeps its own shares even if a lower rank has more", () => {
    expect(sharesOf([{ rank: "R1", shares: 5 }, { rank: "R3", shares: 2 }])).toEqual([0, 5, 5, 2, 2, 2]);
  });
});
