import { describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "downline-cli-"));
const scenarioFile = join(dir, "scenario.json");
writeFileSync(scenarioFile, JSON.stringify({ name: "small", months: 6, start: { founders: 1, network: { distributors: 300 } }, market: { prospects: 5000 } }));

function capture(argv: string[]) {
  let out = "";
  const code = main(argv, (t) => (out += t));
  return { code, out };
}

describe("downline run", () => {
  it("prints a month-by-month table and a summary", () => {
    const { code, out } = capture(["run", "--scenario", scenarioFile, "--seed", "7"]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^Month\s+Members\s+Joins\s+Quits\s+Active\s+Customers\s+Revenue\s+CV\s+Payout\s+Payout\/rev\s+Breakage$/);
    expect(lines.filter((l) => /^\s+\d+\s+\d+/.test(l))).toHaveLength(6);
    expect(out).toMatch(/Plan "Default unilevel" on scenario "small", seed 7, 6 months \(fast engine\)/);
    expect(out).toMatch(/earned nothing/);
  });

  it("--months overrides the scenario; csv and json formats; the reference engine gives the same numbers", () => {
    const csv = capture(["run", "--scenario", scenarioFile, "--months", "3", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const rows = csv.out.trim().split("\n");
    expect(rows[0]).toBe("period,members,active,joins,quits,customers,revenue,revenueCustomers,revenueDistributors,cv,payout,payout_customer,payout_unilevel,companyAccountsPaid,customerPaid,breakage,capped,working,hours,expenses,requiredPurchases,newCustomers,oneTimeSales");
    expect(rows).toHaveLength(4);
    const ref = capture(["run", "--scenario", scenarioFile, "--months", "3", "--format", "csv", "--engine", "reference"]);
    expect(ref.out).toBe(csv.out);
    const json = capture(["run", "--scenario", scenarioFile, "--months", "2", "--format", "json"]);
    expect(JSON.parse(json.out)).toHaveLength(2);
  });

  it("writes the ledger and member rows as CSV, and they reconcile", () => {
    const ledger = join(dir, "ledger.csv");
    const members = join(dir, "members.csv");
    const { code, out } = capture(["run", "--scenario", scenarioFile, "--format", "csv", "--ledger", ledger, "--members", members]);
    expect(code).toBe(0);
    const cents = (x: string) => Math.round(Number(x) * 100);
    const payout = out.trim().split("\n").slice(1).reduce((s, r) => s + cents(r.split(",")[10]!), 0);
    const ledgerRows = readFileSync(ledger, "utf8").trim().split("\n");
    expect(ledgerRows[0]).toBe("period,payee,component,amount");
    expect(ledgerRows.slice(1).reduce((s, r) => s + cents(r.split(",")[3]!), 0)).toBe(payout);
    const memberRows = readFileSync(members, "utf8").trim().split("\n");
    expect(memberRows[0]).toMatch(/^member,sponsor,upline,joinPeriod,quitPeriod,status,role,company,recruits,customers,periodsActive,rank,title,hours,earnings,retailProfit,gross,/);
    expect(memberRows.slice(1).reduce((s, r) => s + cents(r.split(",")[14]!), 0)).toBe(payout);
  });

  it("seeds: distinct texts never collide; a canonical integer is a number", () => {
    const table = (seed: string) => capture(["run", "--scenario", scenarioFile, "--months", "2", "--format", "csv", "--seed", seed]).out;
    expect(table("7")).not.toBe(table("007"));
    expect(table("9007199254740993")).not.toBe(table("9007199254740992"));
    expect(table("7")).toBe(table("7"));
  });

  it("validate checks what depends on the currency, as run does", () => {
    const jpy = join(dir, "jpy.json");
    const plan = join(dir, "plan.json");
    writeFileSync(jpy, JSON.stringify({ currency: "JPY", months: 2, customers: { orderValue: { kind: "fixed", value: "5000" } }, distributors: { orderValue: { kind: "fixed", value: "9000" } } }));
    writeFileSync(plan, JSON.stringify({ activity: { minPv: "100.5" }, components: [{ type: "unilevel", rates: ["0.05"] }] }));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(capture(["validate", "--scenario", jpy, "--plan", plan]).code).toBe(2);
    expect(String(stderr.mock.calls[0]![0])).toMatch(/activity\.minPv: expected at most 0 decimals for JPY, got 100\.5/);
    stderr.mockRestore();
  });

  it("validate rejects a money field finer than the currency with its field path (a rank advancement of 10.005 USD)", () => {
    const plan = join(dir, "advancement.json");
    writeFileSync(plan, JSON.stringify({ ranks: [{ name: "Gold" }], components: [{ type: "rankAdvancement", bonuses: [{ rank: "Gold", amount: "10.005" }] }] }));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(capture(["validate", "--plan", plan]).code).toBe(2);
    // The file, then the field.
    expect(String(stderr.mock.calls[0]![0])).toBe(`downline/plan: ${plan}: components[0].bonuses[0].amount: expected at most 2 decimals for USD, got 10.005\n`);
    stderr.mockRestore();
  });

  it("a deprecated field name is accepted, with one line on stderr saying what to write", () => {
    const plan = join(dir, "old-names.json");
    writeFileSync(plan, JSON.stringify({ components: [{ type: "customerCommission", rate: "0.2", requiresActive: true }] }));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(capture(["validate", "--scenario", scenarioFile, "--plan", plan]).code).toBe(0);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([
      `downline/plan: ${plan}: components[0].requiresActive: deprecated: write "qualification.active" instead (the old name is accepted until version 0.2.x)\n`,
    ]);
    stderr.mockRestore();
  });

  it.each(["wellness-unilevel", "stairstep-breakaway", "saas-affiliate", "high-ticket-affiliate", "info-product", "binary", "matrix-3x7"])(
    "preset %s runs on its own business and on the default one (its placement tree supplied), exit 0",
    (preset) => {
      const own = capture(["run", "--preset", preset, "--months", "1"]);
      expect(own.code).toBe(0);
      expect(own.out).toMatch(/on scenario "(wellness network|stairstep business|SaaS affiliate program|high-ticket affiliate offer|info product|binary business|matrix business)"/);
      const onDefault = capture(["run", "--preset", preset, "--scenario", "default", "--months", "1"]);
      expect(onDefault.code).toBe(0);
      expect(onDefault.out).toMatch(/on scenario "default"/);
    },
  );

  it("a scenario whose placement tree conflicts with the plan's gives exit 2 and one line naming both", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(capture(["run", "--preset", "matrix-3x7", "--scenario", "binary", "--months", "1"]).code).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([
      'downline/scenario: placement: expected a 3-wide matrix for plan "Forced matrix 3×7" (its components[0], matrix), got a binary tree in scenario "binary business"\n',
    ]);
    stderr.mockRestore();
  });

  it("runs a preset by name, and refuses an unknown one", () => {
    const { code, out } = capture(["run", "--scenario", scenarioFile, "--months", "2", "--preset", "wellness-unilevel"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Plan "Wellness unilevel" on scenario "small"/);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(capture(["run", "--preset", "megaBonus"]).code).toBe(2);
    expect(String(stderr.mock.calls[0]![0])).toMatch(/--preset: expected one of wellness-unilevel, stairstep-breakaway, saas-affiliate, high-ticket-affiliate, info-product, binary, matrix-3x7, got "megaBonus"/);
    stderr.mockRestore();
  });

  it("validate says ok, and rejects bad options with exit code 2", () => {
    expect(capture(["validate", "--scenario", scenarioFile]).out).toMatch(/scenario "small": ok \(6 months\)\nplan "Default unilevel": ok \(customer, unilevel\)\nmemory: about \d+ MiB at the peak \([\d,]+ members, [\d,]+ customers\), within the budget of [\d.,]+ GiB\n$/);
    expect(capture(["run", "--months", "x"]).code).toBe(2);
    expect(capture(["run", "--engine", "turbo"]).code).toBe(2);
    expect(capture(["frobnicate"]).code).toBe(2);
    expect(capture(["--help"]).out).toMatch(/usage: downline run/);
  });
});
