/**
 * Rank advancement bonus: the hand-computed cases on both engines, and
 * malformed settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, createFastEngine, createReferenceEngine, DownlineInputError, networkFromRecords, type PlanInput } from "../../src/index.js";
import { rankAdvancement } from "../../src/plan/components/rank-advancement/index.js";
import { RANK_ADVANCEMENT_CASES } from "./rank-advancement.cases.js";
import { runSpecCases } from "./run.js";
import { currencyWithDigits } from "../engine/ladders.js";

runSpecCases("rankAdvancement", RANK_ADVANCEMENT_CASES, { components: [rankAdvancement] });

const RANKS = [{ name: "Silver" }, { name: "Gold", gv: "500" }];

/** The issues of the error compiling a one-component plan (throws if the plan is accepted). */
function issues(component: Record<string, unknown>, ranks: unknown[] = RANKS): { path: string; message: string }[] {
  try {
    compilePlan({ ranks, components: [{ type: "rankAdvancement", ...component }] } as unknown as PlanInput, { components: [rankAdvancement] });
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

describe("rankAdvancement settings", () => {
  /** A bonus (the malformed cases below give it bad values on purpose: hence `never`). */
  const bonus = (rank: unknown, amount: unknown) => ({ rank, amount }) as never;

  it("accepts good settings; resolves rank names to numbers", () => {
    const plan = compilePlan(
      { ranks: RANKS, components: [{ type: "rankAdvancement", bonuses: [bonus("Gold", "250.00"), bonus("Silver", 12.5)] }] },
      { components: [rankAdvancement] },
    );
    // Cents (USD) by rank number: none, Silver, Gold (and any rank above without a bonus: 0).
    expect(plan.components[0]!.settings).toEqual({ bonusByRank: [0, 12_50, 250_00, ...RANKS.slice(2).map(() => 0)], requireActive: false });
  });

  it.each([
    ["an unknown rank name", { bonuses: [bonus("Diamond", "100")] }, "components[0].bonuses[0].rank", [/"Silver", "Gold"/, /got "Diamond"/]],
    ["an unknown rank name further down", { bonuses: [bonus("Silver", "1"), bonus("gold", "2")] }, "components[0].bonuses[1].rank", [/got "gold"/]],
    ["a rank given twice", { bonuses: [bonus("Gold", "1"), bonus("Gold", "2")] }, "components[0].bonuses[1].rank", [/at most once/, /bonuses\[0\]/]],
    ["a negative amount", { bonuses: [bonus("Silver", "-5.00")] }, "components[0].bonuses[0].amount", [/an amount like "59\.90"/, /"-5\.00"/]],
    ["an amount that is not a number", { bonuses: [bonus("Silver", "$5")] }, "components[0].bonuses[0].amount", [/an amount like "59\.90"/]],
    ["an amount with more than 4 decimals", { bonuses: [bonus("Silver", "0.12345")] }, "components[0].bonuses[0].amount", [/at most 4 digits after the point/]],
    ["an amount over the limit", { bonuses: [bonus("Silver", "10000000.01")] }, "components[0].bonuses[0].amount", [/at most 10000000/]],
    ["a missing amount", { bonuses: [{ rank: "Silver" }] }, "components[0].bonuses[0].amount", [/an amount like/]],
    ["an empty rank name", { bonuses: [bonus("", "5")] }, "components[0].bonuses[0].rank", [/>=1 characters/]],
    ["empty bonuses", { bonuses: [] }, "components[0].bonuses", [/>=1 items/]],
    ["an unknown key in a bonus", { bonuses: [{ rank: "Silver", amount: "5", once: true }] }, "components[0].bonuses[0]", [/unknown key\(s\) "once"/]],
    ["qualification.active not a boolean", { bonuses: [bonus("Silver", "5")], qualification: { active: 1 } }, "components[0].qualification.active", [/boolean/]],
  ] as [string, Record<string, unknown>, string, RegExp[]][])("rejects %s", (_what, component, path, patterns) => {
    const found = issues(component);
    expect(found.map((i) => i.path)).toEqual([path]);
    for (const pattern of patterns) expect(found[0]!.message).toMatch(pattern);
  });

  it("rejects a rank name when the plan has no ranks", () => {
    const found = issues({ bonuses: [bonus("Silver", "5")] }, []);
    expect(found).toEqual([{ path: "components[0].bonuses[0].rank", message: expect.stringMatching(/none defined/) }]);
  });
});

describe("rankAdvancement amounts in the run's currency", () => {
  const engines = {
    fast: (plan: PlanInput, digits: number) => createFastEngine(plan, { currency: currencyWithDigits(digits) }),
    reference: (plan: PlanInput, digits: number) => createReferenceEngine(plan, { currency: currencyWithDigits(digits) }),
  };
  /** A plan where member 0 reaches Silver (no requirement) and Gold (GV 5, in major units). */
  const planWith = (silver: string, gold: string): PlanInput => ({
    activity: { minPv: "0" },
    ranks: [{ name: "Silver" }, { name: "Gold", gv: "5" }],
    components: [{ type: "unilevel", rates: ["0"] }, { type: "rankAdvancement", bonuses: [bonus("Silver", silver), bonus("Gold", gold)] }],
  });
  const bonus = (rank: string, amount: string) => ({ rank, amount });
  /** Member 0 alone orders 5 major units. */
  const network = (digits: number) => networkFromRecords({ uplines: [-1], orders: [{ member: 0, customer: -1, price: 5 * 10 ** digits, cv: 5 * 10 ** digits }] });

  it.each(Object.entries(engines))("%s engine: converts amounts with the currency's digits (JPY 0, USD 2, BHD 3)", (_, create) => {
    // JPY: 250 + 1000 yen = 1250 minor units; USD: 2.50 + 10.25 = 12.75 → 1275 cents; BHD: 0.125 + 1.5 = 1.625 → 1625 fils.
    expect(create(planWith("250", "1000"), 0).pay(network(0)).amounts[1]![0]).toBe(1250);
    expect(create(planWith("2.50", "10.25"), 2).pay(network(2)).amounts[1]![0]).toBe(1275);
    expect(create(planWith("0.125", "1.5"), 3).pay(network(3)).amounts[1]![0]).toBe(1625);
  });

  it.each(Object.entries(engines))("%s engine: an amount finer than the currency is a plan error at components[k].bonuses[i].amount, before any pay", (_, create) => {
    const pay = (plan: PlanInput, digits: number) => () => create(plan, digits).pay(network(digits));
    for (const [plan, digits, path, got] of [
      [planWith("250", "12.50"), 0, "components[1].bonuses[1].amount", /got 12\.5\b/],
      [planWith("0.125", "1"), 2, "components[1].bonuses[0].amount", /got 0\.125\b/],
    ] as const) {
      let thrown: unknown;
      try {
        pay(plan, digits)();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DownlineInputError);
      const issues = (thrown as DownlineInputError).issues;
      expect(issues.map((i) => i.path)).toEqual([path]);
      expect(issues[0]!.message).toMatch(new RegExp(`at most ${digits} decimals for ${currencyWithDigits(digits)}`));
      expect(issues[0]!.message).toMatch(got);
    }
  });
});
