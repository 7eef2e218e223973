/**
 * Hand-computed cases of the stairstep differential with breakaway (type
 * "stairstep"). Amounts in major units; the arithmetic is in the comments.
 *
 * The definition follows the common stairstep rule ("going upline, each
 * representative is paid the maximum percentage she could be paid minus the
 * percentages already paid on the order", sylvina.com/blog "Stair-Step") and
 * Amway's performance bonus (a 21% group breaks away; its sponsor earns a 4%
 * leadership bonus on it instead, amwaywiki.com "Leadership_Bonus").
 */
import type { ComponentInput, PlanInput } from "../../src/index.js";
import { own, cust, type SpecCase } from "./cases.js";

/** Ranks by PV alone, so a member's rank reads off her own orders: R1 100, R2 200, R3 300, R4 400. */
const PV_LADDER = [
  { name: "R1", pv: "100" },
  { name: "R2", pv: "200" },
  { name: "R3", pv: "300" },
  { name: "R4", pv: "400" },
];

/** The public worked example's rates: 5% per rank step. */
const FIVE_PER_STEP = [
  { rank: "R1", rate: "0.05" },
  { rank: "R2", rate: "0.10" },
  { rank: "R3", rate: "0.15" },
  { rank: "R4", rate: "0.20" },
];

/** 5/10/15/20%, breakaway at R4 with 4% and 2% on two generations; minPv 0: every current member is active. */
const planWith = (component: Omit<ComponentInput<"stairstep">, "type">, ranks: PlanInput["ranks"] = PV_LADDER): PlanInput => ({
  activity: { minPv: "0" },
  ranks,
  components: [{ type: "stairstep", ...component }],
});
const BREAKAWAY = { rates: FIVE_PER_STEP, breakaway: { rank: "R4", generations: ["0.04", "0.02"] } };

export const STAIRSTEP_CASES: readonly SpecCase[] = [
  // ---- The public worked example: 5% per rank step, breakaway at rank 4 --------------------------
  {
    name: "worked example: a rank-3 distributor earns 15% on her own volume and 15% − 5% = 10% on a rank-1 downline's",
    plan: planWith(BREAKAWAY),
    // 0 (PV 300: R3) sponsored 1 (PV 100: R1).
    uplines: [-1, 0],
    orders: [own(0, 300), own(1, 100)],
    // 1's 100: 1 earns her own 0.05 × 100 = 5.00; 0 earns (0.15 − 0.05) × 100 = 10.00.
    // 0's 300: 0 earns 0.15 × 300 = 45.00. 0 = 45.00 + 10.00 = 55.00.
    paid: { stairstep: { 0: "55.00", 1: "5.00" } },
    // Headline (0.20 + 0.04 + 0.02) × 400 = 104.00; paid 60.00; breakage 44.00
    // (no R4 on the way: 5% of the differential and both generations of every order).
    breakage: { stairstep: "44.00" },
    ranks: { 0: "R3", 1: "R1" },
  },
  {
    name: "worked example: when the downline reaches rank 2 (10%), the rank-3 upline earns 5% on her volume",
    plan: planWith(BREAKAWAY),
    uplines: [-1, 0],
    orders: [own(0, 300), own(1, 200)],
    // 1's 200: 1 earns 0.10 × 200 = 20.00; 0 earns (0.15 − 0.10) × 200 = 10.00. 0's 300: 45.00. 0 = 55.00.
    paid: { stairstep: { 0: "55.00", 1: "20.00" } },
    // Headline 0.26 × 500 = 130.00; paid 75.00; breakage 55.00.
    breakage: { stairstep: "55.00" },
    ranks: { 0: "R3", 1: "R2" },
  },
  {
    name: "worked example: when the downline reaches rank 3, the rank-3 upline earns 0% on her volume",
    plan: planWith(BREAKAWAY),
    uplines: [-1, 0],
    orders: [own(0, 300), own(1, 300)],
    // 1's 300: 1 earns 0.15 × 300 = 45.00; 0's rate 0.15 is not above the 0.15 already paid: nothing.
    // 0's 300: 45.00.
    paid: { stairstep: { 0: "45.00", 1: "45.00" } },
    // Headline 0.26 × 600 = 156.00; paid 90.00; breakage 66.00.
    breakage: { stairstep: "66.00" },
    ranks: { 0: "R3", 1: "R3" },
  },

  // ---- The differential ----------------------------------------------------------------------------
  {
    name: "differential up a chain: members with no rank are passed over; paid on an order = the highest rate on its way up",
    plan: planWith({ rates: FIVE_PER_STEP }),
    // Chain 0 ← 1 ← 2 ← 3 ← 4. PV: 0 400 (R4, 20%), 1 50 (none, 0%), 2 200 (R2, 10%), 3 100 (R1, 5%), 4 80 (none).
    uplines: [-1, 0, 1, 2, 3],
    orders: [own(0, 400), own(1, 50), own(2, 200), own(3, 100), own(4, 80)],
    // 4's 80:  4 rate 0 → nothing; 3 (5%) 0.05 × 80 = 4.00; 2 (10%) 0.05 × 80 = 4.00; 1 (0%) nothing; 0 (20%) 0.10 × 80 = 8.00.
    // 3's 100: 3 own 0.05 × 100 = 5.00; 2 0.05 × 100 = 5.00; 1 nothing; 0 0.10 × 100 = 10.00.
    // 2's 200: 2 own 0.10 × 200 = 20.00; 1 nothing; 0 0.10 × 200 = 20.00.
    // 1's 50:  1 own rate 0 → nothing; 0 0.20 × 50 = 10.00.
    // 0's 400: 0 own 0.20 × 400 = 80.00.
    // 0 = 8 + 10 + 20 + 10 + 80 = 128.00; 2 = 4 + 5 + 20 = 29.00; 3 = 4 + 5 = 9.00.
    paid: { stairstep: { 0: "128.00", 2: "29.00", 3: "9.00" } },
    // No breakaway: headline 0.20 × 830 = 166.00; every order reaches the 20% of 0, so all of it is paid.
    breakage: { stairstep: "0.00" },
    ranks: { 0: "R4", 2: "R2", 3: "R1" },
  },
  {
    name: "a rank with no listed rate takes the rate of the highest listed rank below it (R1 none → 0%, R3 → R2's 10%)",
    plan: planWith({ rates: [{ rank: "R2", rate: "0.10" }, { rank: "R4", rate: "0.20" }] }),
    // 0 (PV 300: R3) ← 1 (PV 100: R1) ← 2's customer orders 150 for 2 (PV 150: R1).
    uplines: [-1, 0, 1],
    orders: [own(0, 300), own(1, 100), cust(2, 9, 150)],
    // 2's 150 (a customer's order counts as 2's volume): 2 and 1 rate 0; 0 (R3 → 10%) 0.10 × 150 = 15.00.
    // 1's 100: 0 earns 0.10 × 100 = 10.00. 0's 300: 0.10 × 300 = 30.00. 0 = 55.00.
    paid: { stairstep: { 0: "55.00" } },
    // Headline 0.20 × 550 = 110.00; paid 55.00; breakage 55.00.
    breakage: { stairstep: "55.00" },
  },
  {
    name: "equal rates on two ranks: the higher rank earns no differential over the lower",
    plan: planWith({ rates: [{ rank: "R1", rate: "0.05" }, { rank: "R2", rate: "0.05" }, { rank: "R3", rate: "0.12" }] }),
    // 0 (PV 200: R2) ← 1 (PV 100: R1).
    uplines: [-1, 0],
    orders: [own(0, 200), own(1, 100)],
    // 1's 100: 1 own 0.05 × 100 = 5.00; 0's 0.05 is not above 0.05: nothing. 0's 200: 0.05 × 200 = 10.00.
    paid: { stairstep: { 0: "10.00", 1: "5.00" } },
    // Headline: top rate 0.12 × 300 = 36.00; paid 15.00; breakage 21.00.
    breakage: { stairstep: "21.00" },
  },

  // ---- Breakaway -----------------------------------------------------------------------------------
  {
    name: "breakaway: an R4 member's volume leaves her uplines' differential; R4 uplines earn 4% and 2% on two generations",
    plan: planWith(BREAKAWAY),
    // Chain 0 ← 1 ← 2 ← 3 ← 4 ← 5. PV: 0 400 (R4), 1 100 (R1), 2 400 (R4), 3 200 (R2), 4 400 (R4), 5 50 (none).
    uplines: [-1, 0, 1, 2, 3, 4],
    orders: [own(0, 400), own(1, 100), own(2, 400), own(3, 200), own(4, 400), own(5, 50)],
    // 5's 50:  5 rate 0; 4 (20%) 0.20 × 50 = 10.00 and it breaks away at 4 (generation 0).
    //          Above 4: 3 (R2) no differential, no generation; 2 (R4) generation 1: 0.04 × 50 = 2.00;
    //          1 (R1) passed over; 0 (R4) generation 2: 0.02 × 50 = 1.00.
    // 4's 400: 4 own 0.20 × 400 = 80.00, breaks away at 4; 2 gen 1 0.04 × 400 = 16.00; 0 gen 2 0.02 × 400 = 8.00.
    // 3's 200: 3 own 0.10 × 200 = 20.00; 2 (20%) 0.10 × 200 = 20.00, breaks away at 2; 1 passed over; 0 gen 1 0.04 × 200 = 8.00;
    //          no third R4 above: generation 2 (0.02 × 200 = 4.00) is breakage.
    // 2's 400: 2 own 80.00, breaks away; 0 gen 1 0.04 × 400 = 16.00; gen 2 (8.00) breakage.
    // 1's 100: 1 own 0.05 × 100 = 5.00; 0 (20%) 0.15 × 100 = 15.00, breaks away at 0; both generations (6.00) breakage.
    // 0's 400: 0 own 80.00; both generations (24.00) breakage.
    // 0 = 1 + 8 + 8 + 16 + 15 + 80 = 128.00; 1 = 5.00; 2 = 2 + 16 + 20 + 80 = 118.00; 3 = 20.00; 4 = 10 + 80 = 90.00.
    paid: { stairstep: { 0: "128.00", 1: "5.00", 2: "118.00", 3: "20.00", 4: "90.00" } },
    // Headline 0.26 × 1,550 = 403.00; paid 361.00; breakage 42.00 = 4 + 8 + 6 + 24.
    breakage: { stairstep: "42.00" },
    ranks: { 0: "R4", 1: "R1", 2: "R4", 3: "R2", 4: "R4" },
  },
  {
    name: "breakaway: generations count R4 members only, and stop after the last generation rate",
    plan: planWith({ rates: FIVE_PER_STEP, breakaway: { rank: "R4", generations: ["0.03"] } }),
    // 0 (R4) ← 1 (R4) ← 2 (R3) ← 3 (R4); 4 (R2) under 3. PV: 0 400, 1 400, 2 300, 3 400, 4 200.
    uplines: [-1, 0, 1, 2, 3],
    orders: [own(0, 400), own(1, 400), own(2, 300), own(3, 400), own(4, 200)],
    // 4's 200: 4 own 0.10 × 200 = 20.00; 3 0.10 × 200 = 20.00, breaks away; 2 (R3) passed over; 1 gen 1 0.03 × 200 = 6.00;
    //          0 would be generation 2: there is none.
    // 3's 400: 3 own 80.00; 1 gen 1 0.03 × 400 = 12.00.
    // 2's 300: 2 own 0.15 × 300 = 45.00; 1 (20%) 0.05 × 300 = 15.00, breaks away; 0 gen 1 0.03 × 300 = 9.00.
    // 1's 400: 1 own 80.00; 0 gen 1 0.03 × 400 = 12.00.
    // 0's 400: 0 own 80.00; generation 1 has nobody: 12.00 breakage.
    // 0 = 9 + 12 + 80 = 101.00; 1 = 6 + 12 + 15 + 80 = 113.00; 2 = 45.00; 3 = 20 + 80 = 100.00; 4 = 20.00.
    paid: { stairstep: { 0: "101.00", 1: "113.00", 2: "45.00", 3: "100.00", 4: "20.00" } },
    // Headline (0.20 + 0.03) × 1,700 = 391.00; paid 379.00; breakage 12.00.
    breakage: { stairstep: "12.00" },
    ranks: { 0: "R4", 1: "R4", 2: "R3", 3: "R4", 4: "R2" },
  },
  {
    name: "breakaway at a rank below the top: a higher-rank upline above a breakaway earns no differential on it",
    // Breakaway at R3; rates up to R4. Generation 1 pays 0.05.
    plan: planWith({ rates: FIVE_PER_STEP, breakaway: { rank: "R3", generations: ["0.05"] } }),
    // 0 (PV 400: R4) ← 1 (PV 300: R3) ← 2 (PV 100: R1).
    uplines: [-1, 0, 1],
    orders: [own(0, 400), own(1, 300), own(2, 100)],
    // 2's 100: 2 own 5.00; 1 (15%) 0.10 × 100 = 10.00, breaks away at 1 (R3); 0 (R4 ≥ R3) gen 1 0.05 × 100 = 5.00 —
    //          not the 5% differential 20% − 15% it would have earned without the breakaway (same amount here, other rule).
    // 1's 300: 1 own 0.15 × 300 = 45.00, breaks away; 0 gen 1 0.05 × 300 = 15.00.
    // 0's 400: 0 own 0.20 × 400 = 80.00; generation 1 nobody: 20.00 breakage.
    // 0 = 5 + 15 + 80 = 100.00; 1 = 10 + 45 = 55.00; 2 = 5.00.
    paid: { stairstep: { 0: "100.00", 1: "55.00", 2: "5.00" } },
    // Headline (0.20 + 0.05) × 800 = 200.00; paid 160.00; breakage 40.00:
    // 2's order: 25.00 − 20.00 = 5.00 (the 20% − 15% step above the breakaway); 1's: 75 − 60 = 15.00; 0's: 20.00.
    breakage: { stairstep: "40.00" },
  },
  {
    name: "rank GV stays the whole downline: an upline qualifies on a broken-away leg she earns no differential on",
    plan: planWith(BREAKAWAY, [
      { name: "R1", pv: "100" },
      { name: "R2", pv: "100", gv: "300" },
      { name: "R3", pv: "100", gv: "1000" },
      { name: "R4", pv: "400", gv: "1000" },
    ]),
    // 0 (PV 100) ← 1 (PV 400) ← 2 (PV 600).
    uplines: [-1, 0, 1],
    orders: [own(0, 100), own(1, 400), own(2, 600)],
    // Ranks: 2: GV 600 → R2 (not R3: GV < 1,000). 1: PV 400, GV 1,000 → R4.
    //        0: PV 100, GV 1,100 (the whole downline, 1's broken-away group included) → R3.
    // 2's 600: 2 own 0.10 × 600 = 60.00; 1 (20%) 0.10 × 600 = 60.00, breaks away at 1; 0 is R3, below the breakaway rank: nothing.
    // 1's 400: 1 own 0.20 × 400 = 80.00, breaks away; 0 nothing.
    // 0's 100: 0 own 0.15 × 100 = 15.00.
    paid: { stairstep: { 0: "15.00", 1: "140.00", 2: "60.00" } },
    // Headline 0.26 × 1,100 = 286.00; paid 215.00; breakage 71.00.
    breakage: { stairstep: "71.00" },
    ranks: { 0: "R3", 1: "R4", 2: "R2" },
    volumes: { 0: ["100.00", "1100.00", "1000.00", 1], 1: ["400.00", "1000.00", "600.00", 1] },
  },
  {
    name: "a member who quit is skipped: her downline was rolled up, and the differential is paid over her",
    plan: planWith(BREAKAWAY),
    // 0 (R3) sponsored 1, 1 sponsored 2 (R1); 1 has quit, so 2 is rolled up to 0.
    uplines: [-1, 0, 0],
    alive: [true, false, true],
    orders: [own(0, 300), own(2, 100)],
    // 2's 100: 2 own 5.00; 0 (15%) 0.10 × 100 = 10.00. 0's 300: 45.00.
    paid: { stairstep: { 0: "55.00", 2: "5.00" } },
    // Headline 0.26 × 400 = 104.00; paid 60.00; breakage 44.00.
    breakage: { stairstep: "44.00" },
  },
  {
    name: "half-even rounding once per payee on the sum of her differentials",
    plan: planWith({ rates: [{ rank: "R1", rate: "0.05" }, { rank: "R2", rate: "0.10" }] }, [
      { name: "R1", pv: "10" },
      { name: "R2", pv: "20" },
    ]),
    // 0 (PV 30.30: R2) has frontline 1 and 2 (PV 10.10 each: R1).
    uplines: [-1, 0, 0],
    orders: [own(0, 30.3), own(1, 10.1), own(2, 10.1)],
    // 1: 0.05 × 10.10 = 0.505 → 0.50 (half to even); 2: the same.
    // 0: 0.10 × 30.30 + 0.05 × 10.10 + 0.05 × 10.10 = 3.03 + 0.505 + 0.505 = 4.04 exactly (per order it would round to 4.03).
    paid: { stairstep: { 0: "4.04", 1: "0.50", 2: "0.50" } },
    // Headline 0.10 × 50.50 = 5.05; paid 5.04; breakage 0.01 (the two half cents rounded away).
    breakage: { stairstep: "0.01" },
  },
];
