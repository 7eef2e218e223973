/**
 * The plan files in examples/plans: the public plans the plan language was
 * built for, as data (no custom component). Each is checked by hand on a
 * small network (the worked examples where it gives them) on both
 * engines, and run on a small simulated world where both engines must pay
 * the same, period by period, to the cent.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compilePlan, simulate, type PlanInput, type ScenarioInput } from "../../src/index.js";
import { runSpecCases } from "../spec/run.js";
import { own, ownQv, type SpecPeriod } from "../spec/cases.js";

const load = (file: string): PlanInput => JSON.parse(readFileSync(new URL(`../../examples/plans/${file}`, import.meta.url), "utf8")) as PlanInput;
const LINES = load("lines-differential.json");
const AMWAY = load("amway-bracket.json");
const TWO_PACKAGES = load("two-packages.json");
const BINARY = load("binary-2-1.json");

// ---- lines by leg share, differential by rank × lines, cascading match -------------------------
// A = 0 ← B = 1 ← C = 2 ← the purchaser P = 3 (100 CV, no QV). Everyone else orders QV only (no CV),
// which shapes ranks and lines and pays nothing. A, B, C order 100 QV each (active).
//   C's legs: P (no volume: no line) and c1..c4 (4..7) with 12,000 / 9,000 / 6,000 / 3,000 QV.
//   B's legs: C (100 + 30,000 = 30,100) and b1 (8) with 19,900.
//   A's legs: B (100 + 30,100 + 19,900 = 50,100), a1 (9) with 31,000, a2 (10) with 21,000.
const LINES_NETWORK = {
  uplines: [-1, 0, 1, 2, 2, 2, 2, 2, 1, 0, 0],
  orders: [
    ownQv(0, 0, 100),
    ownQv(1, 0, 100),
    ownQv(2, 0, 100),
    ownQv(3, 100, 0),
    ownQv(4, 0, 12_000),
    ownQv(5, 0, 9_000),
    ownQv(6, 0, 6_000),
    ownQv(7, 0, 3_000),
    ownQv(8, 0, 19_900),
    ownQv(9, 0, 31_000),
    ownQv(10, 0, 21_000),
  ],
};

runSpecCases("examples/plans/lines-differential.json", [
  {
    name: "the issue's worked example: purchaser → C (21%) → B (19%, match 20%) → A (19%, match 15%) on $100: C 21.00, B 4.20, A 0.63",
    plan: LINES,
    ...LINES_NETWORK,
    // Lines (downline QV; shares 30/20/10/5%):
    //   C: V 30,000: 12,000 | 9,000 ≥ 9,000 | 6,000 ≥ 6,000 | 3,000 ≥ 3,000: 4 lines. Downline 30,000 ≥ 30,000 and
    //      3+ lines: Diamond; rate Diamond[4] = 21%.
    //   B: V 50,000: 30,100 | 19,900 ≥ 15,000 | nothing left for 10,000: 2 lines. Downline 50,000 would be Diamond's
    //      volume, but Diamond needs 3 lines: Gold; rate Gold[2] = 19%.
    //   A: V 102,100: 50,100 | 31,000 ≥ 30,630 | 21,000 ≥ 20,420 | nothing left for 10,210: 3 lines: Diamond; Diamond[3] = 19%.
    // differential (the buyer excluded): P's 100 CV: C 0.21 × 100 = 21.00; B's and A's 19% are not above 21%: nothing.
    // match (cascading, exact, by the earner's rank, only where her rate ≤ the matched member's):
    //   C's 21.00 → B (Gold: 20%; 19% ≤ 21% ✓): 4.20. B's 0 + 4.20 → A (Diamond: 15%; 19% ≤ 19% ✓): 0.63.
    paid: { differential: { 2: "21.00" }, match: { 1: "4.20", 0: "0.63" } },
    // Headlines: differential 0.21 × 100 = 21.00 (all paid); match 0.20 × 21.00 + 0.20 × 4.20 = 5.04 − 4.83 paid = 0.21.
    breakage: { differential: "0.00", match: "0.21" },
    ranks: { 0: "Diamond", 1: "Gold", 2: "Diamond" },
    measures: { lines: { 0: 3, 1: 2, 2: 4 } },
  },
]);

// ---- Amway-style brackets: group PV sets the bracket, BV is paid on -----------------------------
runSpecCases("examples/plans/amway-bracket.json", [
  {
    name: "a 9% sponsor over a 6% and a 3% group: 9% of the group's BV minus what the groups below earned",
    plan: AMWAY,
    // S = 0 (PV 200, BV 400) sponsored D1 = 1 (PV 600, BV 1,200) and D2 = 2 (PV 400, BV 800).
    uplines: [-1, 0, 0],
    orders: [ownQv(0, 400, 200), ownQv(1, 1200, 600), ownQv(2, 800, 400)],
    // Brackets on group PV: S 1,200 → 9%; D1 600 → 6%; D2 400 → 3%.
    // On BV: D1 6% × 1,200 = 72.00; D2 3% × 800 = 24.00;
    // S: 9% × her group's 2,400 BV = 216.00, less 72.00 and 24.00 = 120.00 (per order: 3% × 1,200 + 6% × 800 + 9% × 400).
    paid: { performance: { 0: "120.00", 1: "72.00", 2: "24.00" } },
    // Headline: 21% × 2,400 = 504.00; paid 216.00; breakage 288.00 (no one above 9% in this group).
    breakage: { performance: "288.00" },
    ranks: { 0: "9%", 1: "6%", 2: "3%" },
  },
]);

// ---- two enrolment packages -----------------------------------------------------------------------
runSpecCases("examples/plans/two-packages.json", [
  {
    name: "the issue's worked example: A ($100) sponsored B ($50), who sponsored D ($50) and E ($100): B 2.50 + 2.50, A 2.00 + 9.00",
    plan: TWO_PACKAGES,
    uplines: [-1, 0, 1, 1],
    packages: ["Pro", "Basic", "Basic", "Pro"],
    orders: [
      { ...own(2, 50), package: "Basic" },
      { ...own(3, 100), package: "Pro" },
    ],
    // D's fee: B (level 1) lower Basic 5% × 50 = 2.50; A (level 2) lower Basic 4% × 50 = 2.00.
    // E's fee: B lower Basic 5% × 50 = 2.50; A (level 2) lower Pro 9% × 100 = 9.00.
    paid: { enrolment: { 1: "5.00", 0: "11.00" } },
    // Headline 0.40 × (50 + 100) = 60.00; paid 16.00; breakage 44.00.
    breakage: { enrolment: "44.00" },
  },
]);

// ---- binary, first pair 2:1 either way, then 1:1 ---------------------------------------------------
const placed = (orders: SpecPeriod["orders"]): SpecPeriod => ({ uplines: [-1, 0, 0], orders, placement: { width: 2, parent: [-1, 0, 0], slot: [0, 0, 1] } });
runSpecCases("examples/plans/binary-2-1.json", [
  {
    name: "a first pair of 100 left and 200 right (2:1 the other way), then 1:1",
    plan: BINARY,
    uplines: [],
    orders: [],
    // A = 0 sponsored and placed B = 1 (left) and C = 2 (right); all active (PV ≥ 100).
    periods: [placed([own(0, 100), own(1, 100), own(2, 200)]), placed([own(0, 100), own(1, 100), own(2, 100)])],
    // Period 0: L 100, R 200: the right gives 200, the left 100: 1 cycle = 10.00 (1:1 would have paid one too, and
    //   a 150/150 split none: see the binary spec cases). Nothing carries.
    // Period 1: L 100, R 100, 1:1 now: 1 cycle = 10.00.
    paid: { binary: { 0: "10.00" } },
    breakage: { binary: "0.00" },
  },
]);

const SMALL: ScenarioInput = { months: 6, start: { founders: 1, network: { distributors: 300, customersPerDistributor: 2 } }, market: { prospects: 20_000 } };

describe("the example plans on a small simulated world: both engines pay the same, period by period", () => {
  it.each([
    ["lines-differential.json", LINES, { ...SMALL, qvRatio: "1", start: { founders: 1, network: { distributors: 600, customersPerDistributor: 3 } } }],
    ["amway-bracket.json", AMWAY, { ...SMALL, qvRatio: "0.4" }],
    ["two-packages.json", TWO_PACKAGES, { ...SMALL, packages: [{ name: "Basic", price: "50.00", weight: 3 }, { name: "Pro", price: "100.00", weight: 1 }] }],
    ["binary-2-1.json", BINARY, { ...SMALL, placement: { kind: "binary", mode: "spillover" } }],
  ] as [string, PlanInput, ScenarioInput][])("%s", (_file, plan, scenario) => {
    // Data only: no custom component, no deprecated name.
    expect(compilePlan(plan).warnings).toEqual([]);
    const run = (engine: "fast" | "reference") => simulate({ scenario, plan, seed: 11, engine }).periods.map((p) => [p.payout, p.breakage]);
    const fast = run("fast");
    expect(run("reference")).toEqual(fast);
    expect(fast.reduce((s, [paid]) => s + paid!, 0)).toBeGreaterThan(0);
  });
});
