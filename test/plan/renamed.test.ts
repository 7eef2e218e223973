/**
 * One vocabulary in plan files: the old field names of 0.1 (`requiresActive`,
 * `minRank`, `months`, `stepDown.afterMonths`, matrix `depthByRank`, binary
 * `valueByRank`) are read as
 * the new ones for one minor version, each with a deprecation message naming
 * both; the compiled plan is the one the new names give.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, planJsonSchema, type PlanInput } from "../../src/index.js";

const RANKS = [{ name: "Silver" }];

describe("renamed plan-file fields", () => {
  it.each([
    ["customerCommission requiresActive", { type: "customerCommission", rate: "0.2", requiresActive: true }, { type: "customerCommission", rate: "0.2", qualification: { active: true } }, ["requiresActive"]],
    ["unilevel is unchanged", { type: "unilevel", rates: ["0.05"], depth: { base: 1 } }, { type: "unilevel", rates: ["0.05"], depth: { base: 1 } }, []],
    [
      "matching requiresActive and minRank",
      { type: "matching", components: ["u"], rates: ["0.1"], requiresActive: false, minRank: "Silver" },
      { type: "matching", components: ["u"], rates: ["0.1"], qualification: { active: false, minRank: "Silver" } },
      ["requiresActive", "minRank"],
    ],
    ["pool requiresActive", { type: "pool", rate: "0.01", shares: [{ rank: "Silver", shares: 1 }], requiresActive: false }, { type: "pool", rate: "0.01", shares: [{ rank: "Silver", shares: 1 }], qualification: { active: false } }, ["requiresActive"]],
    ["fastStart months", { type: "fastStart", rates: ["0.25"], months: 3 }, { type: "fastStart", rates: ["0.25"], periods: 3 }, ["months"]],
    ["rankAdvancement requiresActive", { type: "rankAdvancement", bonuses: [{ rank: "Silver", amount: "50" }], requiresActive: true }, { type: "rankAdvancement", bonuses: [{ rank: "Silver", amount: "50" }], qualification: { active: true } }, ["requiresActive"]],
    ["affiliate stepDown.afterMonths", { type: "affiliate", rates: ["0.3"], stepDown: { afterMonths: 12, rates: ["0.1"] } }, { type: "affiliate", rates: ["0.3"], stepDown: { afterPeriods: 12, rates: ["0.1"] } }, ["stepDown.afterMonths"]],
    ["retailProfit requiresActive", { type: "retailProfit", discount: "0.25", requiresActive: true }, { type: "retailProfit", discount: "0.25", qualification: { active: true } }, ["requiresActive"]],
    [
      "matrix depthByRank and requiresActive",
      { type: "matrix", width: 3, rates: ["0.05", "0.05"], depthByRank: { base: 1, byRank: [{ rank: "Silver", levels: 2 }] }, requiresActive: false },
      { type: "matrix", width: 3, rates: ["0.05", "0.05"], depth: { base: 1, byRank: [{ rank: "Silver", levels: 2 }] }, qualification: { active: false } },
      ["requiresActive", "depthByRank"],
    ],
    [
      "binary valueByRank",
      { type: "binary", pay: { kind: "cycles", left: "100", right: "100", value: "10" }, valueByRank: [{ rank: "Silver", value: "12" }] },
      { type: "binary", pay: { kind: "cycles", left: "100", right: "100", value: "10" }, payByRank: [{ rank: "Silver", value: "12" }] },
      ["valueByRank"],
    ],
  ])("%s: accepted, compiled as the new names, with a deprecation message per old name", (_, old, current, fields) => {
    const plan = (c: Record<string, unknown>): PlanInput => ({ ranks: RANKS, components: [{ type: "unilevel", name: "u", rates: ["0.05"] }, c as PlanInput["components"][number]] });
    const fromOld = compilePlan(plan(old));
    const fromNew = compilePlan(plan(current));
    expect(fromOld.components[1]!.settings).toEqual(fromNew.components[1]!.settings);
    expect(fromOld.source).toEqual(fromNew.source);
    expect(fromNew.warnings).toEqual([]);
    expect(fromOld.warnings.map((w) => w.path).sort()).toEqual(fields.map((f) => `components[1].${f}`).sort());
    for (const w of fromOld.warnings) expect(w.message).toMatch(/^deprecated: write "[a-zA-Z.]+" instead \(the old name is accepted until version 0\.2\.x\)$/);
  });

  it("the input object is not modified", () => {
    const input = { components: [{ type: "fastStart", rates: ["0.25"], months: 3 }] };
    // @ts-expect-error: old names are read from plan files, but are not in the input types.
    compilePlan(input);
    expect(input.components[0]).toEqual({ type: "fastStart", rates: ["0.25"], months: 3 });
  });

  it("both names at once: the old one is an unknown key (and still named as deprecated)", () => {
    try {
      // @ts-expect-error: old names are read from plan files, but are not in the input types.
      compilePlan({ components: [{ type: "fastStart", rates: ["0.25"], months: 3, periods: 2 }] });
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(DownlineInputError);
      expect((e as DownlineInputError).issues).toEqual([{ path: "components[0]", message: 'unknown key(s) "months"' }]);
    }
  });

  it("an old name with a bad value is reported at the new field's path", () => {
    try {
      // @ts-expect-error: old names are read from plan files, but are not in the input types.
      compilePlan({ components: [{ type: "customerCommission", rate: "0.2", requiresActive: "yes" }] });
      throw new Error("accepted");
    } catch (e) {
      expect((e as DownlineInputError).issues.map((i) => i.path)).toEqual(["components[0].qualification.active"]);
    }
  });

  it("the JSON Schema lists the old names as deprecated, and either name of a required field satisfies it", () => {
    const schema = planJsonSchema() as { properties: { components: { items: { oneOf: Record<string, unknown>[] } } } };
    const fastStart = schema.properties.components.items.oneOf.find((t) => (t.properties as Record<string, { const?: string }>).type!.const === "fastStart")!;
    expect((fastStart.properties as Record<string, unknown>).months).toMatchObject({ type: "integer", deprecated: true });
    expect(fastStart.required).not.toContain("periods");
    expect(fastStart.anyOf).toEqual([{ required: ["periods"] }, { required: ["months"] }]);
  });
});
