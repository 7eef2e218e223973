/**
 * Step 3, effort: each current member's effort and hours this period.
 *
 * Effort, in [0, 1], is the share of her role's full effort she gives:
 * `effortFade` at her tenure month (the factor of the last step at or before
 * it), or 0 from her stop period on (stopping rules, the run's `stop`
 * option). Founders are company-held: effort 1 always. Her role's rates are
 * at full effort, so this period she recruits at most her role's rate ×
 * effort (× saturation × the period's length), acquires customers at her
 * role's acquisition rate × effort (likewise), and works her role's hours ×
 * effort. A member with effort 0 recruits no one and gains no customers.
 *
 * She is *working* when her effort is above 0 and her role does business
 * (recruits or acquires customers): what `customers.orphans:
 * "moveUpToWorking"` looks for, and what `WorldPeriodStats.working` counts.
 * The step lists the working members (`WorldState.workers`, in the current
 * list's order) for recruiting and acquisition, which skip everyone else.
 *
 * Newcomers get theirs when they join (the recruiting step calls
 * {@link setEffort}), so they acquire customers in their join period. No
 * draws.
 *
 * @module
 */
import { fitted } from "../../util/grow.js";
import { ratesIndex } from "../roles.js";
import type { WorldState } from "../state.js";
import { tenureMonth } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Sets member i's effort and hours for period t; adds her hours (and whether she works) to the tally and, if she works, appends her to the workers (a newcomer: after everyone listed). Returns her effort. */
export function setEffort(world: WorldState, i: number, t: number): number {
  const people = world.scenario.people;
  let e: number;
  if (world.company[i] === 1) e = 1;
  else if (t >= world.stopPeriod[i]!) e = 0;
  else {
    const fade = people.fade;
    const month = tenureMonth(t - world.joinPeriod[i]!, world.monthsPerPeriod);
    e = fade[month < fade.length ? month : fade.length - 1]!;
  }
  const role = ratesIndex(world.company, world.role, i);
  const h = people.hoursPerPeriod[role]! * e;
  world.effort[i] = e;
  world.hours[i] = h;
  const tally = world.tally;
  tally.hours += h;
  if (e > 0 && (people.recruits[role] === 1 || people.acquires[role] === 1)) {
    tally.working += 1;
    const workers = (world.workers = fitted(world.workers, world.workerCount + 1));
    workers[world.workerCount++] = i;
  }
  return e;
}

/** Sets every current member's effort and hours for the period (as {@link setEffort}, one loop over local arrays). */
export function effort(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const { current, company, stopPeriod, joinPeriod, role, monthsPerPeriod, tally } = world;
  const out = world.effort;
  const hours = world.hours;
  const { fade, hoursPerPeriod, recruits, acquires } = world.scenario.people;
  const lastMonth = fade.length - 1;
  const workers = (world.workers = fitted(world.workers, world.currentCount));
  let totalHours = 0;
  let working = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    let e: number;
    if (company[i] === 1) e = 1;
    else if (t >= stopPeriod[i]!) e = 0;
    else {
      const month = tenureMonth(t - joinPeriod[i]!, monthsPerPeriod);
      e = fade[month < lastMonth ? month : lastMonth]!;
    }
    const r = ratesIndex(company, role, i);
    const h = hoursPerPeriod[r]! * e;
    out[i] = e;
    hours[i] = h;
    totalHours += h;
    if (e > 0 && (recruits[r] === 1 || acquires[r] === 1)) workers[working++] = i;
  }
  world.workerCount = working;
  tally.hours += totalHours;
  tally.working += working;
}
