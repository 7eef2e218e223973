/**
 * Hand-computed cases of the group volume bonus (type "groupVolume"): a
 * member's rate from a table × her group (or downline) volume. Amounts in
 * major units; the arithmetic is in the comments.
 */
import type { PlanInput } from "../../src/index.js";
import { own, ownQv, type SpecCase } from "./cases.js";

/** The team bonus that examples/custom-component.ts used to write as code: rank × active frontline, on the team's volume. */
export const TEAM_TABLE_PLAN: PlanInput = {
  name: "Team table",
  activity: { minPv: "100" },
  ranks: [{ name: "Leader", pv: "100", gv: "2000", legs: [{ count: 2, minGv: "300" }] }],
  measures: [{ name: "activeLines", kind: "activeSponsored" }],
  components: [
    {
      type: "groupVolume",
      name: "team",
      includeOwn: false,
      rate: { byRank: [{ rank: "Leader", rates: ["0", "0.04", "0.05", "0.06"] }], base: ["0", "0.01", "0.02", "0.03"], column: "activeLines" },
    },
  ],
};

export const GROUP_VOLUME_CASES: readonly SpecCase[] = [
  {
    name: "a team bonus by rank × active frontline on the team's volume (the former custom component, as data)",
    plan: TEAM_TABLE_PLAN,
    // 0 has frontline 1, 2, 3; 1 has frontline 4. PV: 0 100, 1 1,000, 2 200, 3 50 (inactive), 4 800.
    uplines: [-1, 0, 0, 0, 1],
    orders: [own(0, 100), own(1, 1000), own(2, 200), own(3, 50), own(4, 800)],
    // 0: GV 2,150 ≥ 2,000 but legs 1,800 and 200 and 50: one leg of 300 or more, Leader needs 2: no rank.
    //    Active frontline: 1 and 2 (3 is inactive) → 2; no-rank row [0, 1%, 2%, 3%] → 2%; team 2,150 − 100 = 2,050 → 41.00.
    // 1: one active frontline member (4) → 1%; team 800 → 8.00. Others have no team volume.
    paid: { team: { 0: "41.00", 1: "8.00" } },
    // The table is the plan's intent: the headline is what it pays.
    breakage: { team: "0.00" },
    measures: { activeLines: { 0: 2, 1: 1 } },
  },
  {
    name: "own volume included (default), on QV, only active members paid",
    plan: {
      activity: { minPv: "100" },
      components: [{ type: "groupVolume", name: "group", basis: "qv", rate: "0.02", qualification: { active: true } }],
    },
    // 0 (CV 100, QV 150) ← 1 (CV 40, QV 60: inactive).
    uplines: [-1, 0],
    orders: [ownQv(0, 100, 150), ownQv(1, 40, 60)],
    // 0: group QV 210 × 0.02 = 4.20. 1: 60 × 0.02 = 1.20, but inactive: breakage.
    paid: { group: { 0: "4.20" } },
    breakage: { group: "1.20" },
    active: [0],
  },
];
