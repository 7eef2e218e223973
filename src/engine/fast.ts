/**
 * The fast engine: typed arrays, integer minor units, no allocation per member
 * per period, no recursion. Component kernels accrue exact integer amounts at
 * the plan's rate scale into arrays the engine owns; each payee's amount is
 * rounded once, by the plan's mode.
 *
 * @module
 */
import { roundScaled, roundScaledBig } from "../money/round.js";
import { capacityFor, grown, scratch } from "../util/grow.js";
import { createQualifier } from "./qualify.js";
import { applyCapsFast, createCapScratch } from "./caps.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import type { FastPeriod } from "../plan/contract.js";
import type { PeriodNetwork } from "../world/network.js";
import type { EngineOptions, PeriodPayout, PlanEngine } from "./payout.js";
import { checkEngineOptions } from "./options.js";

/**
 * Creates the fast engine for a plan. Each engine keeps its own component
 * state (carryover, titles rewarded), so two engines on one compiled plan
 * never share it.
 *
 * @example
 * const engine = createFastEngine({ components: [{ type: "unilevel", rates: ["0.08"] }] });
 * const net = networkFromRecords({ uplines: [-1, 0], orders: [
 *   { member: 0, customer: -1, price: 100_00, cv: 100_00 },
 *   { member: 1, customer: -1, price: 100_00, cv: 100_00 }] });
 * engine.pay(net).amounts[0][0] // => 800 (8% of 100.00, in cents)
 */
export function createFastEngine(planInput: PlanInput | CompiledPlan, options: EngineOptions = {}): PlanEngine {
  checkEngineOptions("createFastEngine", options);
  const plan = compilePlan(planInput, options.currency === undefined ? {} : { currency: options.currency });
  const minPv = plan.minPv;
  const scale = 10 ** plan.places;
  const scaleBig = BigInt(scale);
  const mode = plan.rounding;
  const components = plan.components;
  const names = components.map((c) => c.name);
  const paidBy = components.map((c) => c.paidBy);
  let capacity = 0;
  let pv = new Float64Array(0);
  let active = new Uint8Array(0);
  let activeUpline = new Int32Array(0);
  let title = new Uint8Array(0);
  const qualifier = createQualifier(plan.ranks);
  const caps = plan.caps;
  const hasCaps = caps.payout !== undefined || caps.perMember !== undefined;
  const capScratch = createCapScratch();
  const states: unknown[] = components.map((c) => c.definition.fast.state(c.settings, 0));
  let amounts: Float64Array[] = components.map(() => new Float64Array(0));

  return {
    plan,
    kind: "fast",
    pay(network: PeriodNetwork): PeriodPayout {
      const { size, upline, alive, ownCv, customerCv, members, memberCount } = network;
      if (size > capacity) {
        capacity = capacityFor(size);
        pv = scratch(pv, size);
        active = scratch(active, size);
        activeUpline = scratch(activeUpline, size);
        title = grown(title, capacity);
        amounts = amounts.map((a) => scratch(a, size));
        components.forEach((c, k) => c.definition.fast.grow?.(states[k], capacity));
      }
      // Entries of members who quit are never read through the list, but stay zero
      // so that the arrays handed out are right at every index.
      pv.fill(0, 0, size);
      active.fill(0, 0, size);
      let pvTotal = 0; // an exact integer while below 2^53, checked below
      let customerCvTotal = 0;
      let activeCount = 0;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const v = ownCv[i]! + customerCv[i]!;
        pv[i] = v;
        pvTotal += v;
        customerCvTotal += customerCv[i]!;
        const a = alive[i] === 1 && v >= minPv ? 1 : 0;
        active[i] = a;
        activeCount += a;
        // Uplines have lower indices and are current members, so their entry is already final.
        const p = upline[i]!;
        activeUpline[i] = p < 0 ? -1 : active[p] === 1 ? p : activeUpline[p]!;
      }
      if (!(pvTotal <= Number.MAX_SAFE_INTEGER)) {
        throw new RangeError(`downline/engine: the period's total volume ${pvTotal} is beyond exact range`);
      }
      qualifier.run(size, members, memberCount, upline, pv, active);
      const { gv, largestLeg, frontline, rank } = qualifier.result;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        if (rank[i]! > title[i]!) title[i] = rank[i]!;
      }
      const paidSoFar = new Map<string, Float64Array>();
      const period: FastPeriod = {
        network,
        pv,
        gv,
        largestLeg,
        frontline,
        rank,
        title,
        active,
        activeUpline,
        pvTotal,
        customerCvTotal,
        paid: paidSoFar,
        scale,
        rounding: mode,
      };
      const paid: number[] = [];
      const breakage: number[] = [];
      for (let c = 0; c < components.length; c++) {
        const component = components[c]!;
        const acc = amounts[c]!;
        acc.fill(0, 0, size);
        const headline = component.definition.fast.accrue(component.settings, states[c], period, acc);
        // A component in whole minor units is exact already: rounding it is the identity.
        const minor = component.writes === "minor";
        let total = 0;
        for (let idx = 0; idx < memberCount; idx++) {
          const i = members[idx]!;
          const a = acc[i]!;
          if (a === 0) continue;
          if (!(a <= Number.MAX_SAFE_INTEGER)) {
            throw new RangeError(
              `downline/engine: ${names[c]}: member ${i}'s amount in period ${network.period} is beyond exact range; use rates with fewer decimals`,
            );
          }
          if (minor && !Number.isInteger(a)) throw new RangeError(`downline/engine: ${names[c]} wrote a fractional minor-unit amount for member ${i}`);
          const rounded = minor ? a : roundScaled(a, scale, mode);
          acc[i] = rounded;
          total += rounded;
        }
        // Breakage: the headline, rounded once, minus what was paid (before caps); so
        // paid + capped + breakage is the headline to the cent, rounding residue included.
        paid.push(total);
        breakage.push(Number(minor ? headline : roundScaledBig(headline, scaleBig, mode)) - total);
        paidSoFar.set(names[c]!, acc);
      }
      const capped = hasCaps ? applyCapsFast(caps, amounts, members, memberCount, pvTotal, mode, capScratch) : names.map(() => 0);
      for (let c = 0; c < capped.length; c++) paid[c]! -= capped[c]!;
      return {
        period: network.period,
        size,
        members,
        memberCount,
        components: names,
        paidBy,
        amounts,
        paid,
        breakage,
        capped,
        pv,
        gv,
        largestLeg,
        frontline,
        rank,
        title,
        active,
        activeCount,
      };
    },
  };
}
