import { describe, expect, it, vi } from "vitest";
import { main } from "../../examples/quickstart.js";

describe("examples run", () => {
  it("quickstart compares two plans on one world", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const table = vi.spyOn(console, "table").mockImplementation(() => {});
    const rows = main();
    expect(rows.map((r) => r.plan)).toEqual(["Default unilevel", "Two-level flat"]);
    for (const r of rows) {
      expect(r.payoutShare).toBeGreaterThan(0.05);
      expect(r.payoutShare).toBeLessThan(0.45); // headline rates cap the payout: 20% + 25% (or 25%) of CV ≤ 45% of revenue
      expect(r.earnedNothing).toBeGreaterThan(0.3);
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(table).toHaveBeenCalledTimes(1);
    log.mockRestore();
    table.mockRestore();
  });
});
