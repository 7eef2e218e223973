/**
 * Rank advancement bonus, hand-computed. Amounts in major units; the arithmetic
 * in the comments. Multi-period cases are paid period 0, 1, ...; the
 * expectations are of the last period (titles carry over between periods).
 */
import type { ComponentInput, PlanInput } from "../../src/index.js";
import { own, type SpecCase, type SpecPeriod } from "./cases.js";

/**
 * Silver: PV 100; Gold: PV 100, GV 500; Platinum: PV 100, GV 1000 (all need the
 * member active: PV ≥ 100). Bonuses 50.00, 250.00, 1000.00 unless given.
 */
const ladderPlan = (bonuses?: ComponentInput<"rankAdvancement">["bonuses"], extra: Partial<Omit<ComponentInput<"rankAdvancement">, "type">> = {}): PlanInput => ({
  activity: { minPv: "100" },
  ranks: [
    { name: "Silver", pv: "100" },
    { name: "Gold", pv: "100", gv: "500" },
    { name: "Platinum", pv: "100", gv: "1000" },
  ],
  components: [
    {
      type: "rankAdvancement",
      bonuses: bonuses ?? [
        { rank: "Silver", amount: "50.00" },
        { rank: "Gold", amount: "250.00" },
        { rank: "Platinum", amount: "1000.00" },
      ],
      ...extra,
    },
  ],
});

// A=0 at the top; B=1 and C=2 under A.
const TREE = [-1, 0, 0];
const period = (...orders: SpecPeriod["orders"]): SpecPeriod => ({ uplines: TREE, orders });

/** One rank, "Leader": GV 500, no PV and no activity needed. Bonus 100.00. */
const leaderPlan = (requiresActive: boolean): PlanInput => ({
  activity: { minPv: "100" },
  ranks: [{ name: "Leader", gv: "500", active: false }],
  components: [{ type: "rankAdvancement", bonuses: [{ rank: "Leader", amount: "100.00" }], qualification: { active: requiresActive } }],
});

export const RANK_ADVANCEMENT_CASES: readonly SpecCase[] = [
  {
    name: "first time at a rank: the bonus is paid",
    plan: ladderPlan(),
    uplines: TREE,
    orders: [own(0, 100), own(1, 100)],
    // A: PV 100, GV 200 → Silver; B: PV 100 → Silver. Each reaches Silver for the first time: 50.00 each.
    paid: { rankAdvancement: { 0: "50.00", 1: "50.00" } },
    // Headline: the bonuses due, 100.00, all paid.
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Silver", 1: "Silver" },
  },
  {
    name: "a jump over a rank pays the skipped rank's bonus too",
    plan: ladderPlan(),
    uplines: TREE,
    orders: [own(0, 100), own(1, 400)],
    // A: PV 100, GV 100 + 400 = 500 → Gold, straight from no title: Silver 50.00 + Gold 250.00 = 300.00.
    // B: PV 400, GV 400 < 500 → Silver: 50.00.
    paid: { rankAdvancement: { 0: "300.00", 1: "50.00" } },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Gold", 1: "Silver" },
  },
  {
    name: "paid once: the same rank again next period pays nothing",
    plan: ladderPlan(),
    uplines: [],
    orders: [],
    periods: [period(own(0, 100)), period(own(0, 100))],
    // Period 0: A Silver → 50.00. Period 1: A Silver again, title still Silver: nothing due.
    paid: { rankAdvancement: {} },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Silver" },
  },
  {
    name: "never again after dropping and requalifying",
    plan: ladderPlan(),
    uplines: [],
    orders: [],
    periods: [period(own(0, 100), own(1, 400)), period(), period(own(0, 100), own(1, 400))],
    // Period 0: A Gold (300.00), B Silver (50.00). Period 1: nobody orders, no paid-as rank; titles stay.
    // Period 2: A paid as Gold, B as Silver again: their titles already were Gold and Silver, nothing due.
    paid: { rankAdvancement: {} },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Gold", 1: "Silver" },
  },
  {
    name: "a later advancement pays only the ranks above the title already held",
    plan: ladderPlan(),
    uplines: [],
    orders: [],
    periods: [period(own(0, 100)), period(own(0, 100), own(1, 500), own(2, 400))],
    // Period 0: A Silver → 50.00.
    // Period 1: A PV 100, GV 100 + 500 + 400 = 1000 → Platinum: from Silver, Gold 250.00 + Platinum 1000.00 = 1250.00.
    //           B PV 500, GV 500 → Gold, first title: Silver 50.00 + Gold 250.00 = 300.00.
    //           C PV 400, GV 400 → Silver: 50.00.
    paid: { rankAdvancement: { 0: "1250.00", 1: "300.00", 2: "50.00" } },
    // Headline 1600.00, all paid.
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Platinum", 1: "Gold", 2: "Silver" },
  },
  {
    name: "ranks without a bonus pay nothing; amounts may be written as numbers or with one decimal",
    plan: ladderPlan([
      { rank: "Gold", amount: 250 },
      { rank: "Platinum", amount: "999.5" },
    ]),
    uplines: [],
    orders: [],
    periods: [period(own(0, 100)), period(own(0, 100), own(1, 400))],
    // Period 0: A Silver: no Silver bonus. Period 1: A Gold → 250.00; B Silver → nothing.
    paid: { rankAdvancement: { 0: "250.00" } },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Gold", 1: "Silver" },
  },
  {
    name: "qualification.active: a bonus due while inactive is forfeited (breakage)",
    plan: leaderPlan(true),
    uplines: [-1, 0],
    // A=0 orders nothing (inactive, PV 0 < 100); B=1 under A orders 500.
    orders: [own(1, 500)],
    // Leader needs GV 500 and no activity: A (GV 500) and B (GV 500) are both Leaders, a first title each.
    // B is active: 100.00. A is not: her 100.00 is forfeited.
    paid: { rankAdvancement: { 1: "100.00" } },
    // Headline: the 200.00 due; paid 100.00; breakage 100.00.
    breakage: { rankAdvancement: "100.00" },
    ranks: { 0: "Leader", 1: "Leader" },
    active: [1],
  },
  {
    name: "qualification.active: a forfeited bonus is not paid later, when she is active",
    plan: leaderPlan(true),
    uplines: [],
    orders: [],
    periods: [
      { uplines: [-1, 0], orders: [own(1, 500)] },
      { uplines: [-1, 0], orders: [own(0, 100), own(1, 500)] },
    ],
    // Period 0 as above: B paid, A forfeited. Period 1: A active and Leader again, but her title was Leader: nothing due.
    paid: { rankAdvancement: {} },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Leader", 1: "Leader" },
    active: [0, 1],
  },
  {
    name: "without qualification.active the inactive Leader is paid",
    plan: leaderPlan(false),
    uplines: [-1, 0],
    orders: [own(1, 500)],
    // A (inactive) and B: 100.00 each.
    paid: { rankAdvancement: { 0: "100.00", 1: "100.00" } },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Leader", 1: "Leader" },
    active: [1],
  },
  {
    name: "a member who joins later is paid in the period she first reaches the rank",
    plan: ladderPlan(),
    uplines: [],
    orders: [],
    periods: [
      { uplines: [-1], orders: [own(0, 100)] },
      { uplines: [-1, 0], orders: [own(0, 100), own(1, 100)] },
    ],
    // Period 0: A Silver → 50.00. Period 1: B joins and orders 100 → Silver → 50.00; A's title is unchanged.
    paid: { rankAdvancement: { 1: "50.00" } },
    breakage: { rankAdvancement: "0.00" },
    ranks: { 0: "Silver", 1: "Silver" },
  },
];
