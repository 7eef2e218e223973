/**
 * Affiliate tiers: hand-computed cases, run on both engines by affiliate.test.ts.
 * Amounts in major units; the arithmetic is in the comments. Single-period cases
 * are period 0, so a customer acquired n periods ago has `customerJoin: -n`.
 */
import type { ComponentInput, OrderRecord, PlanInput } from "../../src/index.js";
import type { SpecCase, SpecPeriod } from "./cases.js";

/** A customer's order credited to `member`: price and CV in major units, acquired in period `join` (default: now). */
export const sale = (member: number, customer: number, price: number, cv: number, join?: number): OrderRecord => ({
  member,
  customer,
  price: Math.round(price * 100),
  cv: Math.round(cv * 100),
  ...(join === undefined ? {} : { customerJoin: join }),
});
/** A distributor's own order, price = CV. */
const own = (member: number, amount: number): OrderRecord => ({ member, customer: -1, price: Math.round(amount * 100), cv: Math.round(amount * 100) });

// A=0 at the top; B=1 under A; C=2 under B; D=3 under A.
const TREE = [-1, 0, 1, 0];

const plan = (settings: Omit<ComponentInput<"affiliate">, "type">, minPv = "0"): PlanInput => ({
  activity: { minPv },
  components: [{ type: "affiliate", ...settings }],
});

/** The SaaS two-tier preset: 25% of referred customers' subscriptions for as long as they stay, 5% to the referrer's upline. */
const SAAS = { rates: ["0.25", "0.05"], mode: "recurring" } as const;
/** The high-ticket single-tier preset: 30% of a customer's first order, once. */
const HIGH_TICKET = { rates: ["0.30"], mode: "firstOrder" } as const;

const at = (orders: OrderRecord[], uplines = TREE): SpecPeriod => ({ uplines, orders });

export const AFFILIATE_CASES: readonly SpecCase[] = [
  {
    name: "SaaS two-tier preset (25% / 5% recurring, on the price): a 49.00 subscription pays 12.25 and 2.45 every month",
    plan: plan(SAAS),
    uplines: TREE,
    orders: [
      // C's customer 10, acquired 6 periods ago, renews 49.00 (CV 40.00: the price is what counts).
      sale(2, 10, 49, 40, -6),
      // B's new customer 11: her first 49.00.
      sale(1, 11, 49, 40),
      // A's customer 12, acquired last period, renews 99.00.
      sale(0, 12, 99, 80, -1),
      // C's own order pays nothing.
      own(2, 100),
    ],
    // Customer 10: C (level 1) 0.25 × 49.00 = 12.25; B (level 2, C's upline) 0.05 × 49.00 = 2.45.
    // Customer 11: B 0.25 × 49.00 = 12.25; A 0.05 × 49.00 = 2.45.
    // Customer 12: A 0.25 × 99.00 = 24.75; level 2: A has no upline → 0.05 × 99.00 = 4.95 breakage.
    // A = 2.45 + 24.75 = 27.20; B = 2.45 + 12.25 = 14.70; C = 12.25.
    paid: { affiliate: { 0: "27.20", 1: "14.70", 2: "12.25" } },
    // Headline 0.30 × (49 + 49 + 99) = 0.30 × 197.00 = 59.10; paid 54.15; breakage 4.95.
    breakage: { affiliate: "4.95" },
  },
  {
    name: "recurring: a customer acquired years ago still pays (residual for as long as she stays)",
    plan: plan({ rates: ["0.25"] }),
    uplines: TREE,
    // D's customer 13, acquired 60 periods ago, renews 20.00. mode defaults to "recurring".
    orders: [sale(3, 13, 20, 20, -60)],
    // D: 0.25 × 20.00 = 5.00.
    paid: { affiliate: { 3: "5.00" } },
    breakage: { affiliate: "0.00" },
  },
  {
    name: 'basis "cv": the rates apply to the order\'s CV instead of its price',
    plan: plan({ ...SAAS, basis: "cv" }),
    uplines: TREE,
    orders: [sale(2, 10, 49, 40, -6)],
    // C: 0.25 × 40.00 = 10.00; B: 0.05 × 40.00 = 2.00.
    paid: { affiliate: { 2: "10.00", 1: "2.00" } },
    // Headline 0.30 × 40.00 = 12.00, all paid.
    breakage: { affiliate: "0.00" },
  },
  {
    name: "high-ticket preset (30% of the first order, once): a 2,997.00 course pays 899.10; a renewal pays nothing and is no breakage",
    plan: plan(HIGH_TICKET),
    uplines: TREE,
    orders: [
      // D's new customer 20 buys the 2,997.00 course (CV 2,000.00; the price counts).
      sale(3, 20, 2997, 2000),
      // D's customer 21, acquired last period, renews a 97.00 membership: not a first order.
      sale(3, 21, 97, 97, -1),
      // B's new customer 22: a 1,500.00 first order.
      sale(1, 22, 1500, 1000),
    ],
    // D: 0.30 × 2,997.00 = 899.10; customer 21's renewal: nothing. B: 0.30 × 1,500.00 = 450.00.
    paid: { affiliate: { 3: "899.10", 1: "450.00" } },
    // Headline: first orders only, 0.30 × (2,997 + 1,500) = 0.30 × 4,497.00 = 1,349.10 = paid.
    breakage: { affiliate: "0.00" },
  },
  {
    name: "first order, two tiers: the referrer's upline earns level 2; at the top of the tree level 2 is breakage",
    plan: plan({ rates: ["0.30", "0.10"], mode: "firstOrder" }),
    uplines: TREE,
    orders: [sale(2, 30, 1000, 800), sale(0, 31, 500, 400)],
    // Customer 30 (C's): C 0.30 × 1,000.00 = 300.00; B 0.10 × 1,000.00 = 100.00.
    // Customer 31 (A's): A 0.30 × 500.00 = 150.00; no upline above A → 0.10 × 500.00 = 50.00 breakage.
    paid: { affiliate: { 2: "300.00", 1: "100.00", 0: "150.00" } },
    // Headline 0.40 × 1,500.00 = 600.00; paid 550.00; breakage 50.00.
    breakage: { affiliate: "50.00" },
  },
  {
    name: "first order across periods: only the order in the period the customer is acquired pays",
    plan: plan(HIGH_TICKET),
    uplines: TREE,
    orders: [],
    periods: [
      // Period 0: C's customer 40 is acquired with a 1,000.00 order (C earns 300.00 in period 0).
      at([sale(2, 40, 1000, 1000, 0)]),
      // Period 1: customer 40 orders again (acquired in period 0): nothing. C's customer 41 is new: 200.00.
      at([sale(2, 40, 1000, 1000, 0), sale(2, 41, 200, 200, 1)]),
    ],
    // Period 1: C 0.30 × 200.00 = 60.00.
    paid: { affiliate: { 2: "60.00" } },
    // Headline 0.30 × 200.00 = 60.00 (customer 40's repeat order is no first order: no headline).
    breakage: { affiliate: "0.00" },
  },
  {
    name: "step-down after 12 months: tenure 11 pays the full rates, tenure 12 and above the step-down rates",
    plan: plan({ ...SAAS, stepDown: { afterPeriods: 12, rates: ["0.10", "0"] } }),
    uplines: TREE,
    orders: [
      // Period 0. Customer 50 acquired in period −11: tenure 0 − (−11) = 11 < 12.
      sale(2, 50, 100, 100, -11),
      // Customer 51 acquired in period −12: tenure 12 ≥ 12, stepped down.
      sale(2, 51, 100, 100, -12),
      // Customer 52 acquired in period −40: tenure 40, stepped down.
      sale(2, 52, 100, 100, -40),
    ],
    // Customer 50: C 0.25 × 100.00 = 25.00; B 0.05 × 100.00 = 5.00.
    // Customers 51, 52: C 0.10 × 100.00 = 10.00 each; B 0 × 100.00 = 0.
    // C = 25.00 + 10.00 + 10.00 = 45.00; B = 5.00.
    paid: { affiliate: { 2: "45.00", 1: "5.00" } },
    // Headline at the rates each tenure calls for: 0.30 × 100 + 0.10 × 200 = 30.00 + 20.00 = 50.00; paid 50.00.
    breakage: { affiliate: "0.00" },
  },
  {
    name: "step-down across periods: a customer acquired in period 0 steps down in period 2 (afterPeriods 2)",
    plan: plan({ rates: ["0.20", "0.10"], stepDown: { afterPeriods: 2, rates: ["0.05", "0.02"] } }),
    uplines: TREE,
    orders: [],
    periods: [
      // Tenure 0 and 1: C 0.20 × 50.00 = 10.00, B 0.10 × 50.00 = 5.00 each period.
      at([sale(2, 60, 50, 50, 0)]),
      at([sale(2, 60, 50, 50, 0)]),
      // Tenure 2 − 0 = 2 ≥ 2: the step-down rates.
      at([sale(2, 60, 50, 50, 0)]),
    ],
    // Period 2: C 0.05 × 50.00 = 2.50; B 0.02 × 50.00 = 1.00.
    paid: { affiliate: { 2: "2.50", 1: "1.00" } },
    // Headline 0.07 × 50.00 = 3.50, all paid.
    breakage: { affiliate: "0.00" },
  },
  {
    name: "qualification.active: an inactive level holder's share is breakage",
    // Active at PV ≥ 50 (a customer's CV counts in her distributor's PV).
    plan: plan({ ...SAAS, qualification: { active: true } }, "50"),
    uplines: TREE,
    orders: [
      // C: PV 30.00 (her customer's CV) → inactive. Her customer pays 40.00.
      sale(2, 70, 40, 30, -3),
      // B: own 50.00 + customer CV 60.00 = PV 110.00 → active. Her customer pays 80.00.
      own(1, 50),
      sale(1, 71, 80, 60, -3),
    ],
    // Customer 70: C inactive → 0.25 × 40.00 = 10.00 breakage; B 0.05 × 40.00 = 2.00 paid.
    // Customer 71: B 0.25 × 80.00 = 20.00; A (PV 0, inactive) → 0.05 × 80.00 = 4.00 breakage.
    // B = 2.00 + 20.00 = 22.00.
    paid: { affiliate: { 1: "22.00" } },
    // Headline 0.30 × 120.00 = 36.00; paid 22.00; breakage 14.00.
    breakage: { affiliate: "14.00" },
    active: [1],
  },
  {
    name: "without qualification.active (the default) inactive distributors are paid",
    plan: plan(SAAS, "50"),
    uplines: TREE,
    orders: [sale(2, 70, 40, 30, -3)],
    // C 0.25 × 40.00 = 10.00; B 0.05 × 40.00 = 2.00, though neither is active.
    paid: { affiliate: { 2: "10.00", 1: "2.00" } },
    breakage: { affiliate: "0.00" },
    active: [],
  },
  {
    name: "level 2 is the current upline: B quit, C was rolled up to A",
    plan: plan(SAAS),
    // B=1 quit; C=2 now sits under A.
    uplines: [-1, 0, 0, 0],
    alive: [true, false, true, true],
    orders: [sale(2, 80, 100, 100, -2)],
    // C 0.25 × 100.00 = 25.00; A (C's current upline) 0.05 × 100.00 = 5.00.
    paid: { affiliate: { 2: "25.00", 0: "5.00" } },
    breakage: { affiliate: "0.00" },
  },
  {
    name: "distributors' own orders pay nothing and have no headline",
    plan: plan(SAAS),
    uplines: TREE,
    orders: [own(2, 100), own(3, 250)],
    paid: { affiliate: {} },
    breakage: { affiliate: "0.00" },
  },
  {
    name: "each payee is rounded once: 0.25 × 10.10 = 2.525 → 2.52 (half-even), 0.05 × 10.10 = 0.505 → 0.50",
    plan: plan(SAAS),
    uplines: TREE,
    orders: [sale(2, 90, 10.1, 10.1, -1)],
    paid: { affiliate: { 2: "2.52", 1: "0.50" } },
    // Headline 0.30 × 10.10 = 3.03; paid 3.02; the rounding residue 0.01 is breakage.
    breakage: { affiliate: "0.01" },
  },
  {
    name: "several orders of one payee are summed before rounding: 2 × 0.25 × 10.10 = 5.05",
    plan: plan({ rates: ["0.25"] }),
    uplines: TREE,
    orders: [sale(2, 90, 10.1, 10.1, -1), sale(2, 91, 10.1, 10.1)],
    paid: { affiliate: { 2: "5.05" } },
    breakage: { affiliate: "0.00" },
  },
];
