/**
 * Binary, hand-computed. Volumes and amounts in major units (price = CV, so
 * PV reads directly); the arithmetic in the comments. Every case is given as
 * periods (the placement tree travels with each period's network); periods
 * are paid 0, 1, ... and the expectations are of the last one (carryover is
 * carried state).
 *
 * Notation: L, R = left and right leg volume (this period's placement-subtree
 * PV + carryover); n = cycles (or paired volume, weak leg).
 */
import type { ComponentInput, OrderRecord, PlanInput } from "../../src/index.js";
import { own, type SpecCase, type SpecPeriod } from "./cases.js";

/** A plan with one binary component and the activity threshold `minPv`. */
const plan = (binary: Omit<ComponentInput<"binary">, "type">, minPv = "100", ranks?: PlanInput["ranks"]): PlanInput => ({
  activity: { minPv },
  ...(ranks ? { ranks } : {}),
  components: [{ type: "binary", ...binary }],
});

/** A period on a binary placement tree: placement parents and slots (0 left, 1 right), sponsor uplines, orders. */
function at(parents: number[], slots: number[], uplines: number[], orders: OrderRecord[], alive?: boolean[]): SpecPeriod {
  const period = { uplines, orders, ...(alive ? { alive } : {}), placement: { width: 2, parent: parents, slot: slots } };
  return period;
}

// T3: A=0 at the top, B=1 on her left, C=2 on her right; A sponsored both.
const T3 = (...orders: OrderRecord[]) => at([-1, 0, 0], [0, 0, 1], [-1, 0, 0], orders);
// T5: T3, and D=3 on B's left and E=4 on B's right, both sponsored by B.
const T5 = (...orders: OrderRecord[]) => at([-1, 0, 0, 1, 1], [0, 0, 1, 0, 1], [-1, 0, 0, 1, 1], orders);

/** A binary component's fields other than its pay rule. */
type BinaryExtra = Partial<Omit<ComponentInput<"binary">, "type" | "pay">>;

/** Cycles of 200 left + 200 right at `value` each. */
const cycles200 = (value: string, extra: BinaryExtra = {}) => ({ pay: { kind: "cycles", left: "200", right: "200", value } as const, ...extra });
/** A "pair": a cycle of 100:100 volume paying 10% of the $100 package, 0.10 × 100 = $10.00. */
const pairs = (extra: BinaryExtra = {}) => ({ pay: { kind: "cycles", left: "100", right: "100", rate: "0.10" } as const, ...extra });
const weakLeg = (rate: string, extra: BinaryExtra = {}) => ({ pay: { kind: "weakLeg", rate } as const, ...extra });

const none = (name: string): Pick<SpecCase, "name" | "uplines" | "orders"> => ({ name, uplines: [], orders: [] });

export const BINARY_CASES: readonly SpecCase[] = [
  // ---- (a) public worked example: cycles of 200:200 ----
  {
    ...none("cycles: left 1,800, right 20,800, 200+200 at $20 → 9 cycles = $180.00"),
    plan: plan(cycles200("20.00")),
    // A, B, C each active (PV ≥ 100); A sponsored B (left) and C (right): A is qualified.
    periods: [T3(own(0, 100), own(1, 1800), own(2, 20800))],
    // A: L = 1,800, R = 20,800: n = min(floor(1800/200), floor(20800/200)) = min(9, 104) = 9 → 9 × 20.00 = 180.00.
    // B and C have no placement children: L = R = 0. Headline 180.00, all paid.
    paid: { binary: { 0: "180.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("cycles: after the 9 cycles left carries 0 and right 19,000 into the next period"),
    plan: plan(cycles200("20.00")),
    periods: [T3(own(0, 100), own(1, 1800), own(2, 20800)), T3(own(0, 100), own(1, 38000), own(2, 100))],
    // Period 0 as above; the 9 cycles take 9 × 200 = 1,800 from each leg: L 1,800 − 1,800 = 0, R 20,800 − 1,800 = 19,000 carried.
    // Period 1: L = 0 + 38,000 = 38,000, R = 19,000 + 100 = 19,100: n = min(190, floor(95.5) = 95) = 95 → 95 × 20.00 = 1,900.00.
    // (Without the carried 19,000, R = 100 would pay nothing.)
    paid: { binary: { 0: "1900.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("cycles: left 0, right 6,000 at $15 → $0.00"),
    // minPv 0: every current member is active (B too, with no volume), so A is qualified.
    plan: plan(cycles200("15.00"), "0"),
    periods: [T3(own(2, 6000))],
    // A: L = 0, R = 6,000: n = min(0, 30) = 0 → 0.00. Headline 0.00.
    paid: { binary: {} },
    breakage: { binary: "0.00" },
  },
  {
    ...none("cycles: the right 6,000 stays and pays when left volume arrives next period"),
    plan: plan(cycles200("15.00"), "0"),
    periods: [T3(own(2, 6000)), T3(own(1, 1000))],
    // Period 0: nothing paid; L 0, R 6,000 carried.
    // Period 1: L = 1,000, R = 6,000 + 0: n = min(5, 30) = 5 → 5 × 15.00 = 75.00 (R carries 6,000 − 1,000 = 5,000).
    paid: { binary: { 0: "75.00" } },
    breakage: { binary: "0.00" },
  },
  // ---- (b) public worked example: carryover on the weak leg ----
  {
    ...none("weak leg 10%: under B, D left with 100 PV and E right with 200 PV → B earns $10.00"),
    plan: plan(weakLeg("0.10"), "0"),
    periods: [T5(own(3, 100), own(4, 200))],
    // B: L = 100 (D), R = 200 (E): P = min(100, 200) = 100 → 0.10 × 100 = 10.00; both legs lose 100: L 0, R 100 carried.
    // A: L = B's subtree = 0 + 100 + 200 = 300, R = C = 0: P = 0. Headline 10.00.
    paid: { binary: { 1: "10.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("weak leg 10%: B's 100 PV carried on the right pairs with new left volume"),
    plan: plan(weakLeg("0.10"), "0"),
    periods: [T5(own(3, 100), own(4, 200)), T5(own(3, 150))],
    // Period 0: B 10.00, carries L 0, R 100. A carries L 300 (nothing paired).
    // Period 1: B: L = 0 + 150 = 150, R = 100 + 0 = 100: P = 100 → 10.00 (carries L 50, R 0).
    // A: L = 300 + 150 = 450, R = 0: P = 0.
    paid: { binary: { 1: "10.00" } },
    breakage: { binary: "0.00" },
  },
  // ---- (c) public worked example: pairs ----
  {
    ...none("pairs: 10% of a $100 package per pair, 4 pairs → $40.00"),
    plan: plan(pairs()),
    periods: [T3(own(0, 100), own(1, 400), own(2, 400))],
    // A: L = 400, R = 400: n = min(4, 4) = 4 pairs, each 0.10 × min(100, 100) = 10.00 → 40.00.
    paid: { binary: { 0: "40.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("pairs valued as $10.00 a pair pay the same"),
    plan: plan({ pay: { kind: "cycles", left: "100", right: "100", value: "10.00" } }),
    periods: [T3(own(0, 100), own(1, 400), own(2, 400))],
    // 4 pairs × 10.00 = 40.00.
    paid: { binary: { 0: "40.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("pairs: a ceiling of 100 pairs a period; pairs beyond the 100th are not paid (flush: they leave the legs)"),
    plan: plan(pairs({ cap: { cycles: 100 } })),
    periods: [T3(own(0, 100), own(1, 10500), own(2, 10800))],
    // A: L = 10,500, R = 10,800: n = min(105, 108) = 105 pairs; paid min(105, 100) = 100 × 10.00 = 1,000.00.
    // Headline (no cap): 105 × 10.00 = 1,050.00 → breakage 50.00.
    paid: { binary: { 0: "1000.00" } },
    breakage: { binary: "50.00" },
  },
  {
    ...none("pairs: the 5 flushed pairs are gone next period"),
    plan: plan(pairs({ cap: { cycles: 100 } })),
    periods: [T3(own(0, 100), own(1, 10500), own(2, 10800)), T3(own(0, 100), own(1, 100), own(2, 100))],
    // Period 0: all 105 pairs leave both legs (flush): L 10,500 − 10,500 = 0, R 10,800 − 10,500 = 300.
    // Period 1: L = 0 + 100 = 100, R = 300 + 100 = 400: 1 pair → 10.00.
    paid: { binary: { 0: "10.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("pairs: with overCap carry the 5 pairs beyond the ceiling stay in the legs and pay next period"),
    plan: plan(pairs({ cap: { cycles: 100 }, overCap: "carry" })),
    periods: [T3(own(0, 100), own(1, 10500), own(2, 10800)), T3(own(0, 100), own(1, 100), own(2, 100))],
    // Period 0: only the 100 paid pairs leave the legs: L 10,500 − 10,000 = 500, R 10,800 − 10,000 = 800.
    // Period 1: L = 500 + 100 = 600, R = 800 + 100 = 900: 6 pairs → 60.00 (within the ceiling).
    paid: { binary: { 0: "60.00" } },
    breakage: { binary: "0.00" },
  },
  // ---- other cycle shapes, rank values and caps ----
  {
    ...none("cycles 600:300 (2:1) paying 10% of the smaller side: 0.10 × 300 = $30.00 a cycle"),
    plan: plan({ pay: { kind: "cycles", left: "600", right: "300", rate: "0.10" } }),
    periods: [T3(own(0, 100), own(1, 1900), own(2, 700))],
    // A: n = min(floor(1900/600) = 3, floor(700/300) = 2) = 2 → 2 × 30.00 = 60.00 (carries L 700, R 100).
    paid: { binary: { 0: "60.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("payByRank: a cycle is worth 25.00 to a Silver, 30.00 to a Gold, 20.00 to others"),
    plan: plan(
      cycles200("20.00", { payByRank: [{ rank: "Gold", value: "30.00" }, { rank: "Silver", value: "25.00" }] }),
      "100",
      [{ name: "Silver", pv: "100" }, { name: "Gold", pv: "500" }],
    ),
    periods: [T5(own(0, 500), own(1, 100), own(2, 600), own(3, 200), own(4, 200))],
    // Paid-as ranks: A (PV 500) Gold, B (PV 100) Silver.
    // B: L = 200 (D), R = 200 (E): 1 cycle × 25.00 = 25.00 (she sponsored D and E, both active).
    // A: L = B's subtree 100 + 200 + 200 = 500, R = 600 (C): n = min(2, 3) = 2 × 30.00 = 60.00.
    paid: { binary: { 0: "60.00", 1: "25.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("an amount cap with overCap carry: only the cycles needed to reach it leave the legs"),
    plan: plan(cycles200("20.00", { cap: { amount: "50.00" }, overCap: "carry" })),
    periods: [T3(own(0, 100), own(1, 1000), own(2, 1000)), T3(own(0, 100), own(1, 100), own(2, 100))],
    // Period 0: n = 5 → 100.00, cut to 50.00 (breakage 50.00). Reaching 50.00 takes ceil(50 / 20) = 3 cycles
    // (the third paid in part): L = R = 1,000 − 600 = 400 carried.
    // Period 1: L = R = 400 + 100 = 500: 2 cycles → 40.00, under the cap.
    paid: { binary: { 0: "40.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("an amount cap, flushed: the money over it is breakage and all cycles leave the legs"),
    plan: plan(cycles200("20.00", { cap: { amount: "50.00" } })),
    periods: [T3(own(0, 100), own(1, 1000), own(2, 1000))],
    // n = 5 → 100.00, paid 50.00; headline 100.00 → breakage 50.00. (L = R = 0 after.)
    paid: { binary: { 0: "50.00" } },
    breakage: { binary: "50.00" },
  },
  {
    ...none("weak leg: maxPaired caps the paired volume paid"),
    plan: plan(weakLeg("0.10", { cap: { maxPaired: "250" } })),
    periods: [T3(own(0, 100), own(1, 300), own(2, 400))],
    // A: P = min(300, 400) = 300, paid min(300, 250) = 250 → 25.00; headline 30.00 → breakage 5.00.
    paid: { binary: { 0: "25.00" } },
    breakage: { binary: "5.00" },
  },
  // ---- qualification ----
  {
    ...none("unqualified without an active personally sponsored member on the right: nothing paid, breakage"),
    plan: plan(weakLeg("0.10")),
    // C is placed on A's right but sponsored by B.
    periods: [at([-1, 0, 0], [0, 0, 1], [-1, 0, 1], [own(0, 100), own(1, 300), own(2, 200)])],
    // A: L = 300, R = 200: P = 200 → she would earn 20.00; no member she sponsors is on her right → breakage 20.00.
    paid: { binary: {} },
    breakage: { binary: "20.00" },
  },
  {
    ...none("an unqualified member's legs carry over whole and pay once she qualifies"),
    plan: plan(weakLeg("0.10")),
    periods: [
      at([-1, 0, 0], [0, 0, 1], [-1, 0, 1], [own(0, 100), own(1, 300), own(2, 200)]),
      // D=3 joins, sponsored by A, placed on C's left (A's right leg). C orders nothing (inactive).
      at([-1, 0, 0, 2], [0, 0, 1, 0], [-1, 0, 1, 0], [own(0, 100), own(1, 100), own(3, 100)]),
    ],
    // Period 0: A unqualified; nothing pairs: L 300, R 200 carried (she is active: no flush).
    // Period 1: A: L = 300 + 100 = 400, R = 200 + (C 0 + D 100) = 300: P = 300 → 30.00; qualified (B left, D right, both active).
    // C: L = 100 (D), R = 0: P = 0. Headline 30.00.
    paid: { binary: { 0: "30.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("an inactive member earns nothing and her carryover is flushed"),
    plan: plan(weakLeg("0.10")),
    periods: [T3(own(1, 300), own(2, 200)), T3(own(0, 100), own(1, 100), own(2, 100))],
    // Period 0: A (PV 0) inactive: would earn 0.10 × 200 = 20.00 (breakage); her legs are flushed.
    // Period 1: L = 100, R = 100: P = 100 → 10.00.
    paid: { binary: { 0: "10.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("flushWhenInactive false: an inactive member's legs carry over"),
    plan: plan(weakLeg("0.10", { carryover: { flushWhenInactive: false } })),
    periods: [T3(own(1, 300), own(2, 200)), T3(own(0, 100), own(1, 100), own(2, 100))],
    // Period 0: A inactive: nothing paid, nothing paired: L 300, R 200 carried.
    // Period 1: L = 400, R = 300: P = 300 → 30.00.
    paid: { binary: { 0: "30.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("qualification.active false: an inactive member is paid (then flushed)"),
    plan: plan(weakLeg("0.10", { qualification: { active: false } })),
    periods: [T3(own(1, 300), own(2, 200))],
    // A: P = 200 → 20.00.
    paid: { binary: { 0: "20.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("sponsoredEachSide false: a member who sponsored no one is paid"),
    plan: plan(weakLeg("0.10", { qualification: { sponsoredEachSide: false } })),
    periods: [at([-1, 0, 0], [0, 0, 1], [-1, -1, -1], [own(0, 100), own(1, 300), own(2, 200)])],
    // A sponsored neither B nor C. P = 200 → 20.00.
    paid: { binary: { 0: "20.00" } },
    breakage: { binary: "0.00" },
  },
  // ---- carryover rules ----
  {
    ...none("carryover cap: each leg carries at most 150"),
    plan: plan(weakLeg("0.10", { carryover: { cap: "150" } })),
    periods: [T3(own(0, 100), own(1, 500), own(2, 200)), T3(own(0, 100), own(1, 100), own(2, 400))],
    // Period 0: P = 200 → 20.00; L 300 left, cut to 150.
    // Period 1: L = 150 + 100 = 250, R = 0 + 400 = 400: P = 250 → 25.00 (without the cap: L = 400 → 40.00).
    paid: { binary: { 0: "25.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("flushAfterPeriods 2: no cycle for two periods flushes the legs"),
    plan: plan(cycles200("20.00", { carryover: { flushAfterPeriods: 2 } }), "0"),
    periods: [T3(own(1, 1000)), T3(), T3(own(2, 1000))],
    // Period 0: L 1,000, R 0: no cycle (1 period without). Period 1: no volume, no cycle (2) → legs flushed, count restarts.
    // Period 2: L = 0, R = 1,000: no cycle → 0.00.
    paid: { binary: {} },
    breakage: { binary: "0.00" },
  },
  {
    ...none("flushAfterPeriods 3: the same volume survives two idle periods"),
    plan: plan(cycles200("20.00", { carryover: { flushAfterPeriods: 3 } }), "0"),
    periods: [T3(own(1, 1000)), T3(), T3(own(2, 1000))],
    // Periods 0 and 1 without a cycle (count 2 < 3). Period 2: L = 1,000, R = 1,000: 5 cycles → 100.00.
    paid: { binary: { 0: "100.00" } },
    breakage: { binary: "0.00" },
  },
  // ---- the placement tree ----
  {
    ...none("a quit member keeps her position: her placement downline's volume flows up through it"),
    plan: plan(weakLeg("0.10"), "0"),
    // B=1 quit; D=3 (placed on B's left) rolled up to A in the sponsor tree.
    periods: [at([-1, 0, 0, 1], [0, 0, 1, 0], [-1, 0, 0, 0], [own(2, 300), own(3, 200)], [true, false, true, true])],
    // A: L = B's position: 0 + D 200 = 200, R = C 300: P = 200 → 20.00 (qualified: D left, C right, both sponsored by A).
    // B earns nothing (she quit). Headline 20.00 (current members only).
    paid: { binary: { 0: "20.00" } },
    breakage: { binary: "0.00" },
  },
  {
    ...none("deep legs: volume from every depth counts"),
    plan: plan(weakLeg("0.10"), "0"),
    // A=0; B=1 left of A; C=2 right of A; D=3 right of B; E=4 left of D; F=5 right of C. All sponsored by A.
    periods: [at([-1, 0, 0, 1, 3, 2], [0, 0, 1, 1, 0, 1], [-1, 0, 0, 0, 0, 0], [own(1, 10), own(3, 20), own(4, 40), own(2, 5), own(5, 100)])],
    // A: L = B 10 + D 20 + E 40 = 70, R = C 5 + F 100 = 105: P = 70 → 7.00.
    // B: L = 0, R = D 20 + E 40 = 60: 0. D: L = 40, R = 0: 0. C: L = 0, R = 100: 0.
    paid: { binary: { 0: "7.00" } },
    breakage: { binary: "0.00" },
  },

  // ---- first cycle 2:1 either way, then 1:1; payByRank without a base ----
  ...firstCycleCases(),
];

/** Cycles of 100:100 at $10.00, the first one 200:100 either way; minPv 0 (everyone active). */
function firstCycleCases(): SpecCase[] {
  const twoToOne = plan({ pay: { kind: "cycles", left: "100", right: "100", value: "10.00", firstCycle: { larger: "200", smaller: "100" } } }, "0");
  return [
    {
      ...none("first cycle 2:1: left 200, right 100 pays one cycle (the left gives the 200)"),
      plan: twoToOne,
      periods: [T3(own(1, 200), own(2, 100))],
      // A: L 200 ≥ R 100, so the left gives 200 and the right 100: 1 + min(floor(0/100), floor(0/100)) = 1 cycle = 10.00.
      // (At 1:1 alone she would have 1 cycle too; the next case shows the difference.)
      paid: { binary: { 0: "10.00" } },
      breakage: { binary: "0.00" },
    },
    {
      ...none("first cycle 2:1 either way: left 100, right 200 pays one cycle (the right gives the 200)"),
      plan: twoToOne,
      periods: [T3(own(1, 100), own(2, 200))],
      paid: { binary: { 0: "10.00" } },
      breakage: { binary: "0.00" },
    },
    {
      ...none("first cycle 2:1: left 150, right 150 pays nothing (1:1 would pay a cycle), and both legs carry"),
      plan: twoToOne,
      periods: [T3(own(1, 150), own(2, 150)), T3(own(1, 50))],
      // Period 0: max(150, 150) < 200: no first cycle, n = 0; L 150 and R 150 carry.
      // Period 1: L = 150 + 50 = 200, R = 150: the left gives 200, the right 100: 1 + min(0, floor(50/100)) = 1 cycle = 10.00.
      paid: { binary: { 0: "10.00" } },
      breakage: { binary: "0.00" },
    },
    {
      ...none("after the first cycle, cycles are 1:1, in the same period and later ones"),
      plan: twoToOne,
      periods: [T3(own(1, 500), own(2, 300)), T3(own(2, 100))],
      // Period 0: the left gives 200, the right 100; then L 300, R 200 left: 1 + min(3, 2) = 3 cycles = 30.00;
      //   L carries 500 − 200 − 2 × 100 = 100, R 300 − 100 − 2 × 100 = 0.
      // Period 1: L = 100, R = 0 + 100: 1:1 now, 1 cycle = 10.00.
      paid: { binary: { 0: "10.00" } },
      breakage: { binary: "0.00" },
    },
    {
      ...none("payByRank without a base: a member below every listed rank is not qualified and her legs carry"),
      plan: plan({ pay: { kind: "cycles", left: "100", right: "100" }, payByRank: [{ rank: "Silver", value: "12.00" }] }, "0", [{ name: "Silver", pv: "100" }]),
      periods: [T3(own(0, 50), own(1, 300), own(2, 200)), T3(own(0, 100))],
      // Period 0: A (PV 50) holds no rank: not qualified; her cycles pay 0 at her rank (headline 0) and nothing pairs:
      //   L 300, R 200 carry.
      // Period 1: A is Silver (PV 100): L 300, R 200: 2 cycles × 12.00 = 24.00.
      paid: { binary: { 0: "24.00" } },
      breakage: { binary: "0.00" },
      ranks: { 0: "Silver" },
    },
  ];
}
