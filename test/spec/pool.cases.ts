/**
 * Hand-computed cases of the leadership pool. Amounts in major units; the
 * arithmetic is in the comments. P = rate × total CV (Σ PV of current members),
 * rounded once; split by shares, largest remainder, ties to the lower index.
 */
import type { SpecCase } from "./cases.js";
import { own } from "./cases.js";

export const POOL_CASES: readonly SpecCase[] = [
  {
    name: "P = 100.00 among shares 1, 1, 1: 33.34, 33.33, 33.33 (the leftover cent to the lowest index)",
    plan: {
      activity: { minPv: "100" },
      ranks: [{ name: "Leader", pv: "2000" }],
      components: [{ type: "pool", rate: "0.01", shares: [{ rank: "Leader", shares: 1 }] }],
    },
    // 1, 2, 3 under 0. PV: 0 1,000 (no rank), 1, 2, 3 3,000 each (Leaders). Total CV 10,000.00.
    uplines: [-1, 0, 0, 0],
    orders: [own(0, 1000), own(1, 3000), own(2, 3000), own(3, 3000)],
    // P = 0.01 × 10,000.00 = 100.00 = 10,000 cents; / 3 = 3,333 each, remainder 1 each (equal);
    // 1 cent left → member 1 (lowest index): 33.34; 2 and 3: 33.33. Sum 100.00.
    paid: { pool: { 1: "33.34", 2: "33.33", 3: "33.33" } },
    breakage: { pool: "0.00" },
    ranks: { 1: "Leader", 2: "Leader", 3: "Leader" },
  },
  {
    name: "shares by the highest listed rank at or below the paid-as rank; largest remainders first, then the lower index",
    plan: {
      activity: { minPv: "100" },
      ranks: [
        { name: "Bronze", pv: "100" },
        { name: "Silver", pv: "1000" },
        { name: "Gold", pv: "2000" },
        { name: "Diamond", pv: "3000" },
      ],
      components: [
        {
          type: "pool",
          rate: "0.00125",
          shares: [
            { rank: "Gold", shares: 3 },
            { rank: "Silver", shares: 1 },
          ],
        },
      ],
    },
    uplines: [-1, 0, 0, 0],
    // PV: 0 500 (Bronze), 1 3,500 (Diamond), 2 2,500 (Gold), 3 1,500 (Silver). Total CV 8,000.00.
    orders: [own(0, 500), own(1, 3500), own(2, 2500), own(3, 1500)],
    // P = 0.00125 × 8,000.00 = 10.00 = 1,000 cents.
    // Shares: 0 none (Bronze is below every listed rank); 1 3 (Diamond is not listed → Gold's); 2 3; 3 1. S = 7.
    // 1: 1,000 × 3 / 7 = 428 r 4; 2: 428 r 4; 3: 1,000 × 1 / 7 = 142 r 6. Floors 998: 2 cents left.
    // Largest remainder 6 → 3: 143; then remainder 4 tied between 1 and 2 → 1 (lower index): 429; 2: 428.
    paid: { pool: { 1: "4.29", 2: "4.28", 3: "1.43" } },
    breakage: { pool: "0.00" },
    ranks: { 0: "Bronze", 1: "Diamond", 2: "Gold", 3: "Silver" },
  },
  {
    name: "the pool is rounded once, half-even: 10.505 → 10.50",
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "Leader", pv: "500" }],
      components: [{ type: "pool", rate: "0.01", shares: [{ rank: "Leader", shares: 1 }] }],
    },
    uplines: [-1, 0],
    // Total CV 525.25 + 525.25 = 1,050.50; both Leaders.
    orders: [own(0, 525.25), own(1, 525.25)],
    // P = 0.01 × 1,050.50 = 10.505 → 10.50 (half to even; half-up would give 10.51). 1,050 cents / 2 = 525 each.
    paid: { pool: { 0: "5.25", 1: "5.25" } },
    breakage: { pool: "0.00" },
  },
  {
    name: "nobody qualifies: the whole pool is breakage",
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "Leader", pv: "5000" }],
      components: [{ type: "pool", rate: "0.02", shares: [{ rank: "Leader", shares: 1 }] }],
    },
    uplines: [-1, 0],
    orders: [own(0, 400), own(1, 600)],
    // P = 0.02 × 1,000.00 = 20.00; nobody reaches Leader (5,000 PV).
    paid: { pool: {} },
    breakage: { pool: "20.00" },
  },
  {
    name: "qualification.active (default): a ranked but inactive member holds no shares; a member who quit neither",
    plan: {
      activity: { minPv: "100" },
      // A rank without an activity requirement: every current member holds it.
      ranks: [{ name: "Member", active: false }],
      components: [{ type: "pool", rate: "0.1", shares: [{ rank: "Member", shares: 1 }] }],
    },
    uplines: [-1, 0, 0, 0],
    alive: [true, true, true, false],
    // PV: 0 100 (active), 1 50 (inactive), 2 0 (inactive); 3 quit. Total CV 150.00.
    orders: [own(0, 100), own(1, 50)],
    // P = 0.1 × 150.00 = 15.00; only 0 qualifies → 15.00.
    paid: { pool: { 0: "15.00" } },
    breakage: { pool: "0.00" },
    active: [0],
    ranks: { 0: "Member", 1: "Member", 2: "Member" },
  },
  {
    name: "qualification.active false: ranked inactive members share too (still not a member who quit)",
    plan: {
      activity: { minPv: "100" },
      ranks: [{ name: "Member", active: false }],
      components: [{ type: "pool", rate: "0.1", shares: [{ rank: "Member", shares: 1 }], qualification: { active: false } }],
    },
    uplines: [-1, 0, 0, 0],
    alive: [true, true, true, false],
    orders: [own(0, 100), own(1, 50)],
    // P = 15.00 over 0, 1, 2 (1 share each): 1,500 / 3 = 500 cents each, no remainder.
    paid: { pool: { 0: "5.00", 1: "5.00", 2: "5.00" } },
    breakage: { pool: "0.00" },
  },
  {
    name: "a pool of a few cents: twice the shares, yet the same cent (largest remainders go to the single shares)",
    plan: {
      activity: { minPv: "0" },
      ranks: [
        { name: "Silver", pv: "0.5" },
        { name: "Gold", pv: "1" },
      ],
      components: [
        {
          type: "pool",
          rate: "0.01",
          shares: [
            { rank: "Silver", shares: 1 },
            { rank: "Gold", shares: 2 },
          ],
        },
      ],
    },
    // PV: 0 0.50 (Silver), 1 1.50 (Gold), 2 0.50 (Silver), 3 0.50 (Silver), 4 2.00 (Gold). Total CV 5.00.
    uplines: [-1, 0, 0, 0, 0],
    orders: [own(0, 0.5), own(1, 1.5), own(2, 0.5), own(3, 0.5), own(4, 2)],
    // P = 0.01 × 5.00 = 0.05 = 5 cents; S = 1 + 2 + 1 + 1 + 2 = 7.
    // Silvers: 5 × 1 / 7 = 0 r 5; Golds: 5 × 2 / 7 = 1 r 3. Floors 2: 3 cents left, and the three largest
    // remainders are the Silvers' (5 > 3): everybody ends with 0.01.
    paid: { pool: { 0: "0.01", 1: "0.01", 2: "0.01", 3: "0.01", 4: "0.01" } },
    breakage: { pool: "0.00" },
    ranks: { 0: "Silver", 1: "Gold", 2: "Silver", 3: "Silver", 4: "Gold" },
  },
  {
    name: "fewer cents than qualifiers: 3 cents among 5 equal shares go to the 3 lowest indices",
    plan: {
      activity: { minPv: "0" },
      ranks: [{ name: "Leader", pv: "0.5" }],
      components: [{ type: "pool", rate: "0.01", shares: [{ rank: "Leader", shares: 1 }] }],
    },
    // 0 has no rank (PV 0); 1..5 are Leaders with PV 0.60 each: total CV 3.00.
    uplines: [-1, 0, 0, 0, 0, 0],
    orders: [own(1, 0.6), own(2, 0.6), own(3, 0.6), own(4, 0.6), own(5, 0.6)],
    // P = 0.01 × 3.00 = 0.03 = 3 cents; each 3 × 1 / 5 = 0 r 3, all tied: 1, 2, 3 get a cent; 4 and 5 nothing.
    paid: { pool: { 1: "0.01", 2: "0.01", 3: "0.01" } },
    breakage: { pool: "0.00" },
  },
];
