import { describe, expect, it, vi } from "vitest";
import { compilePlan, createFastEngine, createReferenceEngine, DownlineInputError, formatMinor, networkFromRecords } from "../../src/index.js";
import { main, TEAM_PLAN, teamTable } from "../../examples/custom-component.js";

const own = (member: number, cv: number) => ({ member, customer: -1, price: cv * 100, cv: cv * 100 });

describe("a custom component registered under its own type name", () => {
  it.each([
    ["fast", createFastEngine],
    ["reference", createReferenceEngine],
  ] as const)("pays by rank × qualified lines on the %s engine, hand-computed", (_, createEngine) => {
    const plan = compilePlan(TEAM_PLAN, { components: [teamTable] });
    // 0 has frontline 1, 2, 3; 1 has frontline 4. PV: 0 100, 1 1000, 2 200, 3 50 (inactive), 4 800.
    const network = networkFromRecords({ uplines: [-1, 0, 0, 0, 1], orders: [own(0, 100), own(1, 1000), own(2, 200), own(3, 50), own(4, 800)] });
    const payout = createEngine(plan).pay(network);
    // 0: GV 2,150 ≥ 2,000, legs 1 (GV 1,800) and 2 (200 < 300) → one leg of 300: not a Leader (needs 2).
    //    Lines: 1 and 2 active, 3 inactive → 2 lines; row 0 → 2%; team volume 2,150 − 100 = 2,050 → 41.00.
    // 1: GV 1,800, one active line (4) → 1%; team 800 → 8.00. Others have no team volume.
    expect(Array.from(payout.amounts[0]!.subarray(0, 5), (a) => formatMinor(a, 2))).toEqual(["41.00", "8.00", "0.00", "0.00", "0.00"]);
    expect(payout.paid[0]).toBe(49_00);
    expect(payout.breakage[0]).toBe(0);
  });

  it("is validated like a built-in: an unknown type without registration, and bad rates, are field-path errors", () => {
    expect(() => compilePlan(TEAM_PLAN)).toThrow(/components\[0\]\.type: expected a component type .* got "teamTable"/);
    const bad = { ...TEAM_PLAN, components: [{ type: "teamTable", table: [["0.5", "1.5"]] }] };
    try {
      compilePlan(bad, { components: [teamTable] });
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(DownlineInputError);
      expect((e as DownlineInputError).issues[0]!.path).toBe("components[0].table[0][1]");
    }
  });

  it("runs in a simulation on both engines, which pay the same to the cent (the example's main)", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { fast, reference } = main();
    expect(fast).toBeGreaterThan(0);
    expect(reference).toBe(fast);
    expect(log.mock.calls[0]![0]).toMatch(/^Team table: \d+\.\d\d paid over 12 months \(fast engine\), \d+\.\d\d \(reference engine\)$/);
    log.mockRestore();
  });
});
