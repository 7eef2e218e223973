/**
 * Step 8, expenses: what each current member pays this period to be a
 * distributor, and how much of her own orders was a required purchase, in
 * minor units. Founders are company-held and pay nothing.
 *
 * - sign-up fee and starter kit: in her join period (members of a generated
 *   start network joined before period 0 and paid theirs then);
 * - annual renewal: at each new year of tenure (tenure months 12, 24, …; in
 *   weeks, the week such a month starts), stopped or not: she keeps her
 *   account;
 * - business costs of her role: on each month of tenure (every month; in
 *   weeks, the week a new tenure month starts — the same periods as
 *   subscriptions), her join period included, while her effort is above 0:
 *   a stopped member pays none;
 * - required purchases: her own order's price × (1 − her role's
 *   `wouldBuyAnyway`), rounded half-even to the minor unit once per member
 *   per period (she places at most one own order a period).
 *
 * Net income, which the runner computes, is earnings + retail profit −
 * expenses − required purchases. No draws.
 *
 * @module
 */
import { roundScaled } from "../../money/round.js";
import type { WorldState } from "../state.js";
import { renews, tenureMonth } from "../tenure.js";
import type { WorldStepInput } from "./input.js";

/** Writes each current member's expenses and required purchases of the period; adds them to the tally. */
export function expenses(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const { current, joinPeriod, company, role, effort, ownSpend, monthsPerPeriod, tally } = world;
  const out = world.expenses;
  const required = world.requiredPurchases;
  const { signUpFee, starterKit, annualRenewal, monthlyCosts, requiredUnits, requiredScale } = world.scenario.people;
  const joinCost = signUpFee + starterKit;
  let total = 0;
  let totalRequired = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    if (company[i] === 1) {
      out[i] = 0;
      required[i] = 0;
      continue;
    }
    const tenure = t - joinPeriod[i]!;
    const r = role[i]!;
    let e = tenure === 0 ? joinCost : 0;
    if (renews(tenure, monthsPerPeriod)) {
      if (tenure > 0 && tenureMonth(tenure, monthsPerPeriod) % 12 === 0) e += annualRenewal;
      if (effort[i]! > 0) e += monthlyCosts[r]!;
    }
    const spend = ownSpend[i]!;
    const req = spend > 0 ? roundScaled(spend * requiredUnits[r]!, requiredScale, "halfEven") : 0;
    out[i] = e;
    required[i] = req;
    total += e;
    totalRequired += req;
  }
  tally.expenses += total;
  tally.requiredPurchases += totalRequired;
}
