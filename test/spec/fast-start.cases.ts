/**
 * Fast start, hand-computed. Amounts in major units; the arithmetic in the comments.
 * Multi-period cases are paid period 0, 1, ...; the expectations are of the last period.
 */
import type { PlanInput } from "../../src/index.js";
import { cust, own, type SpecCase, type SpecPeriod } from "./cases.js";

/** Young Living style: 25% to the enroller, 10% to the enroller's enroller, for 3 months. */
const youngLiving = (extra: Record<string, unknown> = {}, minPv = "0"): PlanInput => ({
  activity: { minPv },
  components: [{ type: "fastStart", rates: ["0.25", "0.10"], periods: 3, ...extra }],
});

// A=0 sponsored B=1, B sponsored C=2, C sponsored D=3. A, B and C joined long ago; D joins in period 0.
const CHAIN = [-1, 0, 1, 2];
const CHAIN_JOINS = [-24, -12, -6, 0];
/** D orders 100.00 CV in each period. */
const dOrders100: SpecPeriod = { uplines: CHAIN, joinPeriods: CHAIN_JOINS, orders: [own(3, 100)] };

export const FAST_START_CASES: readonly SpecCase[] = [
  {
    name: "Young Living 25%/10% for 3 months: D's first period pays C 25.00 and B 10.00",
    plan: youngLiving(),
    uplines: CHAIN,
    joinPeriods: CHAIN_JOINS,
    orders: [own(3, 100)],
    // Period 0, D joined in period 0: 0 − 0 = 0 < 3, new.
    // C (level 1) 0.25 × 100 = 25.00; B (level 2) 0.10 × 100 = 10.00. A (level 3): no rate.
    paid: { fastStart: { 2: "25.00", 1: "10.00" } },
    // Headline 0.35 × 100 = 35.00, all paid.
    breakage: { fastStart: "0.00" },
  },
  {
    name: "Young Living 25%/10% for 3 months: D's third period (period 2) still pays",
    plan: youngLiving(),
    uplines: [],
    orders: [],
    periods: [dOrders100, dOrders100, dOrders100],
    // Period 2: 2 − 0 = 2 < 3, her third period: C 0.25 × 100 = 25.00, B 0.10 × 100 = 10.00.
    paid: { fastStart: { 2: "25.00", 1: "10.00" } },
    breakage: { fastStart: "0.00" },
  },
  {
    name: "Young Living 25%/10% for 3 months: D's fourth period (period 3) pays nothing",
    plan: youngLiving(),
    uplines: [],
    orders: [],
    periods: [dOrders100, dOrders100, dOrders100, dOrders100],
    // Period 3: 3 − 0 = 3, not < 3: D is no longer new. Nothing is due, so no breakage either.
    paid: { fastStart: {} },
    breakage: { fastStart: "0.00" },
  },
  {
    name: "volume pv (default): the recruit's customers' orders count",
    plan: youngLiving(),
    uplines: CHAIN,
    joinPeriods: CHAIN_JOINS,
    // D orders 100.00 herself; her customer 9 orders 50.00.
    orders: [own(3, 100), cust(3, 9, 50)],
    // D's PV 150.00: C 0.25 × 150 = 37.50; B 0.10 × 150 = 15.00.
    paid: { fastStart: { 2: "37.50", 1: "15.00" } },
    breakage: { fastStart: "0.00" },
  },
  {
    name: "volume own: only the recruit's own orders count, and her customers' are not due (no breakage)",
    plan: youngLiving({ volume: "own" }),
    uplines: CHAIN,
    joinPeriods: CHAIN_JOINS,
    orders: [own(3, 100), cust(3, 9, 50)],
    // Own orders 100.00: C 25.00; B 10.00. The customer's 50.00 is outside the bonus, so outside the headline.
    paid: { fastStart: { 2: "25.00", 1: "10.00" } },
    breakage: { fastStart: "0.00" },
  },
  {
    name: "older members' orders pay nothing; a level above the top of the tree is breakage",
    plan: youngLiving(),
    // A=0 at the top joined in period −5; B=1 under A joins in period 0.
    uplines: [-1, 0],
    joinPeriods: [-5, 0],
    orders: [own(0, 200), own(1, 80)],
    // A: 0 − (−5) = 5 ≥ 3, not new: nothing due.
    // B: new; A (level 1) 0.25 × 80 = 20.00; level 2 does not exist: 0.10 × 80 = 8.00 breakage.
    paid: { fastStart: { 0: "20.00" } },
    // Headline 0.35 × 80 = 28.00; paid 20.00; breakage 8.00.
    breakage: { fastStart: "8.00" },
  },
  {
    name: "qualification.active: an inactive enroller's share is breakage, no compression (B keeps level 2)",
    plan: youngLiving({ qualification: { active: true } }, "100"),
    uplines: CHAIN,
    joinPeriods: CHAIN_JOINS,
    // B orders 100 (active); C orders nothing (inactive); D orders 100.
    orders: [own(1, 100), own(3, 100)],
    // D's 100: C level 1 inactive → 25.00 breakage; B level 2 active → 10.00 (not moved up to level 1).
    // B's own 100: B is not new (−12).
    paid: { fastStart: { 1: "10.00" } },
    // Headline 35.00; paid 10.00; breakage 25.00.
    breakage: { fastStart: "25.00" },
    active: [1, 3],
  },
  {
    name: "without qualification.active an inactive enroller is paid",
    plan: youngLiving({}, "100"),
    uplines: CHAIN,
    joinPeriods: CHAIN_JOINS,
    orders: [own(1, 100), own(3, 100)],
    // C (inactive) 25.00; B 10.00.
    paid: { fastStart: { 2: "25.00", 1: "10.00" } },
    breakage: { fastStart: "0.00" },
    active: [1, 3],
  },
  {
    name: "a quitter's recruit pays her current upline (after roll-up) as level 1",
    plan: youngLiving(),
    // C=2 quit; D=3 rolled up to B=1.
    uplines: [-1, 0, 1, 1],
    alive: [true, true, false, true],
    joinPeriods: CHAIN_JOINS,
    orders: [own(3, 100)],
    // D's 100: B level 1 → 25.00; A level 2 → 10.00.
    paid: { fastStart: { 1: "25.00", 0: "10.00" } },
    breakage: { fastStart: "0.00" },
  },
  {
    name: "four levels, several recruits: each upline's exact sum is rounded once",
    plan: { activity: { minPv: "0" }, components: [{ type: "fastStart", rates: ["0.05", "0.04", "0.03", "0.02"], periods: 1 }] },
    // 0 ← 1 ← 2 ← 3 ← 4, and 5 under 3. 4 and 5 join in period 0; the others long ago.
    uplines: [-1, 0, 1, 2, 3, 3],
    joinPeriods: [-9, -9, -9, -9, 0, 0],
    orders: [own(4, 10.1), own(5, 10.1), own(2, 500)],
    // 4's 10.10: 3 gets 0.505, 2 gets 0.404, 1 gets 0.303, 0 gets 0.202.
    // 5's 10.10: the same: 3 +0.505, 2 +0.404, 1 +0.303, 0 +0.202.
    // 3: 1.01 → 1.01; 2: 0.808 → 0.81; 1: 0.606 → 0.61; 0: 0.404 → 0.40. (2's 500 is not new.)
    paid: { fastStart: { 3: "1.01", 2: "0.81", 1: "0.61", 0: "0.40" } },
    // Headline 0.14 × 20.20 = 2.828 → 2.83; paid 1.01 + 0.81 + 0.61 + 0.40 = 2.83; breakage 0.00.
    breakage: { fastStart: "0.00" },
  },
  {
    name: "half-even: two enrollers each on a half cent; the headline's residue is breakage",
    plan: { activity: { minPv: "0" }, components: [{ type: "fastStart", rates: ["0.05"], periods: 2 }] },
    // 0 ← 1; 2 under 0 and 3 under 1, both new.
    uplines: [-1, 0, 0, 1],
    joinPeriods: [-3, -3, 0, 0],
    orders: [own(2, 10.1), own(3, 10.1)],
    // 0: 0.05 × 10.10 = 0.505 → 0.50; 1: 0.505 → 0.50 (half to even).
    paid: { fastStart: { 0: "0.50", 1: "0.50" } },
    // Headline 0.05 × 20.20 = 1.01 (rounded once); paid 1.00; breakage 0.01.
    breakage: { fastStart: "0.01" },
  },
  {
    name: "a growing network: periods 2 counts the join period as the first",
    plan: { activity: { minPv: "0" }, components: [{ type: "fastStart", rates: ["0.20"], periods: 2 }] },
    uplines: [],
    orders: [],
    // A=0 (joined −5); B=1 joins in period 0 under A; C=2 in period 1 under B; D=3 in period 2 under B.
    periods: [
      { uplines: [-1, 0], joinPeriods: [-5, 0], orders: [own(1, 10)] },
      { uplines: [-1, 0, 1], joinPeriods: [-5, 0, 1], orders: [own(1, 10), own(2, 10)] },
      { uplines: [-1, 0, 1, 1], joinPeriods: [-5, 0, 1, 2], orders: [] },
      { uplines: [-1, 0, 1, 1], joinPeriods: [-5, 0, 1, 2], orders: [own(0, 100), own(1, 100), own(2, 100), own(3, 100)] },
    ],
    // Period 3: A 3 − (−5) = 8, B 3 − 0 = 3, C 3 − 1 = 2: none < 2. D 3 − 2 = 1 < 2: her second period.
    // D's 100: B 0.20 × 100 = 20.00.
    paid: { fastStart: { 1: "20.00" } },
    breakage: { fastStart: "0.00" },
  },
];
