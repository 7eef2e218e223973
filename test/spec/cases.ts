/**
 * The shared spec suite: plan rules with hand-computed numbers. Every case runs
 * on both engines (spec.test.ts), which must produce exactly these amounts.
 * Amounts are written in major units ("8.00"); the arithmetic is in the comments.
 */
import type { AnyComponentType, OrderRecord, PlanInput } from "../../src/index.js";

/** One period of a case's network. */
export interface SpecPeriod {
  /** A placement tree (binary and matrix plans). */
  readonly placement?: { readonly width: number; readonly parent: readonly number[]; readonly slot: readonly number[] };
  readonly uplines: readonly number[];
  readonly alive?: readonly boolean[];
  readonly joinPeriods?: readonly number[];
  readonly orders: readonly OrderRecord[];
  /** Each member's enrolment package by name. */
  readonly packages?: readonly (string | null)[];
}

/** A case; `Custom`: the custom component types its plan may use. */
export interface SpecCase<Custom extends AnyComponentType = never> {
  readonly name: string;
  readonly plan: PlanInput<Custom>;
  readonly uplines: readonly number[];
  readonly alive?: readonly boolean[];
  readonly joinPeriods?: readonly number[];
  readonly orders: readonly OrderRecord[];
  /** A placement tree (binary and matrix plans). */
  readonly placement?: SpecPeriod["placement"];
  /** Each member's enrolment package by name. */
  readonly packages?: SpecPeriod["packages"];
  /**
   * Several periods, paid in order (titles, carried state); when given, the
   * expectations are of the last one and `uplines`/`orders` above are ignored.
   */
  readonly periods?: readonly SpecPeriod[];
  /** component name → payee → amount paid, major units; payees not listed are paid nothing. */
  readonly paid: Readonly<Record<string, Readonly<Record<number, string>>>>;
  /** component name → breakage, major units. */
  readonly breakage: Readonly<Record<string, string>>;
  /** component name → what caps removed, major units (checked when given). */
  readonly capped?: Readonly<Record<string, string>>;
  /** Members active under the plan's activity rule. */
  readonly active?: readonly number[];
  /** member → paid-as rank name ("" for none); members not listed hold no rank. */
  readonly ranks?: Readonly<Record<number, string>>;
  /** measure name → member → value: a count, or a volume in major units ("12.50"); members not listed are checked to be 0. */
  readonly measures?: Readonly<Record<string, Readonly<Record<number, number | string>>>>;
  /** member → [PV, GV, largest leg's GV] in major units, and her number of legs. */
  readonly volumes?: Readonly<Record<number, readonly [pv: string, gv: string, largestLeg: string, legs: number]>>;
}

/** An own order of `cv` major units (price = CV, so volumes read easily). */
export const own = (member: number, cv: number): OrderRecord => ({ member, customer: -1, price: Math.round(cv * 100), cv: Math.round(cv * 100) });
/** A customer's order credited to `member`. */
export const cust = (member: number, customer: number, cv: number): OrderRecord => ({
  member,
  customer,
  price: Math.round(cv * 100),
  cv: Math.round(cv * 100),
});

const unilevel3 = (compression: "dynamic" | "none", minPv: string): PlanInput => ({
  name: `unilevel 8/5/4 ${compression}`,
  activity: { minPv },
  components: [{ type: "unilevel", rates: ["0.08", "0.05", "0.04"], compression }],
});

// A=0 sponsored B=1, B sponsored C=2, C sponsored D=3.
const CHAIN = [-1, 0, 1, 2];

export const SPEC_CASES: readonly SpecCase[] = [
  {
    name: "unilevel 8/5/4, chain A→B→C→D all active, D orders 100 CV (issue #2's example)",
    // minPv 0: every member who has not quit is active.
    plan: unilevel3("dynamic", "0"),
    uplines: CHAIN,
    orders: [own(3, 100)],
    // C (level 1) 0.08 × 100 = 8.00; B (level 2) 0.05 × 100 = 5.00; A (level 3) 0.04 × 100 = 4.00.
    paid: { unilevel: { 2: "8.00", 1: "5.00", 0: "4.00" } },
    // Headline 0.17 × 100 = 17.00, all paid.
    breakage: { unilevel: "0.00" },
    active: [0, 1, 2, 3],
  },
  {
    name: "unilevel 8/5/4 with dynamic compression, B inactive",
    // Active at 100 PV: A and C order 100 CV each, D orders 100 CV, B orders nothing.
    plan: unilevel3("dynamic", "100"),
    uplines: CHAIN,
    orders: [own(0, 100), own(2, 100), own(3, 100)],
    // D's 100: C level 1 → 8.00; B skipped (inactive, holds no level); A level 2 → 5.00 (the "C 8.00, A 5.00");
    //          level 3 (4%) has nobody → 4.00 breakage.
    // C's 100: B skipped; A level 1 → 8.00; levels 2, 3 nobody → 5.00 + 4.00 breakage.
    // A's 100: nobody above → 8.00 + 5.00 + 4.00 breakage.
    // A = 5.00 + 8.00 = 13.00; C = 8.00.
    paid: { unilevel: { 2: "8.00", 0: "13.00" } },
    // Headline 0.17 × 300 = 51.00; paid 21.00; breakage 4 + 9 + 17 = 30.00.
    breakage: { unilevel: "30.00" },
    active: [0, 2, 3],
  },
  {
    name: "unilevel 8/5/4 without compression, B inactive: B's level is breakage",
    plan: unilevel3("none", "100"),
    uplines: CHAIN,
    orders: [own(0, 100), own(2, 100), own(3, 100)],
    // D's 100: C level 1 → 8.00; B level 2 inactive → 5.00 breakage; A level 3 → 4.00 (the "C 8.00, A 4.00").
    // C's 100: B level 1 inactive → 8.00 breakage; A level 2 → 5.00; level 3 nobody → 4.00 breakage.
    // A's 100: 17.00 breakage.
    // A = 4.00 + 5.00 = 9.00; C = 8.00.
    paid: { unilevel: { 2: "8.00", 0: "9.00" } },
    // Headline 51.00; paid 17.00; breakage 5 + 8 + 4 + 17 = 34.00.
    breakage: { unilevel: "34.00" },
    active: [0, 2, 3],
  },
  {
    name: "unilevel depth stops at the last rate; customers' orders count as the distributor's volume",
    plan: { activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.10", "0.05"] }] },
    // 0 ← 1 ← 2 ← 3; member 3's customer 7 orders 40.00 CV, member 3 orders 60.00 herself.
    uplines: CHAIN,
    orders: [own(3, 60), cust(3, 7, 40)],
    // PV of 3 = 100.00: member 2 level 1 → 10.00; member 1 level 2 → 5.00; member 0 is level 3: no rate → nothing.
    paid: { unilevel: { 2: "10.00", 1: "5.00" } },
    breakage: { unilevel: "0.00" },
  },
  {
    name: "two legs add up; compression skips two inactive uplines in a row",
    // 0 at the top; 1 and 2 under 0; 3 under 1; 4 under 3; 5 under 2.
    plan: { activity: { minPv: "50" }, components: [{ type: "unilevel", rates: ["0.10", "0.05", "0.02"] }] },
    uplines: [-1, 0, 0, 1, 3, 2],
    // 0 orders 50 (active); 1 and 3 order nothing (inactive); 2 orders 80 (active); 4 orders 200; 5 orders 30 (inactive, still pays up).
    orders: [own(0, 50), own(2, 80), own(4, 200), own(5, 30)],
    // 4's 200: 3 skipped, 1 skipped, 0 level 1 → 20.00; levels 2, 3 nobody → (0.05 + 0.02) × 200 = 14.00 breakage.
    // 5's 30: 2 level 1 → 3.00; 0 level 2 → 1.50; level 3 nobody → 0.60 breakage.
    // 2's 80: 0 level 1 → 8.00; 0.07 × 80 = 5.60 breakage.
    // 0's 50: 0.17 × 50 = 8.50 breakage.
    // member 0 = 20.00 + 1.50 + 8.00 = 29.50; member 2 = 3.00.
    paid: { unilevel: { 0: "29.50", 2: "3.00" } },
    // Headline 0.17 × 360 = 61.20; paid 32.50; breakage 14.00 + 0.60 + 5.60 + 8.50 = 28.70.
    breakage: { unilevel: "28.70" },
    active: [0, 2, 4],
    // GV sums PV over the subtree: 4: 200; 3: 200; 1: 200; 5: 30; 2: 80 + 30 = 110; 0: 50 + 200 + 110 = 360.
    // 0's legs are 1 (GV 200) and 2 (GV 110): largest 200. 2's one leg is 5 (30).
    volumes: {
      0: ["50.00", "360.00", "200.00", 2],
      1: ["0.00", "200.00", "200.00", 1],
      2: ["80.00", "110.00", "30.00", 1],
      3: ["0.00", "200.00", "200.00", 1],
      4: ["200.00", "200.00", "0.00", 0],
      5: ["30.00", "30.00", "0.00", 0],
    },
  },
  {
    name: "half-even rounding once per payee, not per order",
    plan: { activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.05"] }] },
    // 0 ← 1, 0 ← 2, 0 ← 3; 1 and 2 order 10.10 CV each, 3 orders 10.30.
    uplines: [-1, 0, 0, 0],
    orders: [own(1, 10.1), own(2, 10.1), own(3, 10.3)],
    // 0.05 × (10.10 + 10.10 + 10.30) = 0.05 × 30.50 = 1.525 → 1.52 (half to even).
    // Per order it would be 0.505 → 0.50, 0.505 → 0.50, 0.515 → 0.52: 1.52 too, but by luck; the next case differs.
    paid: { unilevel: { 0: "1.52" } },
    // Headline exact 1.525, paid exact 1.525: breakage 0.
    breakage: { unilevel: "0.00" },
  },
  {
    name: "half-even: a payee's exact sum is rounded, so two half cents make a cent",
    plan: { activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.05"] }] },
    uplines: [-1, 0, 0],
    orders: [own(1, 10.1), own(2, 10.1)],
    // 0.05 × 20.20 = 1.01 exactly (per order: 0.505 + 0.505, each would round to 0.50).
    paid: { unilevel: { 0: "1.01" } },
    breakage: { unilevel: "0.00" },
  },
  {
    name: "half-even vs half-up on 0.505",
    plan: { rounding: "halfUp", activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.05"] }] },
    uplines: [-1, 0],
    orders: [own(1, 10.1)],
    // 0.05 × 10.10 = 0.505 → 0.51 half-up (0.50 half-even).
    paid: { unilevel: { 0: "0.51" } },
    breakage: { unilevel: "0.00" },
  },
  {
    name: "rounding residue lands in breakage, and can make it negative",
    plan: { rounding: "halfUp", activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.05"] }] },
    // 0 ← 1, 2 ← 3, 4 ← 5: three payees, each on 10.10 CV.
    uplines: [-1, 0, -1, 2, -1, 4],
    orders: [own(1, 10.1), own(3, 10.1), own(5, 10.1)],
    // Each payee: 0.05 × 10.10 = 0.505 → 0.51 (half-up): paid 1.53.
    // Headline: 0.05 × 30.30 (the three orders) = 1.515 → 1.52, rounded once; breakage 1.52 − 1.53 = −0.01.
    paid: { unilevel: { 0: "0.51", 2: "0.51", 4: "0.51" } },
    breakage: { unilevel: "-0.01" },
  },
  {
    name: "rounding 'down' truncates to the cent",
    plan: { rounding: "down", activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.123456"] }] },
    uplines: [-1, 0],
    orders: [own(1, 99.99)],
    // 0.123456 × 99.99 = 12.34436544 → 12.34.
    paid: { unilevel: { 0: "12.34" } },
    breakage: { unilevel: "0.00" },
  },
  {
    name: "customer commission: paid on personal customers' CV, inactive distributors too by default",
    plan: { activity: { minPv: "100" }, components: [{ type: "customerCommission", rate: "0.20" }] },
    uplines: [-1, 0],
    // member 0's customer 5 orders 47.20 CV; member 1 (inactive: no own order) has customers 6 and 7 at 47.20 and 23.60.
    orders: [cust(0, 5, 47.2), cust(1, 6, 47.2), cust(1, 7, 23.6), own(0, 100)],
    // 0: 0.20 × 47.20 = 9.44; 1: 0.20 × (47.20 + 23.60) = 0.20 × 70.80 = 14.16. Own orders earn nothing here.
    paid: { customerCommission: { 0: "9.44", 1: "14.16" } },
    breakage: { customerCommission: "0.00" },
    active: [0],
  },
  {
    name: "customer commission requiring activity: an inactive distributor's share is breakage",
    plan: { activity: { minPv: "100" }, components: [{ type: "customerCommission", rate: "0.20", qualification: { active: true } }] },
    uplines: [-1, 0],
    orders: [cust(0, 5, 47.2), cust(1, 6, 47.2), cust(1, 7, 23.6), own(0, 100)],
    // 0 is active (PV 100 + 47.20): 9.44. 1's PV is 70.80 < 100: her 14.16 is breakage.
    paid: { customerCommission: { 0: "9.44" } },
    breakage: { customerCommission: "14.16" },
    active: [0],
  },
  {
    name: "a plan with both components pays each on its own ledger line",
    plan: {
      activity: { minPv: "100" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.25" },
        { type: "unilevel", name: "team", rates: ["0.10"] },
      ],
    },
    uplines: [-1, 0],
    // 0 orders 100 (active). 1 orders 20 and her customer 3 orders 80: PV of 1 = 100 (active).
    orders: [own(0, 100), own(1, 20), cust(1, 3, 80)],
    // retail: 1 earns 0.25 × 80 = 20.00. team: 0 earns 0.10 × 100 (1's PV) = 10.00; 0's own 100 has no upline → 10.00 breakage.
    paid: { retail: { 1: "20.00" }, team: { 0: "10.00" } },
    breakage: { retail: "0.00", team: "10.00" },
    active: [0, 1],
  },
  {
    name: "a member who quit holds no level: her downline was rolled up to her upline",
    plan: unilevel3("none", "0"),
    // 0 sponsored 1, 1 sponsored 2; 1 has quit, so the world rolled 2 up to 0.
    uplines: [-1, 0, 0],
    alive: [true, false, true],
    orders: [own(2, 100)],
    // 0 is 2's level 1 now → 0.08 × 100 = 8.00; levels 2 and 3 have nobody → 5.00 + 4.00 = 9.00 breakage.
    paid: { unilevel: { 0: "8.00" } },
    breakage: { unilevel: "9.00" },
    active: [0, 2],
    // The quitter is nobody's leg any more: 0 has one leg, 2 (GV 100); 1 has no volume.
    volumes: { 0: ["0.00", "100.00", "100.00", 1], 1: ["0.00", "0.00", "0.00", 0], 2: ["100.00", "100.00", "0.00", 0] },
  },

  // ---- Ranks ------------------------------------------------------------------------------------
  {
    name: "rank by PV, GV and legs × minimum leg GV",
    plan: {
      activity: { minPv: "100" },
      ranks: [{ name: "Executive", pv: "100", gv: "400", legs: [{ count: 2, minGv: "100" }] }],
      components: [{ type: "unilevel", rates: ["0"] }],
    },
    // 0 has legs 1 and 2; 3 is under 1. PV: 0 100, 1 100, 2 100, 3 150.
    uplines: [-1, 0, 0, 1],
    orders: [own(0, 100), own(1, 100), own(2, 100), own(3, 150)],
    // 0: GV 100 + 250 + 100 = 450 ≥ 400; legs 1 (GV 250) and 2 (GV 100) both ≥ 100 → Executive.
    // 1: GV 250 < 400 → none. 2, 3: no legs → none.
    ranks: { 0: "Executive" },
    paid: { unilevel: {} },
    breakage: { unilevel: "0.00" },
    volumes: { 0: ["100.00", "450.00", "250.00", 2], 1: ["100.00", "250.00", "150.00", 1] },
  },
  {
    name: "max share per leg: at most 60% of the GV requirement may come from one leg",
    plan: {
      activity: { minPv: "100" },
      ranks: [{ name: "Silver", pv: "100", gv: "1000", maxLegShare: "0.6" }],
      components: [{ type: "unilevel", rates: ["0"] }],
    },
    // 0 (PV 100) has legs 1 (GV 800) and 2 (GV 200); 3 (PV 100) has legs 4 (GV 800) and 5 (GV 300).
    uplines: [-1, 0, 0, -1, 3, 3],
    orders: [own(0, 100), own(1, 800), own(2, 200), own(3, 100), own(4, 800), own(5, 300)],
    // 0: GV 1,100 ≥ 1,000, but counted: 100 + min(800, 0.6 × 1,000 = 600) + min(200, 600) = 900 < 1,000 → none.
    // 3: 100 + min(800, 600) + min(300, 600) = 1,000 ≥ 1,000 → Silver.
    ranks: { 3: "Silver" },
    paid: { unilevel: {} },
    breakage: { unilevel: "0.00" },
  },
  {
    name: "legs holding a rank anywhere in the leg; an inactive member holds no rank",
    plan: {
      activity: { minPv: "100" },
      ranks: [
        { name: "Executive", pv: "100", gv: "200", legs: [{ count: 1, minGv: "100" }] },
        { name: "Gold", pv: "100", gv: "200", legs: [{ count: 2, rank: "Executive" }] },
      ],
      components: [{ type: "unilevel", rates: ["0"] }],
    },
    // 0 has legs 1 and 4. In leg 1: 1 → 2 → 3. In leg 4: 4 → 5. Also 6 under 0 (a third leg).
    uplines: [-1, 0, 1, 2, 0, 4, 0],
    // PV: 0 100, 1 0 (inactive), 2 100, 3 100, 4 100, 5 100, 6 0.
    orders: [own(0, 100), own(2, 100), own(3, 100), own(4, 100), own(5, 100)],
    // 2: PV 100, GV 200, leg 3 GV 100 → Executive. 1: inactive (PV 0) → none, though her GV is 200.
    // 4: PV 100, GV 200, leg 5 → Executive. 0: legs 1 (holds 2, an Executive) and 4 (Executive) → Gold.
    ranks: { 0: "Gold", 2: "Executive", 4: "Executive" },
    paid: { unilevel: {} },
    breakage: { unilevel: "0.00" },
    active: [0, 2, 3, 4, 5],
  },
  {
    name: "unilevel payable depth by paid-as rank: beyond her depth an upline's level is breakage",
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "Silver", gv: "400" }],
      components: [{ type: "unilevel", rates: ["0.08", "0.05", "0.04", "0.04", "0.04"], depth: { base: 2, byRank: [{ rank: "Silver", levels: 5 }] } }],
    },
    // A chain 0 ← 1 ← 2 ← 3 ← 4 ← 5; 0 orders 400 (GV 500: Silver), 5 orders 100. Everyone is active (minPv 0).
    uplines: [-1, 0, 1, 2, 3, 4],
    orders: [own(0, 400), own(5, 100)],
    // 5's 100: 4 level 1 → 8.00; 3 level 2 → 5.00; 2 level 3 and 1 level 4 are beyond their depth 2 → 4.00 + 4.00 breakage;
    //          0 level 5, Silver (depth 5) → 4.00.
    // 0's 400: nobody above → 0.25 × 400 = 100.00 breakage.
    paid: { unilevel: { 4: "8.00", 3: "5.00", 0: "4.00" } },
    // Headline 0.25 × 500 = 125.00; paid 17.00; breakage 108.00.
    breakage: { unilevel: "108.00" },
    ranks: { 0: "Silver" },
  },

  // ---- Caps ---------------------------------------------------------------------------------------
  {
    name: "payout cap: components that would pay 52% of CV under a 45% cap pay exactly 45% (issue #3's example)",
    plan: {
      activity: { minPv: "0" },
      caps: { payout: { share: "0.45" } },
      components: [
        { type: "customerCommission", rate: "0.30" },
        { type: "unilevel", rates: ["0.22"] },
      ],
    },
    // 0 ← 1; 1's customer orders 1,000.00 CV: the period's CV is 1,000.00.
    uplines: [-1, 0],
    orders: [cust(1, 5, 1000)],
    // Before the cap: 1 earns 0.30 × 1,000 = 300.00 (customer), 0 earns 0.22 × 1,000 = 220.00 (unilevel): 520.00 = 52% of CV.
    // Cap 0.45 × 1,000 = 450.00; factor 450/520 on every line:
    //   30,000¢ × 45,000 / 52,000 = 25,961.538…¢ → 25,961 (remainder .538); 22,000¢ × 45,000 / 52,000 = 19,038.461…¢ → 19,038 (.461).
    //   44,999¢ given; the last cent goes to the larger remainder (.538): 259.62 + 190.38 = 450.00 exactly.
    paid: { customerCommission: { 1: "259.62" }, unilevel: { 0: "190.38" } },
    breakage: { customerCommission: "0.00", unilevel: "0.00" },
    // Removed: 300.00 − 259.62 = 40.38; 220.00 − 190.38 = 29.62 (70.00 = 520.00 − 450.00).
    capped: { customerCommission: "40.38", unilevel: "29.62" },
  },
  {
    name: "payout cap on chosen components only: the others keep what they earned",
    plan: {
      activity: { minPv: "0" },
      caps: { payout: { share: "0.45", components: ["unilevel"] } },
      components: [
        { type: "customerCommission", rate: "0.30" },
        { type: "unilevel", rates: ["0.22"] },
      ],
    },
    uplines: [-1, 0],
    orders: [cust(1, 5, 1000)],
    // Customer 300.00 stands; the unilevel may pay 450.00 − 300.00 = 150.00 of its 220.00.
    paid: { customerCommission: { 1: "300.00" }, unilevel: { 0: "150.00" } },
    breakage: { customerCommission: "0.00", unilevel: "0.00" },
    capped: { customerCommission: "0.00", unilevel: "70.00" },
  },
  {
    name: "per-member cap: her lines scaled down pro rata to exactly the cap",
    plan: {
      activity: { minPv: "0" },
      caps: { perMember: { amount: "100.00" } },
      components: [
        { type: "customerCommission", rate: "0.09" },
        { type: "unilevel", rates: ["0.10"] },
      ],
    },
    // 0 ← 1 ← 2; 1's customer orders 1,000.00; 2 orders 600.00.
    uplines: [-1, 0, 1],
    orders: [cust(1, 5, 1000), own(2, 600)],
    // 1 earns 0.09 × 1,000 = 90.00 (customer) + 0.10 × 600 = 60.00 (unilevel) = 150.00 > 100.00:
    //   90 × 100/150 = 60.00 and 60 × 100/150 = 40.00. 0 earns 0.10 × 1,000 = 100.00: at the cap, kept.
    paid: { customerCommission: { 1: "60.00" }, unilevel: { 0: "100.00", 1: "40.00" } },
    breakage: { customerCommission: "0.00", unilevel: "0.00" },
    capped: { customerCommission: "30.00", unilevel: "20.00" },
  },
  {
    name: "caps concern the company's payout: retail profit, paid by customers, is neither counted nor scaled",
    plan: {
      activity: { minPv: "0" },
      caps: { payout: { share: "0.10" } },
      components: [
        { type: "retailProfit", name: "retail", discount: "0.25" },
        { type: "unilevel", rates: ["0.05"] },
      ],
    },
    // 0 ← 1; 1's customer orders 100.00 (price = CV).
    uplines: [-1, 0],
    orders: [cust(1, 5, 100)],
    // Retail: 0.25 × 100 = 25.00 to 1 (customer-paid). Unilevel: 0.05 × 100 = 5.00 to 0.
    // The company pays 5.00 ≤ 0.10 × 100 = 10.00: the cap does not bind, and nothing is scaled.
    paid: { retail: { 1: "25.00" }, unilevel: { 0: "5.00" } },
    breakage: { retail: "0.00", unilevel: "0.00" },
    capped: { retail: "0.00", unilevel: "0.00" },
  },
];

/** An own order with its own QV (major units): CV pays, QV qualifies. */
export const ownQv = (member: number, cv: number, qv: number): OrderRecord => ({
  member,
  customer: -1,
  price: Math.round(cv * 100),
  cv: Math.round(cv * 100),
  qv: Math.round(qv * 100),
});
