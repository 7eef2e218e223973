/**
 * Forced matrix, hand-computed. Amounts in major units; the arithmetic in the comments.
 *
 * The spec runner's case type has no placement tree yet, so each case gives its
 * one period through `periods` (the runner hands a period's fields, placement
 * included, to networkFromRecords as they are).
 */
import type { PlanInput } from "../../src/index.js";
import { own, type SpecCase, type SpecPeriod } from "./cases.js";

/** A spec period with a placement tree, as networkFromRecords takes it. */
interface PlacedPeriod extends SpecPeriod {
  readonly placement: { width: number; parent: readonly number[]; slot: readonly number[] };
}

/** The period of a case, carrying its placement tree through the runner. */
const placed = (p: PlacedPeriod): readonly SpecPeriod[] => [p];

/** A 3-wide matrix paying 10% on level 1 and 5% on level 2 (a 3×2 matrix). */
const matrix3x2 = (minPv = "0", extra: Record<string, unknown> = {}): PlanInput => ({
  activity: { minPv },
  components: [{ type: "matrix", width: 3, rates: ["0.10", "0.05"], ...extra }],
});

// The 3×2 matrix filled breadth-first (slots left to right), 13 positions:
//
//                           0
//            ┌──────────────┼──────────────┐
//            1              2              3
//        ┌───┼───┐      ┌───┼───┐      ┌───┼────┐
//        4   5   6      7   8   9     10  11   12
//
// 0 sponsored everyone; spillover placed them. The sponsor tree plays no part in the matrix.
const PARENTS_3X2 = [-1, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
const SLOTS_3X2 = [0, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2];
const SPONSORED_BY_0 = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 0));
const FULL_3X2 = { width: 3, parent: PARENTS_3X2, slot: SLOTS_3X2 };
// The same matrix with member 13 placed under 4 (slot 0): on level 3 below 0, past the matrix's depth 2.
const DEEPER = { width: 3, parent: [...PARENTS_3X2, 4], slot: [...SLOTS_3X2, 0] };

export const MATRIX_CASES: readonly SpecCase[] = [
  {
    name: "3×2 matrix 10%/5% filled breadth-first: level 1 is the placement parent, level 2 hers",
    plan: matrix3x2(),
    uplines: [],
    orders: [],
    periods: placed({ uplines: SPONSORED_BY_0(13), placement: FULL_3X2, orders: [own(4, 100), own(7, 50), own(12, 20), own(1, 40), own(0, 10)] }),
    // 4's 100: 1 (level 1) 0.10 × 100 = 10.00; 0 (level 2) 0.05 × 100 = 5.00.
    // 7's 50:  2 (level 1) 5.00;  0 (level 2) 2.50.
    // 12's 20: 3 (level 1) 2.00;  0 (level 2) 1.00.
    // 1's 40:  0 (level 1) 4.00;  level 2 above the top → 0.05 × 40 = 2.00 breakage.
    // 0's 10:  nobody above → 0.15 × 10 = 1.50 breakage.
    // 0 = 5.00 + 2.50 + 1.00 + 4.00 = 12.50.
    paid: { matrix: { 0: "12.50", 1: "10.00", 2: "5.00", 3: "2.00" } },
    // Headline 0.15 × (100 + 50 + 20 + 40 + 10) = 0.15 × 220 = 33.00; paid 29.50; breakage 2.00 + 1.50 = 3.50.
    breakage: { matrix: "3.50" },
  },
  {
    name: "a member who quit keeps her position: her downline's volume flows through it, she earns nothing",
    plan: matrix3x2(),
    uplines: [],
    orders: [],
    // 1 has quit (her sponsor 0 is current, so nobody needs rolling up); she stays at her position under 0.
    periods: placed({
      uplines: SPONSORED_BY_0(13),
      alive: [true, false, ...Array<boolean>(11).fill(true)],
      placement: FULL_3X2,
      orders: [own(4, 100), own(5, 60)],
    }),
    // 4's 100: 1 (level 1) has quit → 10.00 breakage; 0 (level 2, through 1's position) → 5.00.
    // 5's 60:  1 (level 1) quit → 6.00 breakage; 0 (level 2) → 3.00.
    // No compression: 0 stays on level 2 and is not paid 1's level-1 rate.
    paid: { matrix: { 0: "8.00" } },
    // Headline 0.15 × 160 = 24.00; paid 8.00; breakage 16.00.
    breakage: { matrix: "16.00" },
    active: [0, ...Array.from({ length: 11 }, (_, i) => i + 2)],
  },
  {
    name: "a member who quit earns nothing even when the matrix does not require activity",
    plan: matrix3x2("0", { qualification: { active: false } }),
    uplines: [],
    orders: [],
    periods: placed({
      uplines: SPONSORED_BY_0(13),
      alive: [true, false, ...Array<boolean>(11).fill(true)],
      placement: FULL_3X2,
      orders: [own(4, 100), own(5, 60)],
    }),
    // As above: a quitter is no distributor, so 1's level-1 shares 10.00 + 6.00 are breakage; 0 gets 5.00 + 3.00.
    paid: { matrix: { 0: "8.00" } },
    breakage: { matrix: "16.00" },
  },
  {
    name: "volume below depth D pays nothing: an order three levels under 0 pays levels 1 and 2 only",
    plan: matrix3x2(),
    uplines: [],
    orders: [],
    periods: placed({ uplines: SPONSORED_BY_0(14), placement: DEEPER, orders: [own(13, 100)] }),
    // 13's 100: 4 (level 1) 10.00; 1 (level 2) 5.00; 0 is level 3, past the matrix's depth: no rate, nothing due.
    paid: { matrix: { 4: "10.00", 1: "5.00" } },
    // Headline 0.15 × 100 = 15.00, all paid: the volume below depth 2 was never due to 0, so no breakage.
    breakage: { matrix: "0.00" },
  },
  {
    name: "qualification.active (default): an inactive position holder's level is breakage, no compression",
    // Active at 50 PV.
    plan: matrix3x2("50"),
    uplines: [],
    orders: [],
    // 0 orders 50 (active); 2 orders nothing (inactive); 7 orders 100 (active); 8 orders 30 (inactive, her volume still pays up).
    periods: placed({ uplines: SPONSORED_BY_0(13), placement: FULL_3X2, orders: [own(0, 50), own(7, 100), own(8, 30)] }),
    // 7's 100: 2 (level 1) inactive → 10.00 breakage; 0 (level 2) → 5.00.
    // 8's 30:  2 (level 1) inactive → 3.00 breakage; 0 (level 2) → 1.50.
    // 0's 50:  nobody above → 0.15 × 50 = 7.50 breakage.
    // 0 stays on level 2 (a level is a position): 5.00 + 1.50 = 6.50.
    paid: { matrix: { 0: "6.50" } },
    // Headline 0.15 × 180 = 27.00; paid 6.50; breakage 10.00 + 3.00 + 7.50 = 20.50.
    breakage: { matrix: "20.50" },
    active: [0, 7],
  },
  {
    name: "qualification.active false: an inactive position holder is paid her level",
    plan: matrix3x2("50", { qualification: { active: false } }),
    uplines: [],
    orders: [],
    periods: placed({ uplines: SPONSORED_BY_0(13), placement: FULL_3X2, orders: [own(0, 50), own(7, 100), own(8, 30)] }),
    // 7's 100: 2 → 10.00; 0 → 5.00. 8's 30: 2 → 3.00; 0 → 1.50. 0's 50: 7.50 breakage.
    paid: { matrix: { 0: "6.50", 2: "13.00" } },
    // Headline 27.00; paid 19.50; breakage 7.50.
    breakage: { matrix: "7.50" },
    active: [0, 7],
  },
  {
    name: "payable depth by paid-as rank: beyond her depth a position holder's level is breakage",
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "Silver", gv: "400" }],
      components: [{ type: "matrix", width: 3, rates: ["0.10", "0.05", "0.02"], depth: { base: 1, byRank: [{ rank: "Silver", levels: 3 }] } }],
    },
    uplines: [],
    orders: [],
    // The matrix with 13 under 4. 0 sponsored everyone, so her GV is the period's 400.00: Silver (depth 3); nobody else ranks (depth 1).
    periods: placed({ uplines: SPONSORED_BY_0(14), placement: DEEPER, orders: [own(13, 100), own(4, 300)] }),
    // 13's 100: 4 (level 1, depth 1) → 10.00; 1 (level 2, depth 1) → 5.00 breakage; 0 (level 3, Silver) → 2.00.
    // 4's 300:  1 (level 1) → 30.00; 0 (level 2, Silver) → 15.00; level 3 above the top → 6.00 breakage.
    paid: { matrix: { 4: "10.00", 1: "30.00", 0: "17.00" } },
    // Headline 0.17 × 400 = 68.00; paid 57.00; breakage 5.00 + 6.00 = 11.00.
    breakage: { matrix: "11.00" },
    ranks: { 0: "Silver" },
  },
];
