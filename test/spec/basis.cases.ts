/**
 * Hand-computed cases of `basis`: every component that pays on volume pays on
 * CV by default, and on QV with `basis: "qv"`. Orders here carry a QV unlike
 * their CV (CV 100, QV 40 and the like); amounts in major units, the
 * arithmetic in the comments.
 */
import type { PlanInput } from "../../src/index.js";
import { cust, ownQv, type SpecCase } from "./cases.js";

const plan = (component: PlanInput["components"][number], extra: Partial<PlanInput> = {}): PlanInput => ({ activity: { minPv: "0" }, ...extra, components: [component] });
const CHAIN = [-1, 0, 1];
/** 2 orders CV 100 / QV 40; 1 orders CV 50 / QV 80; 0 orders CV 0 / QV 10. */
const ORDERS = [ownQv(0, 0, 10), ownQv(1, 50, 80), ownQv(2, 100, 40)];

export const BASIS_CASES: readonly SpecCase[] = [
  {
    name: "unilevel on QV: 10% of 2's QV 40 to 1, 5% to 0; 10% of 1's QV 80 to 0",
    plan: plan({ type: "unilevel", rates: ["0.10", "0.05"], basis: "qv" }),
    uplines: CHAIN,
    orders: ORDERS,
    // 1: 0.10 × 40 = 4.00. 0: 0.05 × 40 + 0.10 × 80 = 2.00 + 8.00 = 10.00.
    paid: { unilevel: { 1: "4.00", 0: "10.00" } },
    // Headline 0.15 × (10 + 80 + 40) = 19.50; paid 14.00; breakage 5.50.
    breakage: { unilevel: "5.50" },
  },
  {
    name: "stairstep on QV",
    plan: plan({ type: "stairstep", rates: [{ rank: "R1", rate: "0.05" }, { rank: "R2", rate: "0.10" }], basis: "qv" }, { ranks: [{ name: "R1", pv: "40" }, { name: "R2", pv: "80" }] }),
    uplines: CHAIN,
    orders: ORDERS,
    // Ranks on QV: 2 R1 (40), 1 R2 (80), 0 none (10).
    // 2's QV 40: 2 earns 0.05 × 40 = 2.00, 1 (0.10 − 0.05) × 40 = 2.00. 1's QV 80: 1 earns 8.00. 0's 10: no rate.
    paid: { stairstep: { 2: "2.00", 1: "10.00" } },
    // Headline 0.10 × 130 = 13.00; paid 12.00; breakage 1.00.
    breakage: { stairstep: "1.00" },
  },
  {
    name: "generation on QV",
    plan: plan({ type: "generation", leaderRank: "L", rates: ["0.10", "0.05"], basis: "qv" }, { ranks: [{ name: "L", pv: "40" }] }),
    uplines: CHAIN,
    orders: ORDERS,
    // Leaders (QV ≥ 40): 1 (80) and 2 (40). 2's 40: 2 is the nearest leader herself (no generation 1 on her own);
    //   1 is the first leader above: 0.05 × 40 = 2.00. 1's 80: 1 herself; no leader above. 0's 10: 0 is no leader, none above.
    paid: { generation: { 1: "2.00" } },
    // Headline 0.15 × 130 = 19.50; paid 2.00; breakage 17.50.
    breakage: { generation: "17.50" },
  },
  {
    name: "customer commission on QV",
    plan: plan({ type: "customerCommission", rate: "0.20", basis: "qv" }),
    uplines: [-1],
    orders: [{ ...cust(0, 5, 100), qv: 70 * 100 }],
    // 0.20 × 70 = 14.00.
    paid: { customerCommission: { 0: "14.00" } },
    breakage: { customerCommission: "0.00" },
  },
  {
    name: "fast start on QV",
    plan: plan({ type: "fastStart", rates: ["0.25"], periods: 1, basis: "qv" }),
    uplines: CHAIN,
    orders: ORDERS,
    // All joined in period 0 (new): 1 earns 0.25 × 2's 40 = 10.00; 0 earns 0.25 × 1's 80 = 20.00; 0's 10 has no upline.
    paid: { fastStart: { 1: "10.00", 0: "20.00" } },
    // Headline 0.25 × 130 = 32.50; breakage 2.50.
    breakage: { fastStart: "2.50" },
  },
  {
    name: "pool on QV",
    plan: plan({ type: "pool", rate: "0.10", shares: [{ rank: "L", shares: 1 }], basis: "qv" }, { ranks: [{ name: "L", pv: "80" }] }),
    uplines: CHAIN,
    orders: ORDERS,
    // The pool: 0.10 × total QV 130 = 13.00, to the one Leader (1).
    paid: { pool: { 1: "13.00" } },
    breakage: { pool: "0.00" },
  },
  {
    name: "matrix on QV",
    plan: plan({ type: "matrix", width: 2, rates: ["0.10"], basis: "qv", qualification: { active: false } }),
    // Placement as the sponsor chain: 1 under 0, 2 under 1.
    uplines: CHAIN,
    orders: ORDERS,
    placement: { width: 2, parent: CHAIN, slot: [0, 0, 0] },
    // 1: 0.10 × 2's QV 40 = 4.00; 0: 0.10 × 1's 80 = 8.00.
    paid: { matrix: { 1: "4.00", 0: "8.00" } },
    // Headline 0.10 × 130 = 13.00; breakage 1.00 (0's 10 has no position above).
    breakage: { matrix: "1.00" },
  },
  {
    name: "binary weak leg on QV (on CV the weak leg would be 100)",
    plan: plan({ type: "binary", pay: { kind: "weakLeg", rate: "0.10" }, basis: "qv" }),
    // A = 0 sponsored and placed B = 1 (left, CV 100, QV 300) and C = 2 (right, CV 500, QV 200).
    uplines: [-1, 0, 0],
    orders: [ownQv(0, 0, 100), ownQv(1, 100, 300), ownQv(2, 500, 200)],
    placement: { width: 2, parent: [-1, 0, 0], slot: [0, 0, 1] },
    // A: L = 300, R = 200 (QV): 0.10 × 200 = 20.00.
    paid: { binary: { 0: "20.00" } },
    breakage: { binary: "0.00" },
  },
];
