import { afterAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../examples/replay-and-forecast.js";
import { PLANTED, sampleFiles, writeSample } from "../../examples/data/generate.js";
import { importHistory } from "../../src/history/import.js";

const dir = mkdtempSync(join(tmpdir(), "downline-sample-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("examples run", () => {
  it("replay-and-forecast imports the sample, replays it under two plans, reconciles and forecasts 24 months", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const table = vi.spyOn(console, "table").mockImplementation(() => {});
    const out = await main();
    log.mockRestore();
    table.mockRestore();
    expect(out.history.members.count).toBe(453);
    expect(out.history.periods).toBe(18);
    expect(out.comparison.map((c) => c.plan)).toEqual(["Wellness unilevel", "Proposed flat unilevel"]);
    // The company's plan replayed pays what was paid, but for the three planted discrepancies.
    expect(out.differences.map((d) => [d.member, d.label]).sort()).toEqual(PLANTED.map(([m, p]) => [m, p]).sort());
    expect(out.differences.find((d) => d.member === "D10006")!.difference).toBe(-25_00);
    expect(out.differences.find((d) => d.member === "D10014")!.difference).toBe(50_00);
    expect(out.differences.find((d) => d.member === "D10022")!.paid).toBe(0);
    expect(out.matching).toBe(out.lines - 3);
    expect(out.forecast.map((f) => f.months)).toEqual([24, 24, 24, 24, 24]);
    expect(new Set(out.forecast.map((f) => f.payout)).size).toBe(5);
  });

  it("the sample's generator writes files that import (the sample in examples/data was written by it)", async () => {
    writeSample(dir);
    const files = ["members.csv", "customers.csv", "orders.csv", "paid.csv"] as const;
    const text = sampleFiles();
    for (const f of files) expect(readFileSync(join(dir, f), "utf8")).toBe(text[f]);
    const history = await importHistory({ members: text["members.csv"], customers: text["customers.csv"], orders: text["orders.csv"] });
    expect(history.periods).toBe(18);
  });
});
