/**
 * Hand-computed cases of the plan's measures (legs, legs at a volume, legs
 * holding a rank, active sponsored members, qualified lines by leg share,
 * capped leg volume), of rank rules that read them, and of volume kinds in
 * the activity rule and the ranks (QV or CV, group volume with or without
 * her own). Volumes in major units; the arithmetic is in the comments.
 *
 * Qualified lines by leg share follow the definition in plan/measures.ts:
 * legs with volume sorted largest first; the largest is line 1; legs are then
 * taken from the front into line 2 until they hold shares[0] of her volume,
 * into line 3 until shares[1], and so on. The shares 30/20/10/5% are those of
 * the published plan issue 11 describes; a line as a frontline member with
 * her downline, qualified by its volume: mlm-software.de, "Linie". The open
 * points (a line takes at least one leg, reaching a share exactly counts, a
 * leg without volume is no line) are pinned by the cases below.
 */
import type { PlanInput } from "../../src/index.js";
import { own, ownQv, type SpecCase } from "./cases.js";

/** A plan that pays nothing (a zero customer commission), to read measures and ranks. */
const NOTHING: PlanInput["components"] = [{ type: "customerCommission", name: "nothing", rate: "0" }];
const LINE_SHARES = ["0.3", "0.2", "0.1", "0.05"];

const measuresPlan = (measures: PlanInput["measures"], ranks: PlanInput["ranks"] = [], minPv = "0"): PlanInput => ({
  activity: { minPv },
  measures,
  ranks,
  components: NOTHING,
});

export const MEASURE_CASES: readonly SpecCase[] = [
  {
    name: "qualified lines by leg share: legs 500/300/100/60/40, shares 30/20/10/5%: three lines (downline volume); two when her own 250 counts",
    plan: measuresPlan([
      { name: "lines", kind: "qualifiedLines", shares: LINE_SHARES, volume: { kind: "qv", includeOwn: false } },
      { name: "linesGv", kind: "qualifiedLines", shares: LINE_SHARES },
    ]),
    // 0 (own 250) has frontline 1..5 with 500, 300, 100, 60, 40.
    uplines: [-1, 0, 0, 0, 0, 0],
    orders: [own(0, 250), own(1, 500), own(2, 300), own(3, 100), own(4, 60), own(5, 40)],
    // lines (V = 1,000, her downline): line 1 = 500; line 2 needs 300: 300 ✓; line 3 needs 200:
    //   100 + 60 + 40 = 200 ✓ (reaching the share exactly counts); line 4 needs 100: no leg left. 3 lines.
    // linesGv (V = 1,250, GV): line 1 = 500; line 2 needs 375: 300 < 375, + 100 = 400 ✓; line 3 needs 250:
    //   60 + 40 = 100, no leg left. 2 lines.
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    measures: { lines: { 0: 3 }, linesGv: { 0: 2 } },
  },
  {
    name: "qualified lines: a leg without volume is no line; a line that runs out of legs does not count",
    plan: measuresPlan([{ name: "lines", kind: "qualifiedLines", shares: ["0.3", "0.2"], volume: { includeOwn: false } }]),
    // 0 has frontline 1 (100), 2 (30), 3 (13), 4 (no order); 1 has frontline 5 (no order).
    uplines: [-1, 0, 0, 0, 0, 1],
    orders: [own(1, 100), own(2, 30), own(3, 13)],
    // 0: legs with volume 100, 30, 13; V = 143. Line 1: 100. Line 2 needs 0.3 × 143 = 42.9: 30 < 42.9, + 13 = 43 ✓.
    //    Line 3 needs 28.6: no leg with volume left. 2 lines (leg 4 has none: no line).
    // 1: her one leg (5) has no volume: 0 lines.
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    measures: { lines: { 0: 2 } },
  },
  {
    name: "legs, legs at a volume, legs holding a rank, active sponsored members, capped leg volume",
    plan: measuresPlan(
      [
        { name: "legs", kind: "legs" },
        { name: "bigLegs", kind: "legs", minVolume: "50" },
        { name: "r1Legs", kind: "legs", rank: "R1" },
        { name: "activeFront", kind: "activeSponsored" },
        { name: "capped", kind: "legVolume", maxShare: "0.5" },
      ],
      [{ name: "R1", pv: "50" }],
      "50",
    ),
    // 0 (100) has frontline 1 (20), 2 (50), 3 (nothing); 1 has frontline 4 (300).
    // Active (QV ≥ 50): 0, 2, 4. R1 (QV ≥ 50, active): 0, 2, 4.
    uplines: [-1, 0, 0, 0, 1],
    orders: [own(0, 100), own(1, 20), own(2, 50), own(4, 300)],
    // legs: 0 has 3, 1 has 1.
    // bigLegs (leg volume ≥ 50): 0: legs 320 ✓, 50 ✓, 0 ✗ → 2; 1: leg 300 → 1.
    // r1Legs (a member of R1 or higher in the leg): 0: leg 1 holds 4 ✓, leg 2 is 2 ✓, leg 3 ✗ → 2; 1: 1.
    // activeFront: 0's frontline 1 (inactive), 2 (active), 3 (inactive) → 1; 1's frontline 4 (active) → 1.
    // capped (each leg at most ⌊0.5 × GV⌋, her own in full): 0: GV 470, cap 235: 100 + 235 + 50 + 0 = 385;
    //   1: GV 320, cap 160: 20 + min(300, 160) = 180; 2: 50; 4: 300.
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    ranks: { 0: "R1", 2: "R1", 4: "R1" },
    active: [0, 2, 4],
    measures: {
      legs: { 0: 3, 1: 1 },
      bigLegs: { 0: 2, 1: 1 },
      r1Legs: { 0: 2, 1: 1 },
      activeFront: { 0: 1, 1: 1 },
      capped: { 0: "385.00", 1: "180.00", 2: "50.00", 4: "300.00" },
    },
  },
  {
    name: "rank rules read measures: Director needs 3 lines, Manager a leg holding a Director",
    plan: measuresPlan(
      [
        { name: "lines", kind: "qualifiedLines", shares: LINE_SHARES, volume: { includeOwn: false } },
        { name: "directorLegs", kind: "legs", rank: "Director" },
      ],
      [
        { name: "Director", measures: [{ measure: "lines", min: 3 }] },
        { name: "Manager", measures: [{ measure: "directorLegs", min: 1 }] },
      ],
    ),
    // 0 sponsored 1; 1 has frontline 2..6 with 500, 300, 100, 60, 40 (3 lines, as above).
    uplines: [-1, 0, 1, 1, 1, 1, 1],
    orders: [own(2, 500), own(3, 300), own(4, 100), own(5, 60), own(6, 40)],
    // 1: 3 lines → Director. 0: her one leg holds a Director (1) → Manager (with 1 line she is no Director).
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    ranks: { 1: "Director", 0: "Manager" },
    measures: { lines: { 1: 3, 0: 1 }, directorLegs: { 0: 1 } },
  },
  {
    name: "ranks on downline volume excluding her own purchase: GV would make her Gold, her downline does not",
    plan: measuresPlan(
      [],
      [
        { name: "Silver", gv: "500", volume: { includeOwn: false } },
        { name: "Gold", gv: "1000", volume: { includeOwn: false } },
      ],
    ),
    // 0 (own 300) ← 1 (own 300) ← 2 (own 500); 3 (own 0) with frontline 4 (1,000).
    uplines: [-1, 0, 1, -1, 3],
    orders: [own(0, 300), own(1, 300), own(2, 500), own(4, 1000)],
    // 0: GV 1,100 (Gold by GV) but downline 800: Silver. 1: downline 500: Silver. 2: downline 0.
    // 3: downline 1,000: Gold.
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    ranks: { 0: "Silver", 1: "Silver", 3: "Gold" },
  },
  {
    name: "a max-share rule on downline volume: her own volume does not count either",
    plan: measuresPlan([], [{ name: "Leader", gv: "600", maxLegShare: "0.5", volume: { includeOwn: false } }]),
    // 0 (own 500) has legs 1 (400) and 2 (250). 3 (own 0) has legs 4 (300) and 5 (300).
    uplines: [-1, 0, 0, -1, 3, 3],
    orders: [own(0, 500), own(1, 400), own(2, 250), own(4, 300), own(5, 300)],
    // 0: each leg counts for at most 0.5 × 600 = 300: 300 + 250 = 550 < 600 (her 500 would have made it): no rank.
    // 3: 300 + 300 = 600 ✓: Leader.
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    ranks: { 3: "Leader" },
  },
  {
    name: "volume kinds: activity and ranks test QV by default; with volume kind cv they test CV",
    plan: {
      activity: { minPv: "50" },
      ranks: [
        { name: "OnQv", pv: "50" },
        { name: "OnCv", pv: "50", volume: { kind: "cv" }, active: false },
      ],
      components: NOTHING,
    },
    // 0: CV 100, QV 40 (a product whose points are below its price). 1: CV 30, QV 60.
    uplines: [-1, 0],
    orders: [ownQv(0, 100, 40), ownQv(1, 30, 60)],
    // Active on QV ≥ 50: 1 only. OnCv (CV ≥ 50, activity not required): 0. OnQv (QV ≥ 50, active): 1.
    // The ladder is read top first: 0 meets OnCv; 1 meets OnQv but not OnCv (CV 30).
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    active: [1],
    ranks: { 0: "OnCv", 1: "OnQv" },
  },
  {
    name: "volume kinds: the activity rule on CV",
    plan: { activity: { minPv: "50", volume: { kind: "cv" } }, components: NOTHING },
    uplines: [-1, 0],
    orders: [ownQv(0, 100, 40), ownQv(1, 30, 60)],
    // Active on CV ≥ 50: 0 only.
    paid: { nothing: {} },
    breakage: { nothing: "0.00" },
    active: [0],
  },
];
