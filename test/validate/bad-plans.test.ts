/** Malformed rank ladders, caps and rank-dependent settings: each a field-path error, none a crash. */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, resolveScenario, type PlanInput } from "../../src/index.js";
import { currencyWithDigits } from "../engine/ladders.js";

const uni = { type: "unilevel", rates: ["0.05"] };

function issues(plan: unknown, digits?: number) {
  try {
    compilePlan(plan as PlanInput, digits === undefined ? {} : { currency: currencyWithDigits(digits) });
  } catch (e) {
    expect(e).toBeInstanceOf(DownlineInputError);
    return (e as DownlineInputError).issues;
  }
  throw new Error("accepted");
}

describe("malformed rank ladders", () => {
  it.each([
    ["ranks out of order (less GV above)", { ranks: [{ name: "A", gv: "500" }, { name: "B", gv: "400" }] }, "ranks[1]", /ascending order/],
    ["a rank requiring legs of its own rank (a cycle)", { ranks: [{ name: "A", legs: [{ count: 2, rank: "A" }] }] }, "ranks[0].legs[0].rank", /cycle/],
    ["a rank requiring legs of a higher rank", { ranks: [{ name: "A", legs: [{ count: 1, rank: "B" }] }, { name: "B" }] }, "ranks[0].legs[0].rank", /below "A"/],
    ["an unknown rank in legs", { ranks: [{ name: "A" }, { name: "B", legs: [{ count: 1, rank: "Z" }] }] }, "ranks[1].legs[0].rank", /got "Z"/],
    ["duplicate rank names", { ranks: [{ name: "A" }, { name: "A" }] }, "ranks[1].name", /unique rank name/],
    ["a leg requirement with both minGv and rank", { ranks: [{ name: "A" }, { name: "B", legs: [{ count: 1, minGv: "5", rank: "A" }] }] }, "ranks[1].legs[0]", /exactly one of minGv or rank/],
    ["a leg requirement with neither", { ranks: [{ name: "A", legs: [{ count: 1 }] }] }, "ranks[0].legs[0]", /exactly one of minGv or rank/],
    ["a leg count of 0", { ranks: [{ name: "A", legs: [{ count: 0, minGv: "1" }] }] }, "ranks[0].legs[0].count", />=1/],
    ["max leg share above 1", { ranks: [{ name: "A", gv: "100", maxLegShare: "1.5" }] }, "ranks[0].maxLegShare", /at most 1/],
    ["a negative GV requirement", { ranks: [{ name: "A", gv: -100 }] }, "ranks[0].gv", /volume like "4000", got -100/],
    ["an empty rank name", { ranks: [{ name: "" }] }, "ranks[0].name", />=1 characters/],
    ["an unknown key in a rank", { ranks: [{ name: "A", bonus: 5 }] }, "ranks[0]", /unknown key\(s\) "bonus"/],
  ])("%s", (_what, extra, path, message) => {
    const found = issues({ ...extra, components: [uni] });
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)!.message).toMatch(message);
  });

  it("a rank volume with more decimals than the currency is refused when the plan is compiled for it", () => {
    const found = issues({ ranks: [{ name: "A", gv: "100.5" }], components: [uni] }, 0);
    expect(found).toEqual([{ path: "ranks[0].gv", message: "expected at most 0 decimals for JPY, got 100.5" }]);
  });
});

describe("malformed caps", () => {
  it.each([
    ["a payout share above 1", { payout: { share: "1.2" } }, "caps.payout.share", /at most 1/],
    ["a negative per-member amount", { perMember: { amount: "-5" } }, "caps.perMember.amount", /amount like "59.90", got "-5"/],
    ["a capped component that does not exist", { payout: { share: "0.4", components: ["bonus"] } }, "caps.payout.components[0]", /plan's components \("unilevel"\), got "bonus"/],
    ["an empty component list", { payout: { share: "0.4", components: [] } }, "caps.payout.components", />=1 items/],
    ["an unknown cap", { weekly: { amount: "5" } }, "caps", /unknown key\(s\) "weekly"/],
  ])("%s", (_what, caps, path, message) => {
    const found = issues({ caps, components: [uni] });
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)!.message).toMatch(message);
  });
});

describe("caps and who pays", () => {
  it("a component paid by customers cannot be capped", () => {
    const found = issues(
      { caps: { payout: { share: "0.4", components: ["retail"] } }, components: [{ type: "retailProfit", name: "retail", discount: "0.2" }, uni] },
      2,
    );
    expect(found).toEqual([{ path: "caps.payout.components[0]", message: 'expected a component the company pays; "retail" is paid by customers' }]);
  });
});

describe("rank names in components", () => {
  it("an unknown rank in a unilevel's payable depth names the field", () => {
    const found = issues({ ranks: [{ name: "Silver" }], components: [{ ...uni, depth: { base: 2, byRank: [{ rank: "Gold", levels: 5 }] } }] });
    expect(found).toEqual([{ path: "components[0].depth.byRank[0].rank", message: 'expected one of the plan\'s ranks ("Silver"), got "Gold"' }]);
  });

  it("a plan may point at its JSON Schema", () => {
    expect(() => compilePlan({ $schema: "./plan.schema.json", components: [uni] } as PlanInput)).not.toThrow();
  });
});

describe("malformed placement settings in scenarios", () => {
  it.each([
    ["an unknown binary mode", { placement: { kind: "binary", mode: "random" } }, "placement.mode", /"spillover"/],
    ["a zero-width matrix", { placement: { kind: "matrix", width: 0 } }, "placement.width", />=2/],
    ["a one-wide matrix (a line)", { placement: { kind: "matrix", width: 1 } }, "placement.width", />=2/],
    ["an unknown placement kind", { placement: { kind: "unilevel" } }, "placement.kind", /Expected 'binary' \| 'matrix'/],
    ["an unknown matrix spillover", { placement: { kind: "matrix", width: 3, spillover: "random" } }, "placement.spillover", /"sponsor"/],
  ])("%s", (_what, scenario, path, message) => {
    try {
      resolveScenario(scenario as never);
    } catch (e) {
      expect(e).toBeInstanceOf(DownlineInputError);
      const issue = (e as DownlineInputError).issues.find((i) => i.path === path);
      expect(issue?.message).toMatch(message);
      return;
    }
    throw new Error("accepted");
  });
});
