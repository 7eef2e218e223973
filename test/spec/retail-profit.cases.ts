/**
 * Retail profit: hand-computed cases, run on both engines by retail-profit.test.ts.
 * Amounts in major units; the arithmetic is in the comments.
 */
import type { ComponentInput, OrderRecord, PlanInput } from "../../src/index.js";
import type { SpecCase } from "./cases.js";
import { sale } from "./affiliate.cases.js";

const own = (member: number, amount: number): OrderRecord => ({ member, customer: -1, price: Math.round(amount * 100), cv: Math.round(amount * 100) });

// A=0 at the top; B=1 under A; C=2 under B; D=3 under A.
const TREE = [-1, 0, 1, 0];

const plan = (settings: Omit<ComponentInput<"retailProfit">, "type">, minPv = "0"): PlanInput => ({
  activity: { minPv },
  components: [{ type: "retailProfit", ...settings }],
});

export const RETAIL_PROFIT_CASES: readonly SpecCase[] = [
  {
    name: "buys at 75% of the price, sells at the price: 25% of each customer order is her profit",
    plan: plan({ discount: "0.25" }),
    uplines: TREE,
    orders: [
      // C's customer pays 100.00 (CV 80.00); C bought the product at 0.75 × 100.00 = 75.00.
      sale(2, 10, 100, 80, -4),
      // C's own order: no profit (a saving, not income).
      own(2, 100),
      // D's two customers pay 40.00 and 60.00.
      sale(3, 11, 40, 30),
      sale(3, 12, 60, 50, -1),
    ],
    // C: 100.00 − 75.00 = 0.25 × 100.00 = 25.00. D: 0.25 × (40.00 + 60.00) = 25.00. Uplines earn nothing.
    paid: { retailProfit: { 2: "25.00", 3: "25.00" } },
    // Headline = what the customers' orders yield, all paid: 0.25 × 200.00 = 50.00; no breakage.
    breakage: { retailProfit: "0.00" },
  },
  {
    name: "a wholesale discount of 20%: a 49.90 retail sale earns 9.98, on the price, not the CV",
    plan: plan({ discount: "0.20" }),
    uplines: TREE,
    orders: [sale(1, 20, 49.9, 30)],
    // B: 0.20 × 49.90 = 9.98 (the CV, 30.00, plays no part).
    paid: { retailProfit: { 1: "9.98" } },
    breakage: { retailProfit: "0.00" },
  },
  {
    name: "qualification.active: an inactive distributor's profit is breakage",
    plan: plan({ discount: "0.25", qualification: { active: true } }, "100"),
    uplines: TREE,
    orders: [
      // C: PV 80.00 (her customer's CV) < 100 → inactive; her customer paid 100.00.
      sale(2, 10, 100, 80, -4),
      // B: own 100.00 + customer CV 50.00 = PV 150.00 → active; her customer paid 60.00.
      own(1, 100),
      sale(1, 11, 60, 50, -2),
    ],
    // C: 0.25 × 100.00 = 25.00 → breakage. B: 0.25 × 60.00 = 15.00.
    paid: { retailProfit: { 1: "15.00" } },
    // Headline 0.25 × 160.00 = 40.00; paid 15.00; breakage 25.00.
    breakage: { retailProfit: "25.00" },
    active: [1],
  },
  {
    name: "without qualification.active (the default) an inactive distributor keeps her profit",
    plan: plan({ discount: "0.25" }, "100"),
    uplines: TREE,
    orders: [sale(2, 10, 100, 80, -4)],
    // C: 0.25 × 100.00 = 25.00 though inactive (PV 80.00).
    paid: { retailProfit: { 2: "25.00" } },
    breakage: { retailProfit: "0.00" },
    active: [],
  },
  {
    name: "each distributor is rounded once: 0.25 × 10.10 = 2.525 → 2.52 (half-even); the residue is breakage",
    plan: plan({ discount: "0.25" }),
    uplines: TREE,
    orders: [sale(2, 30, 10.1, 10.1), sale(3, 31, 10.1, 10.1)],
    // C: 2.525 → 2.52; D: 2.525 → 2.52.
    paid: { retailProfit: { 2: "2.52", 3: "2.52" } },
    // Headline 0.25 × 20.20 = 5.05; paid 5.04; residue 0.01.
    breakage: { retailProfit: "0.01" },
  },
  {
    name: "half-up rounding: 0.30 × 33.35 = 10.005 → 10.01",
    plan: { rounding: "halfUp", activity: { minPv: "0" }, components: [{ type: "retailProfit", discount: "0.30" }] },
    uplines: TREE,
    orders: [sale(3, 40, 33.35, 20)],
    paid: { retailProfit: { 3: "10.01" } },
    // Headline 10.005 → 10.01 = paid.
    breakage: { retailProfit: "0.00" },
  },
  {
    name: "a discount of 0 earns nothing; own orders only earn nothing",
    plan: plan({ discount: "0" }),
    uplines: TREE,
    orders: [sale(2, 10, 100, 80), own(1, 50)],
    paid: { retailProfit: {} },
    breakage: { retailProfit: "0.00" },
  },
];
