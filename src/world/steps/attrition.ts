/**
 * Step 1, attrition: each distributor who joined before this period may quit,
 * with the hazard of the tenure month she has just completed (month 0's at her
 * first draw). Founders hold the top of the tree for the company: they never
 * quit.
 *
 * Draw: one per member, keyed by (her key, period).
 *
 * @module
 */
import { keyedUniform } from "../../random/keyed.js";
import type { WorldState } from "../state.js";
import { hazardAt } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Marks this period's quitters (`alive` 0, `quitPeriod`); counts them in the tally. */
export function attrition(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const { current, joinPeriod, keyHi, keyLo, alive, quitPeriod, attritionHazard, monthsPerPeriod } = world;
  const key = world.keys.attrition;
  const founders = world.scenario.spec.start.founders;
  let quits = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    const join = joinPeriod[i]!;
    if (i < founders || join >= t) continue;
    if (keyedUniform(key, keyHi[i]!, keyLo[i]!, t, 0) < hazardAt(attritionHazard, t - join, monthsPerPeriod)) {
      alive[i] = 0;
      quitPeriod[i] = t;
      quits += 1;
    }
  }
  world.tally.quits += quits;
}
