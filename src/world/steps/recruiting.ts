/**
 * Step 4, recruiting: every member current before the step may sponsor
 * newcomers (newcomers of this period do not sponsor until the next). Each
 * member's count of recruits is Poisson, drawn from her own keyed draws, with
 * a mean set by the recruitment model, the market's saturation at the start
 * of the step, and the period's length:
 *
 * - `poisson`: her own rate (builders' or others');
 * - `uniform` attachment: `rate` for everyone. By Poisson splitting this is
 *   the same distribution as a Poisson(rate × A) total (A current members)
 *   with each newcomer's sponsor drawn uniformly;
 * - `preferential` attachment: `rate × A × (1 + c_i) / (A + C)`, where c_i
 *   is her current frontline (after roll-ups) and C the sum of all c_i: the
 *   same as a Poisson(rate × A) total with sponsors drawn in proportion to
 *   1 + c_i.
 *
 * A newcomer's identity key comes from her sponsor's key, the period and her
 * rank among that sponsor's recruits of the period; her own attributes (the
 * builder flag, her enrolment package) from her key; with packages she pays
 * her package's fee as she joins (an own order with the package's volumes).
 *
 * Draws: (sponsor's key, period, k = 0, 1, …) for the count (one draw by
 * inversion for means below 10, a few for larger means by rejection);
 * (newcomer's key, 0, 0) for her builder flag.
 *
 * Coupling. A member's count depends on her own key and on her mean. Under
 * `poisson` and `uniform` her mean depends on no one else but through the
 * saturation, a single number per step; under `preferential` it also depends
 * on the number of current members and the total frontline. So two runs that
 * differ in one member's behaviour give every other member the very same
 * recruits (the same keys) as long as the saturation, and for `preferential`
 * A + C and A, are the same; if they differ slightly, a count changes only
 * where the shift in the mean moves the Poisson CDF across her draw (the count
 * is the inverse CDF of one uniform). When the market runs out during the
 * step, members earlier in index order take the last prospects.
 *
 * @module
 */
import { poisson } from "../../random/stream.js";
import { fitted } from "../../util/grow.js";
import { addRecruit, payPackageFee, saturation, type WorldState } from "../state.js";
import type { WorldStepInput } from "./input.js";

/** Adds this period's recruits (joins in the tally). */
export function recruiting(world: WorldState, _input: WorldStepInput): void {
  const t = world.period;
  const r = world.scenario.spec.recruitment;
  const draws = world.draws.recruiting;
  const scale = saturation(world) * world.monthsPerPeriod;
  // Newcomers are appended to the list; only those present before recruiting sponsor now.
  const a0 = world.currentCount;
  const sizeBefore = world.size;
  if (a0 === 0 || scale === 0) return;
  let frontlineScale = 0;
  if (r.model === "preferential") {
    // c_i: current members whose upline is i (an upline of a current member is current).
    const frontline = (world.frontline = fitted(world.frontline, world.size));
    for (let idx = 0; idx < a0; idx++) frontline[world.current[idx]!] = 0;
    let c = 0;
    for (let idx = 0; idx < a0; idx++) {
      const p = world.upline[world.current[idx]!]!;
      if (p >= 0) {
        frontline[p]! += 1;
        c += 1;
      }
    }
    frontlineScale = (r.rate * a0) / (a0 + c);
  }
  for (let idx = 0; idx < a0 && world.prospectsLeft > 0; idx++) {
    const i = world.current[idx]!;
    const rate =
      r.model === "poisson"
        ? world.builder[i] === 1
          ? r.builderRate
          : r.otherRate
        : r.model === "uniform"
          ? r.rate
          : frontlineScale * (1 + world.frontline[i]!);
    if (rate === 0) continue;
    const k = poisson(draws.at(world.keyHi[i]!, world.keyLo[i]!, t), rate * scale);
    for (let rank = 0; rank < k && world.prospectsLeft > 0; rank++) payPackageFee(world, addRecruit(world, i, t, rank), t);
  }
  world.tally.joins += world.size - sizeBefore;
}
