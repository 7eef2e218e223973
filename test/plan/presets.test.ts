/** The preset plans and the plan JSON Schema. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { compilePlan, ledgerLines, planJsonSchema, PRESET_SCENARIOS, PRESETS, resolveScenario, simulate, simulatePlans, type PlanInput } from "../../src/index.js";

const schemaFile = JSON.parse(readFileSync(new URL("../../schema/plan.schema.json", import.meta.url), "utf8"));

describe("the plan JSON Schema", () => {
  it("schema/plan.schema.json is current (regenerate: npx tsx scripts/write-plan-schema.ts)", () => {
    expect(schemaFile).toEqual(planJsonSchema());
  });

  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(schemaFile);

  it.each(Object.keys(PRESETS))("accepts the %s preset", (name) => {
    expect(validate(PRESETS[name as keyof typeof PRESETS])).toBe(true);
  });

  it.each(["lines-differential.json", "amway-bracket.json", "two-packages.json", "binary-2-1.json"])("accepts examples/plans/%s", (file) => {
    const plan = JSON.parse(readFileSync(new URL(`../../examples/plans/${file}`, import.meta.url), "utf8"));
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a rate table with an unknown key", { components: [{ type: "differential", rate: { byRank: [{ rank: "A", rate: "0.1" }], by: "rank" } }] }],
    ["an unknown measure kind", { measures: [{ name: "x", kind: "lines" }], components: [{ type: "unilevel", rates: ["0.1"] }] }],
    ["a negative rate", { components: [{ type: "unilevel", rates: [-3] }] }],
    ["a rate with a percent sign", { components: [{ type: "unilevel", rates: ["5%"] }] }],
    ["an unknown component type", { components: [{ type: "megaBonus", rates: ["0.1"] }] }],
    ["an unknown key", { components: [{ type: "unilevel", rates: ["0.1"], level: 3 }] }],
    ["no components", { components: [] }],
    ["an unknown top-level key", { components: [{ type: "unilevel", rates: ["0.1"] }], bonus: 1 }],
  ])("rejects %s, as an editor would flag it", (_what, plan) => {
    expect(validate(plan)).toBe(false);
  });
});

describe("presets", () => {
  it.each(Object.entries(PRESETS))("%s compiles and pays a seeded world, both engines to the cent", (name, plan) => {
    // Placement plans pay on the world's placement tree.
    const placement = name === "binary" ? { kind: "binary" as const, mode: "spillover" as const } : name === "matrix-3x7" ? { kind: "matrix" as const, width: 3 } : undefined;
    const scenario = {
      months: 4,
      start: { founders: 2, network: { distributors: 150, customersPerDistributor: 2 } },
      market: { prospects: 3000 },
      ...(placement ? { placement } : {}),
    };
    const fast = simulate({ scenario, plan, seed: 5 });
    const reference = simulate({ scenario, plan, seed: 5, engine: "reference" });
    expect(ledgerLines(fast.ledger)).toEqual(ledgerLines(reference.ledger));
    expect(fast.periods.reduce((s, p) => s + p.payout, 0)).toBeGreaterThan(0);
  });

  it("the wellness preset holds the published figures", () => {
    const plan = compilePlan(PRESETS["wellness-unilevel"]);
    expect(plan.components.map((c) => c.type)).toEqual(["customerCommission", "fastStart", "unilevel", "matching"]);
    expect(plan.source.components).toContainEqual(expect.objectContaining({ type: "unilevel", rates: ["0.08", "0.05", "0.04", "0.04", "0.04"] }));
    expect(plan.source.components).toContainEqual(expect.objectContaining({ type: "fastStart", rates: ["0.25", "0.1"], periods: 3 }));
    // Compiled to cents: Executive 2 × 1,000 and 4,000 total … Royal Crown Diamond 6 × 35,000 and 1,500,000.
    expect(plan.ranks.map((r) => [r.name, r.gv / 100, r.legs[0]!.count, r.legs[0]!.minGv / 100])).toEqual([
      ["Executive", 4000, 2, 1000],
      ["Silver", 10000, 2, 4000],
      ["Gold", 35000, 3, 6000],
      ["Platinum", 100000, 4, 8000],
      ["Diamond", 250000, 5, 15000],
      ["Royal Crown Diamond", 1500000, 6, 35000],
    ]);
  });

  it("presets can be compared on one world (common random numbers)", () => {
    const runs = simulatePlans({ scenario: { months: 3, placement: { kind: "binary" } }, seed: 9, plans: Object.values(PRESETS).filter((p) => p.name !== "Forced matrix 3×7") as PlanInput[] });
    const revenue = runs.map((r) => r.periods.map((p) => p.revenue));
    for (const r of revenue) expect(r).toEqual(revenue[0]);
  });

  it("each preset ships with the business it is written for, as a valid scenario", () => {
    expect(Object.keys(PRESET_SCENARIOS).sort()).toEqual(Object.keys(PRESETS).sort());
    const names = Object.fromEntries(Object.entries(PRESET_SCENARIOS).map(([preset, s]) => [preset, resolveScenario(s).spec.name]));
    expect(names).toEqual({
      "wellness-unilevel": "wellness network",
      "stairstep-breakaway": "stairstep business",
      "saas-affiliate": "SaaS affiliate program",
      "high-ticket-affiliate": "high-ticket affiliate offer",
      "info-product": "info product",
      binary: "binary business",
      "matrix-3x7": "matrix business",
    });
    expect(resolveScenario(PRESET_SCENARIOS["saas-affiliate"]).spec.period).toBe("week");
    // Weekly billing; mostly one-time sales; the creator's own selling rate.
    expect(resolveScenario(PRESET_SCENARIOS["saas-affiliate"]).spec.customers.renewEvery).toBe("week");
    expect(resolveScenario(PRESET_SCENARIOS["high-ticket-affiliate"]).spec.customers.oneTime?.share).toBe(0.9);
    expect(resolveScenario(PRESET_SCENARIOS["info-product"]).people.acquisitionRate[3]).toBe(60);
    expect(resolveScenario(PRESET_SCENARIOS.binary).spec.placement).toEqual({ kind: "binary", mode: "spillover" });
  });
});
