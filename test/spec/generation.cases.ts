/**
 * Hand-computed cases of the generation bonus (type "generation"). Amounts in
 * major units; the arithmetic is in the comments.
 *
 * The definition follows the common one: a leader's generation 1 is her
 * downline "until it encounters another person at that rank" (themodeler.com,
 * "Generational Bonus"); each leader below starts the next generation "and
 * includes their entire team down to, but not including the next" leader
 * (payplan.merryvital.com, "Generation Commissions"). A leader's own PV is not
 * in her own generation 1.
 */
import type { ComponentInput, PlanInput } from "../../src/index.js";
import { own, cust, type SpecCase } from "./cases.js";

/** Ranks by PV alone: Bronze at 100, Gold (the leader rank) at 200. */
const LADDER = [
  { name: "Bronze", pv: "100" },
  { name: "Gold", pv: "200" },
];

const planWith = (component: Omit<ComponentInput<"generation">, "type" | "leaderRank"> & { leaderRank?: string }, minPv = "0"): PlanInput => ({
  activity: { minPv },
  ranks: LADDER,
  components: [{ type: "generation", leaderRank: "Gold", ...component }],
});

export const GENERATION_CASES: readonly SpecCase[] = [
  {
    name: "three generations: own group without own PV at 5%, the next leaders' groups at 3%, then 2%",
    plan: planWith({ rates: ["0.05", "0.03", "0.02"] }),
    // 0 ─┬─ 1 ── 3 ─┬─ 5 ── 7
    //    │          └─ 6 ── 8
    //    └─ 2 ── 4
    // PV: 0 200 (Gold), 1 100, 2 0, 3 200 (Gold), 4 80, 5 50, 6 300 (Gold), 7 40, 8 100. Leaders: 0, 3, 6.
    uplines: [-1, 0, 0, 1, 2, 3, 3, 5, 6],
    orders: [own(0, 200), own(1, 100), own(3, 200), own(4, 80), own(5, 50), own(6, 300), own(7, 40), own(8, 100)],
    // Groups (down to, not including, the next leader): 0: 200 + 100 + 0 + 80 = 380; 3: 200 + 50 + 40 = 290; 6: 300 + 100 = 400.
    // 0: gen 1 0.05 × (380 − 200) = 9.00; gen 2 (3's group) 0.03 × 290 = 8.70; gen 3 (6's group) 0.02 × 400 = 8.00 → 25.70.
    // 3: gen 1 0.05 × (290 − 200) = 4.50; gen 2 (6's group) 0.03 × 400 = 12.00 → 16.50.
    // 6: gen 1 0.05 × (400 − 300) = 5.00.
    // Order by order: 8's 100 → 6 5.00, 3 3.00, 0 2.00; 6's 300 → 3 9.00, 0 6.00 (6 nothing on her own);
    //   7's 40 → 3 2.00, 0 1.20; 5's 50 → 3 2.50, 0 1.50; 3's 200 → 0 6.00; 4's 80 → 0 4.00; 1's 100 → 0 5.00.
    //   0 = 2 + 6 + 1.2 + 1.5 + 6 + 4 + 5 = 25.70; 3 = 3 + 9 + 2 + 2.5 = 16.50.
    paid: { generation: { 0: "25.70", 3: "16.50", 6: "5.00" } },
    // Headline 0.10 × 1,070 = 107.00; paid 47.20; breakage 59.80
    // (= 6's 15.00 + 7's 0.80 + 5's 1.00 + 3's 14.00 + 4's 4.00 + 1's 5.00 + 0's 20.00).
    breakage: { generation: "59.80" },
    ranks: { 0: "Gold", 1: "Bronze", 3: "Gold", 6: "Gold", 8: "Bronze" },
  },
  {
    name: "non-leaders are passed over and end no generation; generations stop at the last rate; volume with no leader above is breakage",
    plan: planWith({ rates: ["0.10", "0.05"] }),
    // Chain 0 ← 1 ← 2 ← 3 ← 4, and apart 5 ← 6 (no leader in that tree).
    // PV: 0 200 (Gold), 1 200 (Gold), 2 150 (Bronze: not a leader), 3 200 (Gold), 4 30, 5 0, 6 70.
    uplines: [-1, 0, 1, 2, 3, -1, 5],
    orders: [own(0, 200), own(1, 200), own(2, 150), own(3, 200), own(4, 30), own(6, 70)],
    // 4's 30:  nearest leader 3 → 0.10 × 30 = 3.00; next leader above 3 (2 is no leader) is 1 → 0.05 × 30 = 1.50; 0 would be generation 3: no rate.
    // 3's 200: 3 is a leader: nothing for her; 1 → 0.05 × 200 = 10.00.
    // 2's 150: nearest leader 1 → 0.10 × 150 = 15.00; 0 → 0.05 × 150 = 7.50.
    // 1's 200: 0 → 0.05 × 200 = 10.00.
    // 0's 200: nothing. 6's 70: no leader at or above 6: nothing.
    // 0 = 7.50 + 10.00 = 17.50; 1 = 1.50 + 10.00 + 15.00 = 26.50; 3 = 3.00.
    paid: { generation: { 0: "17.50", 1: "26.50", 3: "3.00" } },
    // Headline 0.15 × 850 = 127.50; paid 47.00; breakage 80.50.
    breakage: { generation: "80.50" },
    ranks: { 0: "Gold", 1: "Gold", 2: "Bronze", 3: "Gold" },
  },
  {
    name: "a leader below the rank this period (inactive) heads no group: her group joins the one above",
    // Active at 100 PV; ranks need activity (the ladder's default).
    plan: planWith({ rates: ["0.10", "0.05"] }, "100"),
    uplines: [],
    orders: [],
    periods: [
      // Period 0: 0 ← 1 ← 2; 0 and 1 are Gold (1's title stays Gold).
      { uplines: [-1, 0, 1], orders: [own(0, 200), own(1, 200), cust(2, 9, 80)] },
      // Period 1: PV 0 200 (Gold), 1 50 (inactive: no paid-as rank, whatever her title), 2 80 (inactive).
      { uplines: [-1, 0, 1], orders: [own(0, 200), own(1, 50), cust(2, 9, 80)] },
    ],
    // Period 1 (the one checked):
    // 1's 50 and 2's 80 (a customer's order, 2's volume) are in 0's group: 0.10 × 130 = 13.00.
    paid: { generation: { 0: "13.00" } },
    // Headline 0.15 × 330 = 49.50; paid 13.00; breakage 36.50.
    breakage: { generation: "36.50" },
    active: [0],
    ranks: { 0: "Gold" },
  },
  {
    name: "two leaders side by side under one: generation 2 adds both groups; half-even once per payee",
    plan: planWith({ rates: ["0.05", "0.05"] }),
    // 0 (Gold) has frontline 1 and 2 (Gold each); 3 under 1, 4 under 2.
    // PV: 0 200, 1 200, 2 200, 3 10.10, 4 10.10.
    uplines: [-1, 0, 0, 1, 2],
    orders: [own(0, 200), own(1, 200), own(2, 200), own(3, 10.1), own(4, 10.1)],
    // 1: gen 1 0.05 × 10.10 = 0.505 → 0.50 (half to even); 2: the same.
    // 0: gen 1 nothing below her but leaders (group 200 − 200 = 0); gen 2: 0.05 × (210.10 + 210.10) = 0.05 × 420.20 = 21.01.
    paid: { generation: { 0: "21.01", 1: "0.50", 2: "0.50" } },
    // Headline 0.10 × 620.20 = 62.02; paid 22.01; breakage 40.01 (40.00 of leaders' own PV and tops, 0.01 of rounding).
    breakage: { generation: "40.01" },
  },
];
