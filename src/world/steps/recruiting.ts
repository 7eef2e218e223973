/**
 * Step 5, recruiting: every member current before the step may sponsor
 * newcomers (newcomers of this period do not sponsor until the next). Each
 * member's count of recruits is Poisson, drawn from her own keyed draws, with
 * a mean set by the recruitment model, her effort (the effort step), the
 * period's saturation (one number for the period: see stepWorld) and the
 * period's length. Her *recruiting effort* r_i is her effort if her role
 * recruits (`recruitRate` > 0), else 0:
 *
 * - `poisson`: her role's `recruitRate` × her effort;
 * - `uniform` attachment: `rate` × r_i. By Poisson splitting this is the
 *   same as a Poisson(rate × Σr) total with each newcomer's sponsor drawn
 *   among the recruiting members in proportion to r_i;
 * - `preferential` attachment: `rate × R × r_i (1 + c_i) / (R + C)`, where
 *   c_i is her current frontline (after roll-ups), R = Σ r_j and
 *   C = Σ r_j c_j: the same Poisson(rate × R) total as uniform, with
 *   sponsors drawn in proportion to r_i (1 + c_i).
 *
 * A member with effort 0 (stopped, or faded to 0) recruits no one, and draws
 * nothing. A newcomer's identity key comes from her sponsor's key, the
 * period and her rank among that sponsor's recruits of the period; her own
 * attributes (role, stop period, enrolment package) from her key, and her
 * effort for the period is set when she joins; with packages she pays her
 * package's fee as she joins (an own order with the package's volumes).
 *
 * Draws: (sponsor's key, period, k = 0, 1, …) for the count (one draw by
 * inversion for means below 10, a few for larger means by rejection);
 * (newcomer's key, 0, 0) for her role; (newcomer's key, 0, rule) for a
 * stopping rule's share.
 *
 * Coupling. A member's count depends on her own key and on her mean. Under
 * `poisson` and `uniform` her mean depends on no one else but through the
 * saturation, a single number per period — which a twin run can be given
 * (`WorldStepInput.saturation`), so that two runs that differ in one
 * member's behaviour give every other member the very same recruits (the
 * same keys). Under `preferential` it also depends on R + C and R; if they
 * differ slightly, a count changes only where the shift in the mean moves the
 * Poisson CDF across her draw (the count is the inverse CDF of one uniform).
 * When the market runs out during the step, members earlier in index order
 * take the last prospects.
 *
 * @module
 */
import { poisson } from "../../random/stream.js";
import { fitted } from "../../util/grow.js";
import { ratesIndex } from "../roles.js";
import { addRecruit, payPackageFee, type WorldState } from "../state.js";
import { setEffort } from "./effort.js";
import type { WorldStepInput } from "./input.js";

/** Adds this period's recruits (joins in the tally), with their effort for the period. */
export function recruiting(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const r = world.scenario.spec.recruitment;
  const { recruitRate, recruits } = world.scenario.people;
  const draws = world.draws.recruiting;
  const scale = world.saturationNow * world.monthsPerPeriod;
  // Newcomers are appended to the list; only those present before recruiting sponsor now.
  const a0 = world.currentCount;
  const sizeBefore = world.size;
  if (a0 === 0 || scale === 0) return;
  let frontlineScale = 0;
  if (r.model === "preferential") {
    // c_i: current members whose upline is i (an upline of a current member is current).
    const frontline = (world.frontline = fitted(world.frontline, world.size));
    for (let idx = 0; idx < a0; idx++) frontline[world.current[idx]!] = 0;
    for (let idx = 0; idx < a0; idx++) {
      const p = world.upline[world.current[idx]!]!;
      if (p >= 0) frontline[p]! += 1;
    }
    let sumR = 0;
    let sumRC = 0;
    for (let idx = 0; idx < a0; idx++) {
      const i = world.current[idx]!;
      if (recruits[ratesIndex(world.company, world.role, i)] === 0) continue;
      const e = world.effort[i]!;
      sumR += e;
      sumRC += e * frontline[i]!;
    }
    frontlineScale = sumR > 0 ? (r.rate * sumR) / (sumR + sumRC) : 0;
  }
  // Only working members can recruit (anyone else's mean is 0): the effort step's list, in the current list's order.
  const w0 = world.workerCount;
  for (let idx = 0; idx < w0 && world.prospectsLeft > 0; idx++) {
    const i = world.workers[idx]!;
    // Read through `world`: addRecruit replaces the member arrays when they grow.
    const role = ratesIndex(world.company, world.role, i);
    const e = world.effort[i]!;
    const rate =
      r.model === "poisson"
        ? recruitRate[role]! * e
        : recruits[role] === 0
          ? 0
          : r.model === "uniform"
            ? r.rate * e
            : frontlineScale * e * (1 + world.frontline[i]!);
    if (rate === 0) continue;
    const k = poisson(draws.at(world.keyHi[i]!, world.keyLo[i]!, t), rate * scale);
    for (let rank = 0; rank < k && world.prospectsLeft > 0; rank++) payPackageFee(world, addRecruit(world, i, t, rank), t);
  }
  for (let i = sizeBefore; i < world.size; i++) setEffort(world, i, t);
  world.tally.joins += world.size - sizeBefore;
}
