/**
 * Hand-computed cases of the matching bonus (check match). Amounts in major
 * units; the arithmetic is in the comments. Generation k of a member = her k-th
 * current upline (no compression); the matched amount of a member = what the
 * matched components paid her this period, each rounded to the cent.
 */
import type { SpecCase } from "./cases.js";
import { cust, own } from "./cases.js";

export const MATCHING_CASES: readonly SpecCase[] = [
  {
    name: "the public worked example: 10% of level 1's $1,000 + 7% of level 2's $1,200 = $184.00",
    // A=0 sponsored B=1, B sponsored C=2. minPv 0: everyone is active.
    plan: {
      activity: { minPv: "0" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        { type: "matching", components: ["retail"], rates: ["0.10", "0.07"] },
      ],
    },
    uplines: [-1, 0, 1],
    // B's customer orders 2,000.00 CV, C's customer 2,400.00 CV.
    orders: [cust(1, 10, 2000), cust(2, 11, 2400)],
    // retail: B 0.5 × 2,000 = 1,000.00; C 0.5 × 2,400 = 1,200.00.
    // matching: A = 0.10 × 1,000 (B, her generation 1) + 0.07 × 1,200 (C, her generation 2) = 100 + 84 = 184.00.
    //           B = 0.10 × 1,200 (C, her generation 1) = 120.00.
    // Headline: B's 1,000 has one upline (A): 100; C's 1,200 has two (B, A): 120 + 84. 304.00, all paid.
    // (B's 1,000 has no generation-2 upline: nobody could be paid it, so it is not headline.)
    paid: { retail: { 1: "1000.00", 2: "1200.00" }, matching: { 0: "184.00", 1: "120.00" } },
    breakage: { retail: "0.00", matching: "0.00" },
  },
  {
    name: "an inactive earner's match is breakage (qualification.active by default)",
    plan: {
      activity: { minPv: "100" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        { type: "matching", components: ["retail"], rates: ["0.10", "0.05"] },
      ],
    },
    // Chain 0 ← 1 ← 2. 0 orders nothing (inactive); 1's PV 1,000 and 2's PV 200 (customers) are active.
    uplines: [-1, 0, 1],
    orders: [cust(1, 10, 1000), cust(2, 11, 200)],
    // retail: 1: 500.00; 2: 100.00.
    // 1's 500: generation 1 is 0, inactive → 0.10 × 500 = 50.00 breakage.
    // 2's 100: generation 1 is 1 → 0.10 × 100 = 10.00; generation 2 is 0, inactive → 0.05 × 100 = 5.00 breakage.
    paid: { retail: { 1: "500.00", 2: "100.00" }, matching: { 1: "10.00" } },
    // Headline 50 + 10 + 5 = 65.00; paid 10.00; breakage 55.00.
    breakage: { retail: "0.00", matching: "55.00" },
    active: [1, 2],
  },
  {
    name: "qualification.active false: the inactive earner is matched too",
    plan: {
      activity: { minPv: "100" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        { type: "matching", components: ["retail"], rates: ["0.10", "0.05"], qualification: { active: false } },
      ],
    },
    uplines: [-1, 0, 1],
    orders: [cust(1, 10, 1000), cust(2, 11, 200)],
    // As above, everybody paid: 0 = 0.10 × 500 + 0.05 × 100 = 50 + 5 = 55.00; 1 = 0.10 × 100 = 10.00.
    paid: { retail: { 1: "500.00", 2: "100.00" }, matching: { 0: "55.00", 1: "10.00" } },
    breakage: { retail: "0.00", matching: "0.00" },
    active: [1, 2],
  },
  {
    name: "no compression: an inactive upline still holds her generation, the next one up is paid generation 2's rate",
    plan: {
      activity: { minPv: "100" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        { type: "matching", components: ["retail"], rates: ["0.10", "0.05"] },
      ],
    },
    // Chain 0 ← 1 ← 2; 0 orders 100 (active), 1 nothing (inactive), 2's customer 1,000.
    uplines: [-1, 0, 1],
    orders: [own(0, 100), cust(2, 10, 1000)],
    // retail: 2: 500.00. matching on 2's 500: generation 1 = 1, inactive → 0.10 × 500 = 50.00 breakage;
    // generation 2 = 0, active → 0.05 × 500 = 25.00 (not 10%: 1 is not skipped).
    paid: { retail: { 2: "500.00" }, matching: { 0: "25.00" } },
    breakage: { retail: "0.00", matching: "50.00" },
    active: [0, 2],
  },
  {
    name: "qualification.minRank: an earner below the rank gets nothing, her share is breakage",
    plan: {
      activity: { minPv: "100" },
      ranks: [
        { name: "Bronze", pv: "100" },
        { name: "Silver", pv: "500" },
      ],
      components: [
        { type: "customerCommission", name: "retail", rate: "0.5" },
        { type: "matching", components: ["retail"], rates: ["0.20", "0.10", "0.05"], qualification: { minRank: "Silver" } },
      ],
    },
    // Chain 0 ← 1 ← 2 ← 3. PV: 0 500 (Silver), 1 100 (Bronze), 2 1,000 (Silver), 3 600 (Silver).
    uplines: [-1, 0, 1, 2],
    orders: [own(0, 500), own(1, 100), cust(2, 10, 1000), cust(3, 11, 600)],
    // retail: 2: 0.5 × 1,000 = 500.00; 3: 0.5 × 600 = 300.00.
    // 2's 500: gen 1 = 1 (Bronze) → 0.20 × 500 = 100.00 breakage; gen 2 = 0 (Silver) → 0.10 × 500 = 50.00; no gen 3.
    // 3's 300: gen 1 = 2 (Silver) → 0.20 × 300 = 60.00; gen 2 = 1 (Bronze) → 30.00 breakage; gen 3 = 0 → 0.05 × 300 = 15.00.
    // 0 = 50 + 15 = 65.00; 2 = 60.00.
    paid: { retail: { 2: "500.00", 3: "300.00" }, matching: { 0: "65.00", 2: "60.00" } },
    // Headline 100 + 50 + 60 + 30 + 15 = 255.00; paid 125.00; breakage 130.00.
    breakage: { retail: "0.00", matching: "130.00" },
    ranks: { 0: "Silver", 1: "Bronze", 2: "Silver", 3: "Silver" },
  },
  {
    name: "several matched components add up; one not chosen is not matched; generations beyond the rates are not paid",
    plan: {
      activity: { minPv: "0" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.2" },
        { type: "unilevel", name: "team", rates: ["0.10"] },
        { type: "customerCommission", name: "bonus", rate: "0.1" },
        { type: "matching", components: ["retail", "team"], rates: ["0.5"] },
      ],
    },
    // 1 quit, so the world rolled her frontline 2 up to 0. 3 under 2, 4 under 3.
    uplines: [-1, 0, 0, 2, 3],
    alive: [true, false, true, true, true],
    // 2's customer orders 100; 3 orders 300 herself; 4's customer orders 50.
    orders: [cust(2, 10, 100), own(3, 300), cust(4, 11, 50)],
    // retail: 2: 0.2 × 100 = 20.00; 4: 0.2 × 50 = 10.00.  bonus: 2: 10.00; 4: 5.00.
    // team (level 1 only): 3's PV 300 → 2: 30.00; 2's PV 100 → 0: 10.00; 4's PV 50 → 3: 5.00.
    // matched earnings (retail + team, not bonus): 0: 10; 2: 20 + 30 = 50; 3: 5; 4: 10.
    // matching, one generation at 50%: 2's 50 → 0 (her upline after roll-up) 25.00; 3's 5 → 2: 2.50;
    //   4's 10 → 3: 5.00 (2 would be generation 2: no rate, not paid, not headline); 0's 10: no upline.
    paid: {
      retail: { 2: "20.00", 4: "10.00" },
      team: { 0: "10.00", 2: "30.00", 3: "5.00" },
      bonus: { 2: "10.00", 4: "5.00" },
      matching: { 0: "25.00", 2: "2.50", 3: "5.00" },
    },
    // team headline 0.10 × 450 = 45.00, minus 45.00 paid; matching headline 25 + 2.50 + 5 = 32.50, all paid.
    breakage: { retail: "0.00", team: "0.00", bonus: "0.00", matching: "0.00" },
  },
  {
    name: "the match is on what was paid, rounded: two 0.4-cent commissions round to 0.00, so nothing is matched",
    plan: {
      activity: { minPv: "0" },
      components: [
        { type: "customerCommission", name: "retail", rate: "0.004" },
        { type: "matching", components: ["retail"], rates: ["1"] },
      ],
    },
    uplines: [-1, 0, 0],
    orders: [cust(1, 10, 1), cust(2, 11, 1)],
    // retail: 0.004 × 1.00 = 0.004 → 0.00 for 1 and for 2; headline 0.004 × 2.00 = 0.008 → 0.01 breakage.
    // matching: 100% of 0.00 + 0.00 = 0.00 (on the exact 0.004 + 0.004 it would be 0.008 → 0.01); headline 0.
    paid: { retail: {}, matching: {} },
    breakage: { retail: "0.01", matching: "0.00" },
  },
  {
    name: "a member's match is rounded once, half-even, on the sum of her generations",
    plan: {
      activity: { minPv: "0" },
      components: [
        { type: "customerCommission", name: "retail", rate: "1" },
        { type: "matching", components: ["retail"], rates: ["0.05", "0.05"] },
      ],
    },
    // Chain 0 ← 1 ← 2. retail: 1: 10.10; 2: 10.10.
    uplines: [-1, 0, 1],
    orders: [cust(1, 10, 10.1), cust(2, 11, 10.1)],
    // 0 = 0.05 × 10.10 + 0.05 × 10.10 = 0.505 + 0.505 = 1.01 exactly (each alone would round to 0.50).
    // 1 = 0.05 × 10.10 = 0.505 → 0.50 (half-even). Headline 1.515 → 1.52; paid 1.51; breakage 0.01 (rounding residue).
    paid: { retail: { 1: "10.10", 2: "10.10" }, matching: { 0: "1.01", 1: "0.50" } },
    breakage: { retail: "0.00", matching: "0.01" },
  },
];

/** Cases where a matching bonus matches a pool (both types needed). */
export const MATCHING_POOL_CASES: readonly SpecCase[] = [
  {
    name: "matching a pool: the match is on the pool's cents after the largest-remainder split",
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "Leader", pv: "1000" }],
      components: [
        { type: "pool", name: "leaders", rate: "0.01", shares: [{ rank: "Leader", shares: 1 }] },
        { type: "matching", components: ["leaders"], rates: ["0.5"] },
      ],
    },
    // 1 and 2 under 0. PV: 0 101 (no rank), 1 1,000 and 2 1,000 (Leaders). Total CV 2,101.00.
    uplines: [-1, 0, 0],
    orders: [own(0, 101), own(1, 1000), own(2, 1000)],
    // pool: 0.01 × 2,101.00 = 21.01 = 2,101 cents over 2 shares: 1,050 each, remainder 1 each; the leftover cent
    //   goes to the lower index: 1: 10.51, 2: 10.50.
    // matching: 0 = 0.5 × (10.51 + 10.50) = 10.505 → 10.50 (half-even); headline the same 10.505 → 10.50.
    paid: { leaders: { 1: "10.51", 2: "10.50" }, matching: { 0: "10.50" } },
    breakage: { leaders: "0.00", matching: "0.00" },
    ranks: { 1: "Leader", 2: "Leader" },
  },
];
