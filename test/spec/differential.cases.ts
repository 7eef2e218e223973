/**
 * Hand-computed cases of the differential from a rate table (type
 * "differential"). Amounts in major units; the arithmetic is in the comments.
 *
 * Ranks are set with QV-only orders (`ownQv(m, 0, q)`: no CV, so they pay
 * nothing), so that who holds which rate reads off the ladder.
 *
 * The rule pays only the positive excess over the highest rate already paid
 * on the volume ("going upline, each representative is paid the maximum
 * percentage she could be paid minus the percentages already paid on the
 * order", sylvina.com/blog "Stair-Step"), so rates need not rise with rank.
 */
import type { ComponentInput, PlanInput } from "../../src/index.js";
import { own, ownQv, type SpecCase } from "./cases.js";

/** Ranks by personal QV: A 1, B 2, C 3, D 4 (an own QV-only order of k makes rank k). */
const ABCD = [
  { name: "A", pv: "1" },
  { name: "B", pv: "2" },
  { name: "C", pv: "3" },
  { name: "D", pv: "4" },
];
const plan = (component: Omit<ComponentInput<"differential">, "type">, ranks: PlanInput["ranks"] = ABCD, extra: Partial<PlanInput> = {}): PlanInput => ({
  activity: { minPv: "0" },
  ranks,
  components: [{ type: "differential", name: "differential", ...component }],
  ...extra,
});
const byRank = (...rates: [string, string][]) => ({ byRank: rates.map(([rank, rate]) => ({ rank, rate })) });
const CHAIN_10_15_19_21 = byRank(["A", "0.10"], ["B", "0.15"], ["C", "0.19"], ["D", "0.21"]);

/** Ranks S (QV 50) and G (QV 150); lines by leg share on CV, her downline only. */
const LINES_PLAN = (rate: ComponentInput<"differential">["rate"]): PlanInput => ({
  activity: { minPv: "0" },
  measures: [{ name: "lines", kind: "qualifiedLines", shares: ["0.3", "0.2"], volume: { kind: "cv", includeOwn: false } }],
  ranks: [
    { name: "S", pv: "50" },
    { name: "G", pv: "150" },
  ],
  components: [{ type: "differential", name: "differential", includeOwn: false, rate }],
});
const RANK_BY_LINES = { byRank: [{ rank: "S", rates: ["0", "0.05", "0.08"] }, { rank: "G", rates: ["0", "0", "0.10", "0.12"] }], column: "lines" };

export const DIFFERENTIAL_CASES: readonly SpecCase[] = [
  {
    name: "worked example: a 10/15/19/21% chain above a $100 order pays 10/5/4/2 (the buyer earns nothing on her own order)",
    plan: plan({ rate: CHAIN_10_15_19_21, includeOwn: false }),
    // 0 (D, 21%) ← 1 (C, 19%) ← 2 (B, 15%) ← 3 (A, 10%) ← 4, the buyer (no rank), orders 100 CV.
    uplines: [-1, 0, 1, 2, 3],
    orders: [ownQv(0, 0, 4), ownQv(1, 0, 3), ownQv(2, 0, 2), ownQv(3, 0, 1), ownQv(4, 100, 0)],
    // The walk starts at 4's upline. 3: 0.10 × 100 = 10.00; 2: (0.15 − 0.10) × 100 = 5.00;
    // 1: (0.19 − 0.15) × 100 = 4.00; 0: (0.21 − 0.19) × 100 = 2.00.
    paid: { differential: { 3: "10.00", 2: "5.00", 1: "4.00", 0: "2.00" } },
    // Headline: the table's largest rate 0.21 × 100 = 21.00, all paid.
    breakage: { differential: "0.00" },
    ranks: { 0: "D", 1: "C", 2: "B", 3: "A" },
  },
  {
    name: "includeOwn (default): the buyer's own rate comes first, and the uplines earn only what exceeds it",
    plan: plan({ rate: CHAIN_10_15_19_21 }),
    // As above, but the buyer 4 holds B (15%): an extra QV-only order of 2.
    uplines: [-1, 0, 1, 2, 3],
    orders: [ownQv(0, 0, 4), ownQv(1, 0, 3), ownQv(2, 0, 2), ownQv(3, 0, 1), ownQv(4, 100, 0), ownQv(4, 0, 2)],
    // 4: 0.15 × 100 = 15.00; 3 (10%) and 2 (15%) nothing (not above 15%); 1: 0.04 × 100 = 4.00; 0: 0.02 × 100 = 2.00.
    paid: { differential: { 4: "15.00", 1: "4.00", 0: "2.00" } },
    breakage: { differential: "0.00" },
  },
  {
    name: "rates need not rise with rank: a lower rate above a higher one earns nothing and does not lower what counts as paid",
    // R1 5%, R2 20%, R3 10%: a rank above pays less.
    plan: plan({ rate: byRank(["R1", "0.05"], ["R2", "0.20"], ["R3", "0.10"]), includeOwn: false }, [
      { name: "R1", pv: "1" },
      { name: "R2", pv: "2" },
      { name: "R3", pv: "3" },
    ]),
    // 0 (R3, 10%) ← 1 (R2, 20%) ← 2 (R1, 5%) ← 3 buys 100.
    uplines: [-1, 0, 1, 2],
    orders: [ownQv(0, 0, 3), ownQv(1, 0, 2), ownQv(2, 0, 1), ownQv(3, 100, 0)],
    // 2: 0.05 × 100 = 5.00; 1: (0.20 − 0.05) × 100 = 15.00; 0: 0.10 is not above 0.20: nothing.
    paid: { differential: { 2: "5.00", 1: "15.00" } },
    // Headline 0.20 × 100 = 20.00, all paid.
    breakage: { differential: "0.00" },
  },
  {
    name: "rate table by rank × qualified lines (zeros allowed), unlimited depth, the buyer excluded",
    plan: LINES_PLAN(RANK_BY_LINES),
    // 0 (G: QV-only 150) has frontline 1, 2, 3, 5; 1 has frontline 4.
    // CV: 1 100, 4 100, 2 120, 3 70, 5 10. Ranks: 1, 2, 3, 4 S (≥ 50); 5 none; 0 G.
    uplines: [-1, 0, 0, 0, 1, 0],
    orders: [ownQv(0, 0, 150), own(1, 100), own(2, 120), own(3, 70), own(4, 100), own(5, 10)],
    // Lines of 0: legs 200 (1 + 4), 120, 70, 10; V = 400 (her downline). Line 1: 200. Line 2 needs
    // 0.3 × 400 = 120: leg 120 → 120 ✓. Line 3 needs 0.2 × 400 = 80: 70 + 10 = 80 ✓. 3 lines.
    // Lines of 1: one leg (4, 100): 1 line. Others: no legs.
    // Rates: 0 G[3] = 0.12; 1 S[1] = 0.05; 2, 3, 4 S[0] = 0; 5 base 0.
    // 4's 100: 1 earns 0.05 × 100 = 5.00; 0 (0.12 − 0.05) × 100 = 7.00.
    // 1's 100: 0 earns 12.00; 2's 120: 14.40; 3's 70: 8.40; 5's 10: 1.20. 0 = 7 + 12 + 14.40 + 8.40 + 1.20 = 43.00.
    paid: { differential: { 0: "43.00", 1: "5.00" } },
    // Headline 0.12 × 400 = 48.00, all paid.
    breakage: { differential: "0.00" },
    ranks: { 0: "G", 1: "S", 2: "S", 3: "S", 4: "S" },
    measures: { lines: { 0: 3, 1: 1 } },
  },
  {
    name: "a high rank with too few lines earns nothing (a zero cell): the volume above her is breakage",
    plan: LINES_PLAN(RANK_BY_LINES),
    // As above, with CV 2 20, 3 10, 5 10: 2, 3 and 5 hold no rank.
    uplines: [-1, 0, 0, 0, 1, 0],
    orders: [ownQv(0, 0, 150), own(1, 100), own(2, 20), own(3, 10), own(4, 100), own(5, 10)],
    // Lines of 0: legs 200, 20, 10, 10; V = 240; line 2 needs 72: 20 + 10 + 10 = 40 < 72, legs run out: 1 line.
    // Rates: 0 G[1] = 0 (a zero cell); 1 S[1] = 0.05.
    // 4's 100: 1 earns 5.00; 0 earns nothing. Every other order reaches only 0: nothing.
    paid: { differential: { 1: "5.00" } },
    // Headline 0.12 × 240 = 28.80; paid 5.00; breakage 23.80.
    breakage: { differential: "23.80" },
    ranks: { 0: "G", 1: "S", 4: "S" },
    measures: { lines: { 0: 1, 1: 1 } },
  },
  {
    name: "limited depth by rank: an upline beyond her depth is passed over and her rate does not count as paid",
    // R1 5%, R2 10%, R3 15%; payable depth 1 level, R3 3 levels.
    plan: plan({ rate: byRank(["R1", "0.05"], ["R2", "0.10"], ["R3", "0.15"]), includeOwn: false, depth: { base: 1, byRank: [{ rank: "R3", levels: 3 }] } }, [
      { name: "R1", pv: "1" },
      { name: "R2", pv: "2" },
      { name: "R3", pv: "3" },
    ]),
    // 0 (R3) ← 1 (R3) ← 2 (R2) ← 3 (R1) ← 4 buys 100.
    uplines: [-1, 0, 1, 2, 3],
    orders: [ownQv(0, 0, 3), ownQv(1, 0, 3), ownQv(2, 0, 2), ownQv(3, 0, 1), ownQv(4, 100, 0)],
    // 3 is 1 level above 4 (depth 1 ✓): 0.05 × 100 = 5.00. 2 is 2 levels above (depth 1 ✗): passed over.
    // 1 is 3 levels above (R3: depth 3 ✓): (0.15 − 0.05) × 100 = 10.00. 0 is 4 levels above (✗).
    // (Unlimited, 2 would earn 5.00 and 1 5.00.)
    paid: { differential: { 3: "5.00", 1: "10.00" } },
    // Headline 0.15 × 100 = 15.00, all paid.
    breakage: { differential: "0.00" },
  },
  {
    name: 'basis "qv": the rates apply to QV (an order of 100 CV and 50 QV pays on 50)',
    plan: plan({ rate: byRank(["R1", "0.05"], ["R2", "0.10"]), basis: "qv" }, [
      { name: "R1", pv: "50" },
      { name: "R2", pv: "200" },
    ]),
    // 0 (QV 200: R2) ← 1 (CV 100, QV 50: R1).
    uplines: [-1, 0],
    orders: [ownQv(0, 0, 200), ownQv(1, 100, 50)],
    // 1's 50 QV: 1 earns 0.05 × 50 = 2.50; 0 (0.10 − 0.05) × 50 = 2.50. 0's 200 QV: 0.10 × 200 = 20.00. 0 = 22.50.
    paid: { differential: { 0: "22.50", 1: "2.50" } },
    // Headline 0.10 × 250 = 25.00, all paid.
    breakage: { differential: "0.00" },
  },
  {
    name: 'basis "cv" (default) on the same network: the rates apply to CV',
    plan: plan({ rate: byRank(["R1", "0.05"], ["R2", "0.10"]) }, [
      { name: "R1", pv: "50" },
      { name: "R2", pv: "200" },
    ]),
    uplines: [-1, 0],
    orders: [ownQv(0, 0, 200), ownQv(1, 100, 50)],
    // 1's 100 CV: 1 earns 5.00; 0 (0.10 − 0.05) × 100 = 5.00. 0's order has no CV.
    paid: { differential: { 0: "5.00", 1: "5.00" } },
    // Headline 0.10 × 100 = 10.00, all paid.
    breakage: { differential: "0.00" },
  },
  {
    name: "qualification.active: an inactive member's rate is 0 (the next active upline earns the whole excess)",
    plan: plan(
      { rate: byRank(["R1", "0.05"], ["R2", "0.10"]), includeOwn: false, qualification: { active: true } },
      [
        { name: "R1", pv: "50", active: false },
        { name: "R2", pv: "200", active: false },
      ],
      { activity: { minPv: "100" } },
    ),
    // 0 (QV 200: R2, active) ← 1 (QV 50: R1, inactive) ← 2 buys 100 CV (no QV).
    uplines: [-1, 0, 1],
    orders: [ownQv(0, 0, 200), ownQv(1, 0, 50), ownQv(2, 100, 0)],
    // 1 is inactive: rate 0. 0: 0.10 × 100 = 10.00.
    paid: { differential: { 0: "10.00" } },
    breakage: { differential: "0.00" },
    active: [0],
  },
  {
    name: "half-even rounding once per payee on the sum of her differentials",
    plan: plan({ rate: byRank(["R1", "0.05"], ["R2", "0.10"]) }, [
      { name: "R1", pv: "10" },
      { name: "R2", pv: "20" },
    ]),
    // 0 (30.30: R2) has frontline 1 and 2 (10.10 each: R1).
    uplines: [-1, 0, 0],
    orders: [own(0, 30.3), own(1, 10.1), own(2, 10.1)],
    // 1: 0.05 × 10.10 = 0.505 → 0.50 (half to even); 2 the same.
    // 0: 0.10 × 30.30 + 0.05 × 10.10 × 2 = 3.03 + 1.01 = 4.04 exactly.
    paid: { differential: { 0: "4.04", 1: "0.50", 2: "0.50" } },
    // Headline 0.10 × 50.50 = 5.05; paid 5.04; breakage 0.01.
    breakage: { differential: "0.01" },
  },
];
