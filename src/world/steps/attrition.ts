/**
 * Step 1, attrition: each distributor who joined before this period may quit,
 * with the hazard of the tenure month she has just completed (month 0's at her
 * first draw), times the scenario's attrition multipliers:
 *
 * - by net income: the multiplier of the last `byNetIncome` threshold (money
 *   per month, × 12/52 in weeks) that her net income of the previous period
 *   reaches — the `income` the world is told, minus her expenses and required
 *   purchases of that period (which the world kept); 1 below the first;
 * - by rank: the multiplier of the last `byRank` threshold her paid-as rank
 *   number of the previous period (the `rank` it is told) reaches; 1 below
 *   the first;
 *
 * their product capped at 1. This is the world's income feedback: it reads
 * realized outcomes of the previous period (`WorldStepInput`), never a plan's
 * rules. A list with no entries — the default — ignores its input, and so
 * does a list whose input is absent (the world was told nothing).
 *
 * Who never draws: founders (company-held: they never quit) and stopped
 * members from their stop period on, unless their stopping rule keeps the
 * hazard (`attrition: "hazard"`); and members the run's `stay` option names,
 * from its `fromPeriod` on (a map looked up only when the option is given).
 *
 * Draw: one per member, keyed by (her key, period). A quitter's effort, hours,
 * expenses and required purchases are set to 0 once her draw is taken.
 *
 * @module
 */
import { keyedUniform } from "../../random/keyed.js";
import { multiplierAt, STOP_KEEPS_HAZARD } from "../people.js";
import type { WorldState } from "../state.js";
import { hazardAt } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Marks this period's quitters (`alive` 0, `quitPeriod`); counts them in the tally. */
export function attrition(world: WorldState, input: WorldStepInput): void {
  const t = world.period;
  const { current, joinPeriod, keyHi, keyLo, alive, quitPeriod, attritionHazard, monthsPerPeriod, company, stopPeriod, stopFlags } = world;
  const { effort, hours, expenses, requiredPurchases } = world;
  const people = world.scenario.people;
  const { netThresholds, netMultipliers, rankThresholds, rankMultipliers } = people;
  const income = netThresholds.length > 0 ? input.income : undefined;
  const rank = rankThresholds.length > 0 ? input.rank : undefined;
  const incomeLength = income?.length ?? 0;
  const rankLength = rank?.length ?? 0;
  const key = world.keys.attrition;
  const stays = world.stays;
  const staying = stays.size > 0;
  let quits = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    const join = joinPeriod[i]!;
    if (company[i] === 1 || join >= t) continue;
    if (t >= stopPeriod[i]! && (stopFlags[i]! & STOP_KEEPS_HAZARD) === 0) continue;
    if (staying) {
      const from = stays.get(i);
      if (from !== undefined && t >= from) continue;
    }
    let hazard = hazardAt(attritionHazard, t - join, monthsPerPeriod);
    if (income) {
      const net = (i < incomeLength ? income[i]! : 0) - expenses[i]! - requiredPurchases[i]!;
      hazard *= multiplierAt(netThresholds, netMultipliers, net);
    }
    if (rank) hazard *= multiplierAt(rankThresholds, rankMultipliers, i < rankLength ? rank[i]! : 0);
    if (hazard > 1) hazard = 1;
    if (keyedUniform(key, keyHi[i]!, keyLo[i]!, t, 0) < hazard) {
      alive[i] = 0;
      quitPeriod[i] = t;
      effort[i] = 0;
      hours[i] = 0;
      expenses[i] = 0;
      requiredPurchases[i] = 0;
      quits += 1;
    }
  }
  world.tally.quits += quits;
}
