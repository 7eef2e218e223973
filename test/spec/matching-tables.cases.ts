/**
 * Hand-computed cases of the matching bonus with rate tables (by the
 * earner's rank, by generation), cascading matches, exact inputs and
 * conditions between earner and matched member. Amounts in major units; the
 * arithmetic is in the comments.
 */
import type { PlanInput } from "../../src/index.js";
import { cust, own, ownQv, type SpecCase } from "./cases.js";

/** Ranks by personal QV: S 1, G 2, D 3 (QV-only orders set them). */
const SGD = [
  { name: "S", pv: "1" },
  { name: "G", pv: "2" },
  { name: "D", pv: "3" },
];

/**
 * The plan in small: a differential (S 19%, G 19%, D 21%, the buyer excluded) and a
 * match by the earner's rank (S 20%, G 15%, D 10%) of the differential's exact amounts,
 * only where the earner's differential rate is no higher than the matched member's.
 */
const cascadePlan = (cascade: boolean): PlanInput => ({
  activity: { minPv: "0" },
  ranks: SGD,
  components: [
    { type: "differential", name: "differential", includeOwn: false, rate: { byRank: [{ rank: "S", rate: "0.19" }, { rank: "G", rate: "0.19" }, { rank: "D", rate: "0.21" }] } },
    {
      type: "matching",
      name: "match",
      components: ["differential"],
      on: "exact",
      cascade,
      rates: [{ byRank: [{ rank: "S", rate: "0.20" }, { rank: "G", rate: "0.15" }, { rank: "D", rate: "0.10" }] }],
      qualification: { active: false, compare: [{ value: "differential.rate", earner: "atMost" }] },
    },
  ],
});

export const MATCHING_TABLE_CASES: readonly SpecCase[] = [
  {
    name: "worked example: purchaser → C (21%) → B (19%, match 20%) → A (19%, match 15%) on $100: C 21.00, B 4.20, A 0.63 (cascading)",
    plan: cascadePlan(true),
    // A = 0 (G), B = 1 (S), C = 2 (D), the purchaser 3 (no rank) buys 100 CV.
    uplines: [-1, 0, 1, 2],
    orders: [ownQv(0, 0, 2), ownQv(1, 0, 1), ownQv(2, 0, 3), ownQv(3, 100, 0)],
    // differential: C 0.21 × 100 = 21.00; B's and A's 19% are not above 21%: nothing.
    // match, bottom-up: C's 21.00 → B (generation 1; 19% ≤ 21% ✓) earns 0.20 × 21.00 = 4.20.
    //   B's differential 0 + her own match 4.20 → A (19% ≤ 19% ✓) earns 0.15 × 4.20 = 0.63.
    paid: { differential: { 2: "21.00" }, match: { 1: "4.20", 0: "0.63" } },
    // match headline: each existing upline at the table's largest rate, 0.20: 0.20 × 21.00 + 0.20 × 4.20 = 5.04;
    // paid 4.83; breakage 0.21.
    breakage: { differential: "0.00", match: "0.21" },
    ranks: { 0: "G", 1: "S", 2: "D" },
  },
  {
    name: "the same without cascading: A matches only what B earned from the differential (nothing)",
    plan: cascadePlan(false),
    uplines: [-1, 0, 1, 2],
    orders: [ownQv(0, 0, 2), ownQv(1, 0, 1), ownQv(2, 0, 3), ownQv(3, 100, 0)],
    // B: 0.20 × 21.00 = 4.20. A: B earned 0 from the differential: nothing.
    paid: { differential: { 2: "21.00" }, match: { 1: "4.20" } },
    // Headline 0.20 × 21.00 = 4.20, all paid.
    breakage: { differential: "0.00", match: "0.00" },
  },
  {
    name: "the rate condition: an earner whose differential rate is above the matched member's does not match her",
    plan: cascadePlan(true),
    // As the worked example, but A holds D (21%), above B's 19%.
    uplines: [-1, 0, 1, 2],
    orders: [ownQv(0, 0, 3), ownQv(1, 0, 1), ownQv(2, 0, 3), ownQv(3, 100, 0)],
    // differential: C 21.00; B nothing; A: 21% is not above the 21% paid: nothing.
    // match: B (19% ≤ 21%) 0.20 × 21.00 = 4.20. A (21% ≤ 19%? no): nothing.
    paid: { differential: { 2: "21.00" }, match: { 1: "4.20" } },
    // Headline 0.20 × 21.00 + 0.20 × 4.20 = 5.04; paid 4.20; breakage 0.84.
    breakage: { differential: "0.00", match: "0.84" },
  },
  {
    name: 'on: "exact": half cents matched before rounding (three 0.005s matched at 100% pay 0.02; on what was paid, nothing)',
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "R1", pv: "0.1" }],
      components: [
        { type: "differential", name: "differential", rate: { byRank: [{ rank: "R1", rate: "0.05" }] } },
        { type: "matching", name: "exact", components: ["differential"], on: "exact", rates: ["1"] },
        { type: "matching", name: "paid", components: ["differential"], rates: ["1"] },
      ],
    },
    // 0 (no order) has frontline 1, 2, 3, each ordering 0.10 (R1, 5%).
    uplines: [-1, 0, 0, 0],
    orders: [own(1, 0.1), own(2, 0.1), own(3, 0.1)],
    // differential: each earns 0.05 × 0.10 = 0.005 → 0.00 (half-even); 0 has no rank (rate 0).
    // exact: 0 matches 1.00 × (0.005 × 3) = 0.015 → 0.02 (half-even, once). paid: 1.00 × (0 + 0 + 0) = 0.
    paid: { differential: {}, exact: { 0: "0.02" }, paid: {} },
    // differential headline 0.05 × 0.30 = 0.015 → 0.02, breakage 0.02; exact headline 0.015 → 0.02, all paid.
    breakage: { differential: "0.02", exact: "0.00", paid: "0.00" },
  },
  {
    name: "rates by the earner's rank and by generation",
    plan: {
      activity: { minPv: "0" },
      ranks: SGD,
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        {
          type: "matching",
          name: "match",
          components: ["retail"],
          rates: [{ byRank: [{ rank: "S", rate: "0.10" }, { rank: "G", rate: "0.20" }] }, { byRank: [{ rank: "G", rate: "0.05" }] }],
        },
      ],
    },
    // 0 (G) ← 1 (S) ← 2, whose customer orders 200 (retail 100.00).
    uplines: [-1, 0, 1],
    orders: [ownQv(0, 0, 2), ownQv(1, 0, 1), cust(2, 7, 200)],
    // Generation 1 of 2 is 1 (S): 0.10 × 100 = 10.00. Generation 2 is 0 (G): 0.05 × 100 = 5.00.
    paid: { retail: { 2: "100.00" }, match: { 1: "10.00", 0: "5.00" } },
    // Headline: the largest rate of each generation: 0.20 × 100 + 0.05 × 100 = 25.00; paid 15.00; breakage 10.00.
    breakage: { retail: "0.00", match: "10.00" },
  },
  {
    name: "a rank condition: an earner matches only members of a rank no higher than hers",
    plan: {
      activity: { minPv: "0" },
      ranks: SGD,
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        { type: "matching", name: "match", components: ["retail"], rates: ["0.10"], qualification: { compare: [{ value: "rank", earner: "atLeast" }] } },
      ],
    },
    // 0 (S) has frontline 1 (G, retail 100.00) and 2 (S, retail 50.00); customers' orders carry no QV.
    uplines: [-1, 0, 0],
    orders: [ownQv(0, 0, 1), ownQv(1, 0, 2), { ...cust(1, 7, 200), qv: 0 }, ownQv(2, 0, 1), { ...cust(2, 8, 100), qv: 0 }],
    // 0 (S) vs 1 (G): S ≥ G fails: nothing. 0 vs 2 (S): S ≥ S ✓: 0.10 × 50.00 = 5.00.
    paid: { retail: { 1: "100.00", 2: "50.00" }, match: { 0: "5.00" } },
    // Headline 0.10 × 150 = 15.00; paid 5.00; breakage 10.00.
    breakage: { retail: "0.00", match: "10.00" },
    ranks: { 0: "S", 1: "G", 2: "S" },
  },
];
